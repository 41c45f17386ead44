import { useEffect, useState } from "react";
import { useLocation, useSearch } from "wouter";
import type { AppInfo, ConnectorPolicySetting } from "../../shared/api";
import { CONNECTORS } from "../../shared/connectors";
import { api } from "../api/client";
import { useDocumentTitle } from "../app/document-title";
import { type MessageKey, t } from "../i18n";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ConfirmList } from "../ui/ConfirmList";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { AdminAccess } from "./AdminAccess";
import { RunHistorySettings } from "./RunHistorySettings";
import { useSettings } from "./settings-store";

const CLASSES = ["business", "non-business", "blocked"] as const;

/** The administration form's unsaved changes, kept while the person visits other pages. */
let keptAdmin: { automateEnabled: boolean; policy: ConnectorPolicySetting } | undefined;

/** Appearance, Automate's privacy statement, run history, and administration (sign-in, the Automate policy). */
export function SettingsPage() {
  const [, navigate] = useLocation();
  useDocumentTitle(t("nav.settings"));
  const { settings, update, load } = useSettings();
  const [info, setInfo] = useState<AppInfo>();
  // The administration form as left unsaved on another visit comes back (nothing typed is lost by
  // going to another page); else it starts from the saved policy.
  const [policy, setPolicy] = useState<ConnectorPolicySetting>(
    () => keptAdmin?.policy ?? settings.connectorPolicy,
  );
  const [automateEnabled, setAutomateEnabled] = useState(
    () => keptAdmin?.automateEnabled ?? settings.automateEnabled,
  );
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.call("app.info", {}).then(setInfo, () => {});
  }, []);
  // Arriving for one section (Automate → Open Settings: ?section=automate or admin), it is scrolled
  // to and takes the focus.
  const section = new URLSearchParams(useSearch()).get("section");
  useEffect(() => {
    const target = section ? document.getElementById(`settings-${section}`) : null;
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }, [section]);
  // The form follows the saved policy when it changes, not whenever settings come back from the
  // backend (an answer to another change, such as the role, must not undo edits not yet saved).
  const savedPolicy = JSON.stringify(settings.connectorPolicy);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the saved policy's content
  useEffect(() => {
    if (keptAdmin) return;
    setPolicy(settings.connectorPolicy);
  }, [savedPolicy]);
  useEffect(() => {
    if (keptAdmin) return;
    setAutomateEnabled(settings.automateEnabled);
  }, [settings.automateEnabled]);
  const policyChanged =
    automateEnabled !== settings.automateEnabled || JSON.stringify(policy) !== savedPolicy;
  // Kept while the person is elsewhere; forgotten once saved or discarded.
  useEffect(() => {
    keptAdmin = policyChanged ? { automateEnabled, policy } : undefined;
  }, [policyChanged, automateEnabled, policy]);
  const discardPolicy = () => {
    keptAdmin = undefined;
    setPolicy(settings.connectorPolicy);
    setAutomateEnabled(settings.automateEnabled);
  };
  // Signing out forgets the policy edits not saved: the next administrator starts from the saved one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the role changes only
  useEffect(() => {
    if (settings.role !== "admin") discardPolicy();
  }, [settings.role]);
  const connectors = CONNECTORS.filter((c) => !c.builtIn);

  // Flows the policy would suspend, shown before it is saved.
  const [toSuspend, setToSuspend] = useState<{ id: string; name: string; reason: string }[]>();
  const askThenSave = async () => {
    setSaving(true);
    try {
      const preview = await api.call("admin.previewPolicy", { connectorPolicy: policy });
      if (preview.suspended.length > 0) {
        setToSuspend(preview.suspended);
        return;
      }
    } catch (error) {
      toast.error(describeError(error));
      return;
    } finally {
      setSaving(false);
    }
    await savePolicy();
  };
  const savePolicy = async () => {
    setSaving(true);
    try {
      const result = await api.call("admin.setPolicy", { automateEnabled, connectorPolicy: policy });
      keptAdmin = undefined;
      await load();
      toast.success(t("settings.saved"));
      if (result.suspended.length > 0)
        toast.error(t("settings.suspended", { count: result.suspended.length }));
      if (result.allowed.length > 0)
        toast.info(t("settings.allowedAgain", { count: result.allowed.length }), {
          label: t("nav.workflows"),
          run: () => navigate("/workflows"),
        });
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1>{t("settings.title")}</h1>
      </header>
      <section className="settings-section">
        <h2>{t("settings.appearance")}</h2>
        <label className="field">
          <span className="field-label">{t("settings.theme")}</span>
          <select
            className="input"
            value={settings.theme}
            onChange={(e) => void update({ theme: e.target.value as "system" | "light" | "dark" })}
          >
            {(["system", "light", "dark"] as const).map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.theme.${theme}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section
        className="settings-section"
        id="settings-automate"
        tabIndex={-1}
        aria-labelledby="settings-automate-title"
      >
        <h2 id="settings-automate-title">{t("settings.automate")}</h2>
        <div className="field">
          <span className="field-label">{t("settings.consent")}</span>
          <div className="inline-actions">
            <span data-testid="consent-state">
              {t(`settings.consent.${settings.automateConsent}` as MessageKey)}
            </span>
            {settings.automateConsent !== "accepted" && (
              <button
                type="button"
                className="button"
                onClick={() => void update({ automateConsent: "accepted" })}
              >
                {t("settings.consent.accept")}
              </button>
            )}
            {settings.automateConsent !== "declined" && (
              <button
                type="button"
                className="button"
                onClick={() => void update({ automateConsent: "declined" })}
              >
                {t("settings.consent.withdraw")}
              </button>
            )}
          </div>
          <p className="field-help">{t("automate.privacy")}</p>
        </div>
      </section>
      <RunHistorySettings settings={settings} update={update} />
      <section className="settings-section" id="settings-admin" tabIndex={-1} aria-labelledby="admin-title">
        <h2 id="admin-title">{t("settings.admin")}</h2>
        <AdminAccess settings={settings} />
        {settings.role === "admin" && (
          <div className="form">
            <label className="check">
              <input
                type="checkbox"
                checked={automateEnabled}
                onChange={(e) => setAutomateEnabled(e.target.checked)}
              />{" "}
              {t("settings.automateEnabled")}
            </label>
            {!automateEnabled && <p className="field-help">{t("settings.automateOffHelp")}</p>}
            <div className="field">
              <span className="field-label">{t("settings.connectors")}</span>
              <p className="field-help">{t("settings.connectorsHelp")}</p>
              <table className="table policy-table">
                <tbody>
                  {connectors.map((connector) => (
                    <tr key={connector.id}>
                      <th scope="row">{connector.displayName}</th>
                      <td>
                        <select
                          className="input"
                          aria-label={`${connector.displayName} classification`}
                          value={policy.connectors[connector.id] ?? "non-business"}
                          onChange={(e) =>
                            setPolicy({
                              ...policy,
                              connectors: {
                                ...policy.connectors,
                                [connector.id]: e.target.value as (typeof CLASSES)[number],
                              },
                            })
                          }
                        >
                          {CLASSES.map((c) => (
                            <option key={c} value={c}>
                              {t(`settings.class.${c}` as MessageKey)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="policy-actions">
              <button
                type="button"
                className="button primary"
                disabled={saving || !policyChanged}
                onClick={() => void askThenSave()}
              >
                {t("settings.savePolicy")}
              </button>
              {policyChanged && (
                <>
                  <button type="button" className="button" disabled={saving} onClick={discardPolicy}>
                    {t("settings.discardPolicy")}
                  </button>
                  <span className="muted" role="status" data-testid="policy-unsaved">
                    {t("settings.policyUnsaved")}
                  </span>
                </>
              )}
            </div>
          </div>
        )}
      </section>
      {toSuspend && (
        <ConfirmDialog
          title={t("settings.confirmSuspend.title", { count: toSuspend.length })}
          body={t("settings.confirmSuspend.body")}
          details={
            <ConfirmList
              testId="flows-to-suspend"
              items={toSuspend.map((flow) => ({ id: flow.id, name: flow.name, detail: flow.reason }))}
            />
          }
          confirmLabel={t("settings.confirmSuspend.confirm")}
          danger
          onClose={() => setToSuspend(undefined)}
          onConfirm={async () => {
            setToSuspend(undefined);
            await savePolicy();
          }}
        />
      )}
      {info && (
        <section className="settings-section">
          <h2>{t("settings.data")}</h2>
          <dl className="facts">
            <dt>{t("settings.dataDir")}</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </dl>
        </section>
      )}
    </div>
  );
}
