import { t } from "../../i18n";
import { NumberSetting } from "./SettingsForm";

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
      <label className="check">
        <input
          type="checkbox"
          checked={runs !== undefined}
          disabled={readOnly}
          onChange={(event) => onChange(event.target.checked ? 1 : null)}
        />{" "}
        {t("designer.concurrency.limit")}
      </label>
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
