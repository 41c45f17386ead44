import {
  diffIsEmpty,
  type FlowDiff,
  MAX_FIELD_CHANGES,
  type StepChange,
  type StepChangeKind,
  type ValueChange,
} from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import { type MessageKey, t } from "../../i18n";
import { cardInfo } from "../card-info";
import { containerLabel, fieldLabel, fieldValueText, runAfterText, valueTitle } from "./change-labels";
import type { Base, Comparison } from "./use-comparison";

const KIND_LABELS: Readonly<Record<StepChangeKind, MessageKey>> = {
  added: "compare.kind.added",
  removed: "compare.kind.removed",
  renamed: "compare.kind.renamed",
  changed: "compare.kind.changed",
};

/** "2 steps added, 1 changed": the counts of a comparison, or that nothing changed. */
export function diffSummary(diff: FlowDiff): string {
  const count = (kind: StepChangeKind) => diff.steps.filter((s) => s.kind === kind).length;
  const parts = [
    [count("added"), "compare.count.added"],
    [count("changed") + count("renamed"), "compare.count.changed"],
    [count("removed"), "compare.count.removed"],
  ] as const;
  const listed = parts.filter(([n]) => n > 0).map(([n, key]) => t(key, { count: n }));
  if (diff.definition.length > 0) listed.push(t("compare.count.settings"));
  return listed.length === 0 ? t("compare.none") : listed.join(", ");
}

/**
 * A comparison in a dialog (Publish, a save conflict): loading, its failure, or a heading with the
 * counts and the list of changes, which scrolls; `empty` and `none` say what shows when nothing
 * differs and when there is nothing to compare with.
 */
export function ComparedChanges({
  comparison,
  heading,
  empty,
  none,
}: {
  comparison: Comparison;
  heading: (base: Base) => string;
  empty?: string;
  none?: string;
}) {
  if (comparison.state === "loading") return <p className="muted">{t("compare.loading")}</p>;
  if (comparison.state === "failed")
    return (
      <p className="form-error" role="alert">
        {t("compare.failed", { message: comparison.message })}
      </p>
    );
  if (comparison.state === "none") return none ? <p>{none}</p> : null;
  return (
    <>
      <h3>
        {heading(comparison.base)}
        <span className="muted"> · {diffSummary(comparison.diff)}</span>
      </h3>
      {!diffIsEmpty(comparison.diff) ? (
        <div className="publish-change-list">
          <ChangeList diff={comparison.diff} />
        </div>
      ) : (
        empty && <p>{empty}</p>
      )}
    </>
  );
}

/**
 * The steps that differ between two definitions, each with what changed in it. With `onSelect`,
 * a step's name is a button (to show it on the canvas) when `canSelect` says it is there.
 */
export function ChangeList({
  diff,
  onSelect,
  canSelect,
}: {
  diff: FlowDiff;
  onSelect?: (change: StepChange) => void;
  canSelect?: (change: StepChange) => boolean;
}) {
  return (
    <ol className="changes" aria-label={t("compare.listLabel")}>
      {diff.steps.map((change) => (
        <li
          key={`${change.kind}:${change.isTrigger}:${change.name}`}
          className={`change change-row-${change.kind}`}
          data-testid="change"
        >
          <ChangeHead change={change} onSelect={onSelect && canSelect?.(change) ? onSelect : undefined} />
          {change.previousName !== undefined && (
            <p className="change-note">
              {t("compare.renamedFrom", { name: cardInfo(change.previousName, change.before ?? {}).title })}
            </p>
          )}
          {change.moved && (
            <p className="change-note">
              {t("compare.moved", {
                from: containerLabel(change.moved.from),
                to: containerLabel(change.moved.to),
              })}
            </p>
          )}
          <Fields fields={change.fields} before={change.before} after={change.after} />
        </li>
      ))}
      {diff.definition.length > 0 && (
        <li className="change change-row-changed" data-testid="change">
          <div className="change-head">
            <span className="change-kind">{t("compare.kind.changed")}</span>
            <span className="change-step">{t("compare.flowSettings")}</span>
          </div>
          <Fields fields={diff.definition} before={undefined} after={undefined} />
        </li>
      )}
    </ol>
  );
}

function ChangeHead({
  change,
  onSelect,
}: {
  change: StepChange;
  onSelect: ((c: StepChange) => void) | undefined;
}) {
  const info = cardInfo(change.name, change.after ?? change.before ?? {});
  return (
    <div className="change-head">
      <span className="change-kind">{t(KIND_LABELS[change.kind])}</span>
      {onSelect ? (
        <button
          type="button"
          className="link-button change-step"
          title={t("compare.showStep")}
          onClick={() => onSelect(change)}
        >
          {info.title}
        </button>
      ) : (
        <span className="change-step">{info.title}</span>
      )}
      {(change.isTrigger || info.subtitle !== info.title) && (
        <span className="muted change-operation">
          {change.isTrigger ? t("compare.trigger", { operation: info.subtitle }) : info.subtitle}
        </span>
      )}
    </div>
  );
}

interface FieldRow {
  key: string;
  label: string;
  before: string;
  after: string;
  beforeTitle?: string | undefined;
  afterTitle?: string | undefined;
  beforeUnset: boolean;
  afterUnset: boolean;
}

/** The rows of a step's changed fields; a change to Run after is one row, in words. */
function fieldRows(
  fields: readonly ValueChange[],
  before: JsonObject | undefined,
  after: JsonObject | undefined,
): FieldRow[] {
  const step = after ?? before;
  const rows: FieldRow[] = [];
  let runAfterDone = false;
  for (const field of fields) {
    if (field.path[0] === "runAfter" && before && after) {
      if (runAfterDone) continue;
      runAfterDone = true;
      rows.push({
        key: "runAfter",
        label: t("compare.field.runAfter"),
        before: runAfterText(before.runAfter),
        after: runAfterText(after.runAfter),
        beforeUnset: false,
        afterUnset: false,
      });
      continue;
    }
    rows.push({
      key: field.path.join("\u0000"),
      label: fieldLabel(step, field.path),
      before: fieldValueText(step, field.path, field.before),
      after: fieldValueText(step, field.path, field.after),
      beforeTitle: valueTitle(field.before),
      afterTitle: valueTitle(field.after),
      beforeUnset: field.before === undefined,
      afterUnset: field.after === undefined,
    });
  }
  return rows;
}

function Fields({
  fields,
  before,
  after,
}: {
  fields: readonly ValueChange[];
  before: JsonObject | undefined;
  after: JsonObject | undefined;
}) {
  if (fields.length === 0) return null;
  return (
    <>
      <dl className="change-fields">
        {fieldRows(fields, before, after).map((row) => (
          <div key={row.key} className="change-field">
            <dt>{row.label}</dt>
            <dd>
              <del title={row.beforeTitle} className={row.beforeUnset ? "unset" : undefined}>
                {row.before}
              </del>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">{t("compare.becomes")}</span>
              <ins title={row.afterTitle} className={row.afterUnset ? "unset" : undefined}>
                {row.after}
              </ins>
            </dd>
          </div>
        ))}
      </dl>
      {fields.length >= MAX_FIELD_CHANGES && <p className="change-note">{t("compare.more")}</p>}
    </>
  );
}
