import { useEffect, useState } from "react";
import type { StaticResult, StaticResultStatus, StaticResultUse } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { t } from "../../i18n";
import { CheckSetting } from "./SettingsForm";

const STATUSES: readonly StaticResultStatus[] = ["Succeeded", "Failed", "Skipped", "TimedOut"];

/**
 * A step's static result (Power Automate's testing aid): turned on, the step does not run and ends
 * with this status and these outputs, so a test can take a path without the service.
 */
export function StaticResultSetting({
  use,
  defaultOutputs,
  readOnly,
  onChange,
}: {
  use: StaticResultUse;
  /** What a new static result starts with: the shape of the step's real outputs. */
  defaultOutputs: JsonValue;
  readOnly: boolean;
  onChange: (change: { result: StaticResult; enabled: boolean }) => void;
}) {
  const result: StaticResult =
    use.kind === "enabled" ? use.result : { status: "Succeeded", outputs: defaultOutputs };
  const on = use.kind === "enabled";
  // What is typed, kept until it is valid JSON; it follows the saved outputs when they change.
  const shown = JSON.stringify(result.outputs ?? null, null, 2);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    setText(shown);
    setProblem(undefined);
  }, [shown]);
  return (
    <fieldset className="settings-group" data-field="runtimeConfiguration/staticResult">
      <legend>{t("designer.staticResult.title")}</legend>
      <p className="field-help">{t("designer.staticResult.help")}</p>
      <CheckSetting
        label={t("designer.staticResult.enable")}
        checked={on}
        readOnly={readOnly}
        onChange={(enabled) => onChange({ result, enabled })}
      />
      {on && (
        <>
          <label className="field">
            <span className="field-label">{t("designer.staticResult.status")}</span>
            <select
              className="input"
              disabled={readOnly}
              value={result.status}
              onChange={(event) =>
                onChange({
                  result: { ...result, status: event.target.value as StaticResultStatus },
                  enabled: true,
                })
              }
            >
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`designer.staticResult.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t("designer.staticResult.outputs")}</span>
            <textarea
              className="input code-input"
              rows={8}
              spellCheck={false}
              readOnly={readOnly}
              value={text}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => setText(event.target.value)}
              onBlur={() => {
                if (text === shown) return;
                try {
                  const outputs = JSON.parse(text) as JsonValue;
                  setProblem(undefined);
                  onChange({ result: { ...result, outputs }, enabled: true });
                } catch (error) {
                  setProblem(
                    t("designer.staticResult.invalidJson", {
                      message: error instanceof Error ? error.message : String(error),
                    }),
                  );
                }
              }}
            />
            {problem && <span className="field-problem error">{problem}</span>}
          </label>
        </>
      )}
    </fieldset>
  );
}
