import { useState } from "react";
import { RUN_RETENTION_CHOICES, type Settings, type SettingsPatch } from "../../shared/api";
import { t } from "../i18n";
import { ConfirmDialog } from "../ui/ConfirmDialog";

const FOREVER = "forever";

function label(days: number | null): string {
  if (days === null) return t("settings.retention.forever");
  if (days === 365) return t("settings.retention.year");
  return t("settings.retention.days", { count: days });
}

/** Settings → Run history: how long ended runs are kept. Shortening it asks first: runs go at once. */
export function RunHistorySettings({
  settings,
  update,
}: {
  settings: Settings;
  update: (patch: SettingsPatch) => Promise<void>;
}) {
  const [shorter, setShorter] = useState<number>();
  const current = settings.runRetentionDays;
  // A value set outside the choices (in the settings file) is still shown as it is.
  const choices: (number | null)[] = [...RUN_RETENTION_CHOICES, null];
  if (current !== null && !choices.includes(current)) choices.unshift(current);

  const choose = (value: string) => {
    const days = value === FOREVER ? null : Number(value);
    if (days !== null && (current === null || days < current)) setShorter(days);
    else void update({ runRetentionDays: days });
  };

  return (
    <section className="settings-section" aria-labelledby="run-history-title">
      <h2 id="run-history-title">{t("settings.retention.title")}</h2>
      <label className="field">
        <span className="field-label">{t("settings.retention.keep")}</span>
        <select
          className="input"
          value={current === null ? FOREVER : String(current)}
          onChange={(e) => choose(e.target.value)}
        >
          {choices.map((days) => (
            <option key={days ?? FOREVER} value={days === null ? FOREVER : String(days)}>
              {label(days)}
            </option>
          ))}
        </select>
        <span className="field-help">{t("settings.retention.help")}</span>
      </label>
      {shorter !== undefined && (
        <ConfirmDialog
          title={t("settings.retention.confirmTitle")}
          body={t("settings.retention.confirmBody", { period: label(shorter).toLowerCase() })}
          confirmLabel={t("settings.retention.confirm", { period: label(shorter).toLowerCase() })}
          danger
          onClose={() => setShorter(undefined)}
          onConfirm={async () => {
            await update({ runRetentionDays: shorter });
            setShorter(undefined);
          }}
        />
      )}
    </section>
  );
}
