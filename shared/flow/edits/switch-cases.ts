// Switch cases: add one, remove one (with its steps), change a case's value.
import type { JsonPrimitive } from "../../json";
import { isActionType } from "../action-types";
import { uniqueAgainst, usedNames } from "../names";
import { getOwn } from "../own";
import type { WdlDefinition, WdlSwitchAction, WdlSwitchCase } from "../types";
import { actionIndex } from "../walk";
import { EditError } from "./errors";
import { replaceAction, requireAction, withoutKey } from "./tree";

/** Power Automate's limit on the cases of one Switch. */
export const MAX_SWITCH_CASES = 25;

type CaseValue = Exclude<JsonPrimitive, null>;

function requireSwitch(definition: WdlDefinition, name: string) {
  const index = actionIndex(definition);
  const entry = requireAction(index, name);
  if (!isActionType(entry.action, "Switch")) {
    throw new EditError("wrongType", `"${name}" is not a Switch.`);
  }
  return { index, entry, action: entry.action as WdlSwitchAction };
}

function checkValueFree(action: WdlSwitchAction, value: CaseValue, except?: string): void {
  for (const [name, c] of Object.entries(action.cases ?? {})) {
    if (name !== except && c.case === value) {
      throw new EditError(
        "invalidArgument",
        `Another case of this Switch already has the value ${JSON.stringify(value)}.`,
      );
    }
  }
}

/**
 * Adds an empty case at the end. Its name is `caseName` or "Case", "Case_2"…: unique among the
 * Switch's cases and unlike any step name (Logic Apps refuses a case named like a step).
 */
export function addSwitchCase(
  definition: WdlDefinition,
  args: { switchName: string; value: CaseValue; caseName?: string },
): WdlDefinition {
  const { index, entry, action } = requireSwitch(definition, args.switchName);
  const cases = action.cases ?? {};
  if (Object.keys(cases).length >= MAX_SWITCH_CASES) {
    throw new EditError("notAllowedHere", `A Switch has at most ${MAX_SWITCH_CASES} cases.`);
  }
  checkValueFree(action, args.value);
  const used = usedNames(definition);
  for (const name of Object.keys(cases)) used.add(name.toLowerCase());
  let caseName = args.caseName;
  if (caseName === undefined) caseName = uniqueAgainst(used, "Case");
  else if (used.has(caseName.toLowerCase()) || caseName.trim() === "") {
    throw new EditError("nameTaken", `A case or step is already called "${caseName}".`);
  }
  const added: WdlSwitchCase = { case: args.value, actions: {} };
  return replaceAction(
    definition,
    entry,
    { ...action, cases: { ...cases, [caseName]: added } } as WdlSwitchAction,
    index,
  );
}

/** Removes a case and the steps in it. */
export function removeSwitchCase(
  definition: WdlDefinition,
  args: { switchName: string; caseName: string },
): WdlDefinition {
  const { index, entry, action } = requireSwitch(definition, args.switchName);
  if (!action.cases || !Object.hasOwn(action.cases, args.caseName)) {
    throw new EditError("notFound", `"${args.switchName}" has no case "${args.caseName}".`);
  }
  return replaceAction(
    definition,
    entry,
    { ...action, cases: withoutKey(action.cases, args.caseName) } as WdlSwitchAction,
    index,
  );
}

export function setSwitchCaseValue(
  definition: WdlDefinition,
  args: { switchName: string; caseName: string; value: CaseValue },
): WdlDefinition {
  const { index, entry, action } = requireSwitch(definition, args.switchName);
  const current = getOwn(action.cases, args.caseName);
  if (!action.cases || !current)
    throw new EditError("notFound", `"${args.switchName}" has no case "${args.caseName}".`);
  checkValueFree(action, args.value, args.caseName);
  const cases = { ...action.cases, [args.caseName]: { ...current, case: args.value } };
  return replaceAction(definition, entry, { ...action, cases } as WdlSwitchAction, index);
}
