import {
  normalizeStatus,
  RUN_AFTER_STATUSES,
  type RunAfterStatus,
  type WdlRunAfter,
} from "../../../shared/flow";
import { type MessageKey, t } from "../../i18n";
import { displayName } from "../card-info";

const STATUS_TITLES: Record<RunAfterStatus, MessageKey> = {
  Succeeded: "designer.runAfter.succeeded",
  Failed: "designer.runAfter.failed",
  Skipped: "designer.runAfter.skipped",
  TimedOut: "designer.runAfter.timedOut",
};

/**
 * Which earlier steps of the same branch this one waits for, and on which of their outcomes:
 * Power Automate's "Configure run after". Candidates are the step's siblings that cannot create a cycle.
 */
export function RunAfterEditor({
  runAfter,
  candidates,
  onChange,
  readOnly,
}: {
  runAfter: WdlRunAfter;
  candidates: readonly string[];
  onChange: (runAfter: WdlRunAfter) => void;
  readOnly: boolean;
}) {
  const statusesOf = (name: string): RunAfterStatus[] =>
    (runAfter[name] ?? []).map((s) => normalizeStatus(s)).filter((s): s is RunAfterStatus => s !== undefined);
  if (candidates.length === 0) {
    return <p className="muted">{t("designer.runAfter.first")}</p>;
  }
  return (
    <div className="run-after" data-testid="run-after">
      <p className="field-help">{t("designer.runAfter.help")}</p>
      {candidates.map((name) => {
        const chosen = Object.hasOwn(runAfter, name);
        const statuses = statusesOf(name);
        return (
          <fieldset key={name} className="run-after-step">
            <legend>
              <label>
                <input
                  type="checkbox"
                  checked={chosen}
                  disabled={readOnly}
                  onChange={(event) => {
                    const next = { ...runAfter };
                    if (event.target.checked) next[name] = ["Succeeded"];
                    else delete next[name];
                    onChange(next);
                  }}
                />{" "}
                {displayName(name)}
              </label>
            </legend>
            {chosen && (
              <div className="run-after-statuses">
                {RUN_AFTER_STATUSES.map((status) => (
                  <label key={status}>
                    <input
                      type="checkbox"
                      checked={statuses.includes(status)}
                      disabled={readOnly}
                      onChange={(event) => {
                        const next = event.target.checked
                          ? [...statuses, status]
                          : statuses.filter((s) => s !== status);
                        if (next.length === 0) return; // at least one outcome: unticking the last one is refused
                        onChange({ ...runAfter, [name]: RUN_AFTER_STATUSES.filter((s) => next.includes(s)) });
                      }}
                    />{" "}
                    {t(STATUS_TITLES[status])}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
