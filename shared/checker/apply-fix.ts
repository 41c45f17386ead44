// Applies a finding's suggested fix to the definition: the designer's one-click "Fix". Each edit
// kind maps onto the flow edits of shared/flow, so the result is what the person would have done by
// hand, and undo takes it back in one step.
import { inputsOf, operationOfAction, setAt, withInputValue } from "../connectors";
import { renameActionReferencesInValue } from "../expr";
import {
  actionIndex,
  EditError,
  type InsertionPoint,
  insertAction,
  moveAction,
  setRunAfter,
  setStaticResult,
  staticResultOf,
  uniqueActionName,
  updateAction,
  updateActionSettings,
  updateTrigger,
  type WdlAction,
  type WdlDefinition,
  type WdlTrigger,
} from "../flow";
import { getOwn, putOwn } from "../flow/own";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import type { Finding, FixEdit, StepPath } from "./types";

/** A fix that no longer fits the definition (it changed since the check): an edit refused. */
export class FixError extends EditError {
  constructor(message: string) {
    super("notFound", message);
  }
}

/** The fix's edit can be applied here (some fixes only say what to do). */
export function canApplyFix(finding: Finding): boolean {
  return finding.fix?.edit !== undefined && finding.step !== undefined;
}

/** The definition with the finding's fix applied; throws FixError when it no longer fits. */
export function applyFix(definition: WdlDefinition, finding: Finding): WdlDefinition {
  const edit = finding.fix?.edit;
  const stepName = finding.step;
  if (!edit || stepName === undefined) throw new FixError("This finding has no fix to apply.");
  const isTrigger = finding.nodeId.startsWith("#trigger/");
  const updateStep = (change: (step: JsonObject) => JsonObject): WdlDefinition =>
    isTrigger
      ? updateTrigger(definition, {
          name: stepName,
          update: (t) => change(t as unknown as JsonObject) as unknown as WdlTrigger,
        })
      : updateAction(definition, {
          name: stepName,
          update: (a) => change(a as unknown as JsonObject) as unknown as WdlAction,
        });
  return apply(definition, edit, updateStep);
}

function apply(
  definition: WdlDefinition,
  edit: FixEdit,
  updateStep: (change: (step: JsonObject) => JsonObject) => WdlDefinition,
): WdlDefinition {
  switch (edit.kind) {
    case "replace-text":
      return updateStep((step) => replaceText(step, edit.path, edit.start, edit.end, edit.text));
    case "set-value":
      return updateStep((step) => setValue(step, edit.field, edit.value));
    case "rename-reference":
      return updateStep((step) => renameActionReferencesInValue(step, edit.from, edit.to) as JsonObject);
    case "remove-run-after":
    case "rename-run-after": {
      const entry = actionIndex(definition).get(edit.action);
      if (!entry) throw new FixError(`The step "${edit.action}" is no longer there.`);
      const runAfter: Record<string, string[]> = {};
      for (const [name, statuses] of Object.entries(entry.action.runAfter ?? {})) {
        if (name === (edit.kind === "remove-run-after" ? edit.predecessor : edit.from)) {
          if (edit.kind === "rename-run-after") runAfter[edit.to] = [...statuses];
        } else runAfter[name] = [...statuses];
      }
      return setRunAfter(definition, { name: edit.action, runAfter });
    }
    case "move-to-top-level":
      return moveAction(definition, { name: edit.action, to: beforeTopLevel(definition, edit.action) });
    case "initialize-variable":
      return insertAction(definition, {
        at: beforeTopLevel(definition, edit.before),
        name: uniqueActionName(definition, `Initialize_${edit.variable}`),
        action: {
          type: "InitializeVariable",
          inputs: { variables: [{ name: edit.variable, type: edit.type ?? "string" }] },
          runAfter: {},
        },
      });
    case "add-outcome-condition":
      return insertAction(definition, {
        at: { kind: "after", action: edit.after },
        name: uniqueActionName(definition, "Condition"),
        action: {
          type: "If",
          expression: { and: [{ equals: [edit.expression, "Approve"] }] },
          actions: {},
          else: { actions: {} },
          runAfter: {},
        } as WdlAction,
      });
    case "set-split-on":
      return updateStep((step) => ({ ...step, splitOn: edit.splitOn }));
    case "remove-timeout":
      return updateActionSettings(definition, { name: edit.action, settings: { timeout: null } });
    case "static-result-off": {
      const entry = actionIndex(definition).get(edit.action);
      const use = entry && staticResultOf(definition, entry.action);
      if (use?.kind !== "enabled")
        throw new FixError(`The static result of “${edit.action}” is no longer on.`);
      return setStaticResult(definition, { name: edit.action, result: use.result, enabled: false });
    }
  }
}

/** Where a step goes to run just before `name`'s top-level ancestor (or `name` itself at the top). */
function beforeTopLevel(definition: WdlDefinition, name: string): InsertionPoint {
  const index = actionIndex(definition);
  const found = index.get(name);
  const entry = found?.scopePath[0] ? index.get(found.scopePath[0].scope) : found;
  if (!entry) throw new FixError(`The step "${name}" is no longer there.`);
  const [predecessor] = Object.keys(entry.action.runAfter ?? {});
  return predecessor === undefined
    ? { kind: "start", container: null, follower: entry.name }
    : { kind: "after", action: predecessor, follower: entry.name };
}

function replaceText(step: JsonObject, path: StepPath, start: number, end: number, text: string): JsonObject {
  const current = valueAt(step, path);
  if (typeof current !== "string" || end > current.length)
    throw new FixError("The expression changed since the checker looked at it.");
  return setPath(step, path, current.slice(0, start) + text + current.slice(end));
}

function setValue(step: JsonObject, field: string, value: JsonValue): JsonObject {
  const operation = operationOfAction(step);
  const input = operation ? inputsOf(operation, step).find((i) => i.name === field) : undefined;
  if (operation && input) return withInputValue(step, operation, input, value);
  return setAt(step, field, value);
}

function valueAt(root: JsonValue, path: StepPath): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) {
    if (typeof segment === "number") value = Array.isArray(value) ? value[segment] : undefined;
    else value = isJsonObject(value) ? getOwn(value, segment) : undefined;
  }
  return value;
}

function setPath(root: JsonObject, path: StepPath, value: JsonValue): JsonObject {
  const write = (node: JsonValue | undefined, i: number): JsonValue => {
    if (i === path.length) return value;
    const segment = path[i] as string | number;
    if (typeof segment === "number") {
      const list = Array.isArray(node) ? [...node] : [];
      list[segment] = write(list[segment], i + 1);
      return list;
    }
    const object: JsonObject = isJsonObject(node) ? { ...node } : {};
    putOwn(object, segment, write(getOwn(object, segment), i + 1));
    return object;
  };
  return write(root, 0) as JsonObject;
}
