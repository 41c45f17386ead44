// How a change between two definitions reads: the field's name as the step's form shows it ("To",
// "Approval type") rather than its path in the JSON, where the branch a step sits in is, and a
// value short enough for one line.
import { type InputDeclaration, inputsOf, operationOfAction } from "../../../shared/connectors";
import {
  branchLabel,
  type ContainerRef,
  type FlowDiff,
  normalizeStatuses,
  type RunAfterStatus,
} from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { type MessageKey, t } from "../../i18n";
import { branchHeadLabel, cardInfo, displayName } from "../card-info";

/** Settings every step has, by the first segment of their path. */
const SETTING_LABELS: Readonly<Record<string, MessageKey>> = {
  runAfter: "compare.field.runAfter",
  retryPolicy: "compare.field.retryPolicy",
  limit: "compare.field.limit",
  runtimeConfiguration: "compare.field.settings",
  operationOptions: "compare.field.settings",
  conditions: "compare.field.triggerConditions",
  splitOn: "compare.field.settings",
  expression: "compare.field.expression",
  recurrence: "compare.field.recurrence",
  description: "compare.field.note",
  type: "compare.field.type",
  kind: "compare.field.type",
  metadata: "compare.field.metadata",
};

const SEPARATOR = " › ";

/** The declared input a value at `rest` (a slash path) belongs to: the longest name that is a prefix. */
function inputAt(inputs: readonly InputDeclaration[], rest: string): InputDeclaration | undefined {
  let best: InputDeclaration | undefined;
  for (const input of inputs) {
    if (
      (rest === input.name || rest.startsWith(`${input.name}/`)) &&
      input.name.length > (best?.name.length ?? -1)
    )
      best = input;
  }
  return best;
}

/** The form input a value at `path` of a step belongs to, and the rest of the path below it. */
function inputOfPath(
  step: JsonObject | undefined,
  path: readonly string[],
): { input: InputDeclaration; below: string } | undefined {
  const operation = step ? operationOfAction(step) : undefined;
  if (!operation || !step) return undefined;
  const inParameters = path[0] === "inputs" && path[1] === "parameters" && path.length > 2;
  const rest = inParameters ? path.slice(2).join("/") : path.join("/");
  const input = inputAt(
    inputsOf(operation, step).filter(
      (i) => (i.at ?? operation.inputLocation) === (inParameters ? "parameters" : "action"),
    ),
    rest,
  );
  return input && { input, below: rest.slice(input.name.length + 1) };
}

/** What a person calls the field at `path` of a step (a trigger or an action). */
export function fieldLabel(step: JsonObject | undefined, path: readonly string[]): string {
  const found = inputOfPath(step, path);
  if (found) {
    const { input, below } = found;
    return below ? `${input.title}${SEPARATOR}${below.split("/").join(SEPARATOR)}` : input.title;
  }
  if (step && operationOfAction(step) && path[0] === "inputs" && path[1] === "host")
    return t("compare.field.connection");
  const [first = "", ...more] = path;
  const setting = SETTING_LABELS[first];
  if (setting) return [t(setting), ...more].join(SEPARATOR);
  return path.length === 0 ? t("compare.field.whole") : path.join(SEPARATOR);
}

/** A field's value as the form offers it: a choice by its title ("Everyone must approve"), else valueText. */
export function fieldValueText(
  step: JsonObject | undefined,
  path: readonly string[],
  value: JsonValue | undefined,
): string {
  const found = inputOfPath(step, path);
  const option =
    found && found.below === "" && value !== undefined
      ? found.input.enum?.find((o) => o.value === value)
      : undefined;
  return option ? option.title : valueText(value);
}

/** "the top level", "Condition › Yes", "Switch › Case 2", "Apply to each › Steps". */
export function containerLabel(container: ContainerRef): string {
  if (container === null) return t("compare.topLevel");
  // The branch as its chip on the canvas says it (a case by its name: the value is not at hand).
  const label = branchHeadLabel(branchLabel(container), undefined, "");
  return `${displayName(container.scope)}${SEPARATOR}${displayName(label)}`;
}

const MAX_VALUE_CHARS = 160;

/** A value on one line: text as written, anything else as JSON, cut short past 160 characters. */
export function valueText(value: JsonValue | undefined): string {
  if (value === undefined) return t("compare.notSet");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === "") return t("compare.empty");
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** The full value, for a tooltip. */
export function valueTitle(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

const STATUS_LABELS: Readonly<Record<RunAfterStatus, MessageKey>> = {
  Succeeded: "designer.edge.succeeded",
  Failed: "designer.edge.failed",
  Skipped: "designer.edge.skipped",
  TimedOut: "designer.edge.timedOut",
};

/**
 * A step's Run after in words: "Start and wait for an approval (succeeded)", or "first in its branch"
 * when it waits for nothing.
 */
export function runAfterText(runAfter: JsonValue | undefined): string {
  if (!isJsonObject(runAfter) || Object.keys(runAfter).length === 0) return t("compare.runsFirst");
  return Object.entries(runAfter)
    .map(([name, statuses]) => {
      const list = Array.isArray(statuses)
        ? normalizeStatuses(statuses.filter((s): s is string => typeof s === "string"))
        : [];
      const words = list.map((status) => t(STATUS_LABELS[status]));
      return words.length > 0 ? `${displayName(name)} (${words.join(", ")})` : displayName(name);
    })
    .join(", ");
}

/** The longest note a version may have (the contract's limit). */
const NOTE_MAX = 500;

/**
 * A publish note written from a comparison: "Changed Start and wait for an approval; added Compose
 * note; removed Send an email (V2)". Empty when nothing changed; cut short past 500 characters.
 */
export function noteFromChanges(diff: FlowDiff): string {
  const title = (name: string, step: JsonObject | undefined) => cardInfo(name, step ?? {}).title;
  const titles = (kind: "changed" | "added" | "removed") =>
    diff.steps
      .filter((s) => s.kind === kind)
      .map((s) => title(s.name, s.after ?? s.before))
      .join(", ");
  const parts: string[] = [];
  const changed = titles("changed");
  if (changed) parts.push(t("compare.note.changed", { steps: changed }));
  const added = titles("added");
  if (added) parts.push(t("compare.note.added", { steps: added }));
  const removed = titles("removed");
  if (removed) parts.push(t("compare.note.removed", { steps: removed }));
  for (const s of diff.steps.filter((c) => c.kind === "renamed"))
    parts.push(
      t("compare.note.renamed", {
        from: title(s.previousName ?? s.name, s.before),
        to: title(s.name, s.after),
      }),
    );
  if (diff.definition.length > 0) parts.push(t("compare.note.settings"));
  const text = parts.join("; ");
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return sentence.length > NOTE_MAX ? `${sentence.slice(0, NOTE_MAX - 1)}…` : sentence;
}
