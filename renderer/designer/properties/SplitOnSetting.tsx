import { useEffect, useState } from "react";
import { analyzeTemplate } from "../../../shared/expr";
import { t } from "../../i18n";
import { CheckSetting } from "./SettingsForm";

/** What "Split on" starts from when it is turned on and the trigger names no array of its own. */
const DEFAULT_SPLIT_ON = "@triggerBody()?['value']";

/**
 * The trigger's splitOn: one run per item of the array its expression gives (each email of a
 * batch). Only a whole expression that parses is written; what is typed otherwise says why.
 */
export function SplitOnSetting({
  splitOn,
  suggested,
  readOnly,
  onChange,
}: {
  splitOn: string | undefined;
  /** The catalog's own splitOn for this trigger, offered when it is turned on. */
  suggested: string | undefined;
  readOnly: boolean;
  onChange: (splitOn: string | null) => void;
}) {
  const [text, setText] = useState(splitOn ?? "");
  useEffect(() => setText(splitOn ?? ""), [splitOn]);
  const problem = problemOf(text);
  return (
    <fieldset className="settings-group" data-field="splitOn">
      <legend>{t("designer.splitOn.title")}</legend>
      <p className="field-help">{t("designer.splitOn.help")}</p>
      <CheckSetting
        label={t("designer.splitOn.enable")}
        checked={splitOn !== undefined}
        readOnly={readOnly}
        onChange={(on) => onChange(on ? (suggested ?? DEFAULT_SPLIT_ON) : null)}
      />
      {splitOn !== undefined && (
        <label className="field">
          <span className="field-label">{t("designer.splitOn.array")}</span>
          <input
            className="input split-on-input"
            readOnly={readOnly}
            value={text}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (!problemOf(event.target.value)) onChange(event.target.value.trim());
            }}
          />
          {problem && <span className="field-problem error">{problem}</span>}
        </label>
      )}
    </fieldset>
  );
}

function problemOf(text: string): string | undefined {
  const analysis = analyzeTemplate(text.trim());
  if (analysis.kind !== "expression") return t("designer.splitOn.notExpression");
  const error = analysis.errors[0];
  return error ? t("designer.splitOn.invalid", { message: error.message }) : undefined;
}
