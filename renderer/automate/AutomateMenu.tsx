import { ChevronDown, Zap } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { InstantFlow } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { useSettings } from "../settings/settings-store";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { RunFlowPane } from "./RunFlowPane";

export interface AutomateMenuProps {
  /** The Business Central table (entity set) of the page: "vendors". */
  table: string;
  tableTitle: string;
  records: { table: string; id: string; label: string }[];
  user: { name: string; email: string };
}

/**
 * The Automate action of Business Central's pages: the privacy statement the first time, then the
 * instant flows offered on this page, Create a flow and Manage flows.
 */
export function AutomateMenu({ table, tableTitle, records, user }: AutomateMenuProps) {
  const consent = useSettings((s) => s.settings.automateConsent);
  const automateEnabled = useSettings((s) => s.settings.automateEnabled);
  const update = useSettings((s) => s.update);
  const [open, setOpen] = useState(false);
  const [consentOpen, setConsentOpen] = useState(false);
  const [flows, setFlows] = useState<InstantFlow[]>();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState<InstantFlow>();
  const [, navigate] = useLocation();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || consent !== "accepted" || !automateEnabled) return;
    setFlows(undefined);
    api.call("automate.flowsFor", { page: table }).then(setFlows, (e: unknown) => setError(describeError(e)));
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, consent, automateEnabled, table]);

  const onButton = () => {
    if (consent === "unknown") setConsentOpen(true);
    else setOpen(!open);
  };

  const createFlow = async () => {
    setOpen(false);
    try {
      const flow = await api.call("automate.newFlow", { page: table });
      navigate(`~/flows/${flow.id}`);
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };

  /** Closes the menu for another page of the app. */
  const leaveFor = (path: string) => {
    setOpen(false);
    navigate(path);
  };

  const recordsLabel = records.length === 0 ? tableTitle : records.map((r) => r.label).join(", ");

  return (
    <div className="menu-root automate" ref={root}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={onButton}>
        <Zap size={15} aria-hidden="true" /> {t("automate.button")}{" "}
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div className="menu automate-menu" role="menu" data-testid="automate-menu">
          {consent === "declined" || !automateEnabled ? (
            <>
              <p className="menu-note">{t(consent === "declined" ? "automate.declined" : "automate.off")}</p>
              <div className="menu-separator" />
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => leaveFor("~/settings")}
              >
                {t("automate.openSettings")}
              </button>
            </>
          ) : (
            <>
              {error && <p className="menu-note form-error">{error}</p>}
              {flows === undefined && !error && <p className="menu-note muted">{t("common.loading")}</p>}
              {flows?.length === 0 && <p className="menu-note muted">{t("automate.none")}</p>}
              {flows?.map((flow) => (
                <button
                  key={flow.flowId}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => {
                    setOpen(false);
                    setRunning(flow);
                  }}
                >
                  <Zap size={14} aria-hidden="true" />
                  {flow.name}
                  {flow.everywhere && <span className="muted"> · {t("automate.everywhere")}</span>}
                </button>
              ))}
              <div className="menu-separator" />
              <button type="button" role="menuitem" className="menu-item" onClick={() => void createFlow()}>
                {t("automate.create")}
              </button>
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => leaveFor(`~/workflows?page=${table}`)}
              >
                {t("automate.manage")}
              </button>
            </>
          )}
        </div>
      )}
      {consentOpen && (
        <Dialog title={t("automate.privacyTitle")} onClose={() => setConsentOpen(false)}>
          <div data-testid="automate-consent" className="form">
            <p>{t("automate.privacy")}</p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={async () => {
                  await update({ automateConsent: "declined" });
                  setConsentOpen(false);
                  toast.info(t("automate.declined"));
                }}
              >
                {t("automate.decline")}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={async () => {
                  await update({ automateConsent: "accepted" });
                  setConsentOpen(false);
                  setOpen(true);
                }}
              >
                {t("automate.getStarted")}
              </button>
            </div>
          </div>
        </Dialog>
      )}
      {running && (
        <RunFlowPane
          flowId={running.flowId}
          name={running.name}
          fields={running.fields}
          intro={t("automate.runIntro", { name: running.name, records: recordsLabel })}
          blocked={
            running.trigger === "selected-record" && records.length === 0 ? t("automate.noRecord") : undefined
          }
          start={(inputs) =>
            api.call("automate.run", {
              flowId: running.flowId,
              page: table,
              user,
              inputs,
              ...(records.length
                ? { records: records.map(({ table: tbl, id }) => ({ table: tbl, id })) }
                : {}),
            })
          }
          onClose={() => setRunning(undefined)}
        />
      )}
    </div>
  );
}
