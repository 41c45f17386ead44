import { useEffect, useState } from "react";
import {
  type ActionSettings,
  isIsoDuration,
  type TimeoutUse,
  type WdlRetryPolicy,
} from "../../../shared/flow";
import { t } from "../../i18n";
import type { FieldProblem } from "./InputField";

/** Retry policy, timeout and secure inputs/outputs of a step (Power Automate's "Settings"). */
export function SettingsForm({
  retryPolicy,
  timeout,
  timeoutUse,
  timeoutProblem,
  secureInputs,
  secureOutputs,
  supportsRetry,
  onChange,
  readOnly,
}: {
  retryPolicy: WdlRetryPolicy | undefined;
  timeout: string | undefined;
  /** An Until's timeout is its loop limit (on its parameters); other steps that never wait ignore one. */
  timeoutUse: TimeoutUse;
  /** The checker's finding on limit/timeout. */
  timeoutProblem: FieldProblem | undefined;
  secureInputs: boolean;
  secureOutputs: boolean;
  supportsRetry: boolean;
  onChange: (settings: ActionSettings) => void;
  readOnly: boolean;
}) {
  const type = retryPolicy?.type?.toLowerCase() ?? "default";
  return (
    <div className="form settings-form">
      {supportsRetry && (
        <fieldset className="settings-group">
          <legend>{t("designer.settings.retry")}</legend>
          <p className="field-help">{t("designer.settings.retryHelp")}</p>
          <label className="field">
            <span className="field-label">{t("designer.settings.retryType")}</span>
            <select
              className="input"
              aria-label={t("designer.settings.retry")}
              disabled={readOnly}
              value={type}
              onChange={(event) => {
                const next = event.target.value;
                onChange({
                  retryPolicy:
                    next === "default"
                      ? null
                      : next === "none"
                        ? { type: "none" }
                        : next === "fixed"
                          ? { type: "fixed", count: 4, interval: "PT20S" }
                          : { type: "exponential", count: 4, interval: "PT7S" },
                });
              }}
            >
              <option value="default">{t("designer.settings.retryDefault")}</option>
              <option value="none">{t("designer.settings.retryNone")}</option>
              <option value="fixed">{t("designer.settings.retryFixed")}</option>
              <option value="exponential">{t("designer.settings.retryExponential")}</option>
            </select>
          </label>
          {(type === "fixed" || type === "exponential") && retryPolicy && (
            <div className="settings-row">
              <NumberSetting
                label={t("designer.settings.count")}
                value={retryPolicy.count ?? 4}
                min={1}
                max={90}
                readOnly={readOnly}
                onChange={(count) => onChange({ retryPolicy: { ...retryPolicy, count } })}
              />
              <DurationSetting
                label={t("designer.settings.interval")}
                value={retryPolicy.interval ?? ""}
                readOnly={readOnly}
                onChange={(interval) => onChange({ retryPolicy: { ...retryPolicy, interval } })}
              />
            </div>
          )}
        </fieldset>
      )}
      {timeoutUse === "step" && (
        <fieldset className="settings-group" data-field="limit/timeout">
          <legend>{t("designer.settings.timeout")}</legend>
          <p className="field-help">{t("designer.settings.timeoutHelp")}</p>
          <DurationSetting
            label={t("designer.settings.actionTimeout")}
            value={timeout ?? ""}
            readOnly={readOnly}
            problem={timeoutProblem}
            onChange={(value) => onChange({ timeout: value || null })}
          />
        </fieldset>
      )}
      {timeoutUse === "none" && timeout !== undefined && (
        <fieldset className="settings-group" data-field="limit/timeout">
          <legend>{t("designer.settings.timeout")}</legend>
          <p className="field-help">{t("designer.settings.timeoutIgnored", { timeout })}</p>
          <div className="settings-actions">
            <button
              type="button"
              className="button"
              disabled={readOnly}
              onClick={() => onChange({ timeout: null })}
            >
              {t("designer.settings.removeTimeout")}
            </button>
          </div>
        </fieldset>
      )}
      <fieldset className="settings-group">
        <legend>{t("designer.settings.security")}</legend>
        <CheckSetting
          label={t("designer.settings.secureInputs")}
          checked={secureInputs}
          readOnly={readOnly}
          onChange={(secureInputs) => onChange({ secureInputs })}
        />
        <CheckSetting
          label={t("designer.settings.secureOutputs")}
          checked={secureOutputs}
          readOnly={readOnly}
          onChange={(secureOutputs) => onChange({ secureOutputs })}
        />
      </fieldset>
    </div>
  );
}

/** A yes/no setting: a checkbox with its label. */
export function CheckSetting({
  label,
  checked,
  readOnly,
  onChange,
}: {
  label: string;
  checked: boolean;
  readOnly: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        onChange={(event) => onChange(event.target.checked)}
      />{" "}
      {label}
    </label>
  );
}

export function NumberSetting({
  label,
  value,
  min,
  max,
  readOnly,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  readOnly: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="number"
        className="input"
        min={min}
        max={max}
        readOnly={readOnly}
        value={value}
        onChange={(event) => {
          const n = Number(event.target.value);
          if (Number.isInteger(n) && n >= min && n <= max) onChange(n);
        }}
      />
    </label>
  );
}

/** A duration field that only writes valid ISO 8601 durations, and says why it does not. */
export function DurationSetting({
  label,
  value,
  readOnly,
  problem,
  onChange,
}: {
  label: string;
  value: string;
  readOnly: boolean;
  /** The checker's finding on the saved value; what is being typed is checked here. */
  problem?: FieldProblem | undefined;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const typedInvalid = text !== "" && !isIsoDuration(text);
  const invalid = typedInvalid || problem?.severity === "error";
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="input"
        readOnly={readOnly}
        value={text}
        placeholder="PT1H"
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === "" || isIsoDuration(event.target.value)) onChange(event.target.value);
        }}
      />
      {/* What is being typed speaks first; the checker's finding is about the saved value. */}
      {typedInvalid && (text !== value || !problem) ? (
        <span className="field-problem error">{t("designer.settings.durationHint")}</span>
      ) : (
        problem && <span className={`field-problem ${problem.severity}`}>{problem.message}</span>
      )}
    </label>
  );
}
