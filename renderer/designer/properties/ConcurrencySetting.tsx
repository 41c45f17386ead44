import { t } from "../../i18n";
import { CheckSetting, NumberSetting } from "./SettingsForm";

/**
 * The trigger's concurrency control: how many runs of the flow at once (runtimeConfiguration.
 * concurrency.runs). Runs beyond it wait their turn, so approvals can be handled one at a time.
 */
export function ConcurrencySetting({
  runs,
  readOnly,
  onChange,
}: {
  runs: number | undefined;
  readOnly: boolean;
  onChange: (runs: number | null) => void;
}) {
  return (
    <fieldset className="settings-group" data-field="runtimeConfiguration/concurrency/runs">
      <legend>{t("designer.concurrency.title")}</legend>
      <p className="field-help">{t("designer.concurrency.help")}</p>
      <CheckSetting
        label={t("designer.concurrency.limit")}
        checked={runs !== undefined}
        readOnly={readOnly}
        onChange={(limited) => onChange(limited ? 1 : null)}
      />
      {runs !== undefined && (
        <NumberSetting
          label={t("designer.concurrency.runs")}
          value={runs}
          min={1}
          max={100}
          readOnly={readOnly}
          onChange={(value) => onChange(value)}
        />
      )}
    </fieldset>
  );
}
