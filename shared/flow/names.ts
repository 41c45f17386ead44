// Action names: unique across the definition, compared without letter case (WDL resolves names
// that way), at most 80 characters, and without the characters Logic Apps refuses in names.
import { branchesOf } from "./branches";
import type { WdlDefinition } from "./types";
import { allActions } from "./walk";

export const MAX_ACTION_NAME_LENGTH = 80;
const FORBIDDEN = /[<>%&\\?/:#]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Names a new step cannot take, lower-cased: every action and trigger, and every Switch case
 * (Logic Apps refuses a case named like a step).
 */
export function usedNames(definition: WdlDefinition): Set<string> {
  const out = new Set<string>();
  for (const name of Object.keys(definition.triggers ?? {})) out.add(name.toLowerCase());
  for (const { name, action } of allActions(definition)) {
    out.add(name.toLowerCase());
    for (const branch of branchesOf(action)) {
      if (branch.spec.kind === "case") out.add(branch.spec.caseName.toLowerCase());
    }
  }
  return out;
}

export type NameProblem = { code: "invalidName" | "nameTaken"; message: string };

/**
 * Why `name` cannot be the name of a new step (or trigger) here, or undefined when it can.
 * `current` is the name being replaced (renaming "compose" to "Compose" is fine).
 */
export function actionNameProblem(
  definition: WdlDefinition,
  name: string,
  current?: string,
): NameProblem | undefined {
  const invalid = (message: string): NameProblem => ({ code: "invalidName", message });
  if (name === "") return invalid("A name cannot be empty.");
  if (/\s/.test(name)) {
    return invalid(
      `A name has "_" where people see spaces ("${sanitizeActionName(name)}"); it cannot contain spaces.`,
    );
  }
  if (name.length > MAX_ACTION_NAME_LENGTH) {
    return invalid(`A name has at most ${MAX_ACTION_NAME_LENGTH} characters (this one has ${name.length}).`);
  }
  if (CONTROL.test(name)) return invalid("A name cannot contain control characters.");
  const bad = FORBIDDEN.exec(name);
  if (bad) return invalid(`A name cannot contain "${bad[0]}" (nor any of < > % & \\ ? / : #).`);
  if (current !== undefined && name.toLowerCase() === current.toLowerCase()) return undefined;
  if (usedNames(definition).has(name.toLowerCase())) {
    return {
      code: "nameTaken",
      message: `Another step, trigger or Switch case is already called "${name}".`,
    };
  }
  return undefined;
}

/** `base` turned into a valid name (spaces become "_", as Power Automate does). */
export function sanitizeActionName(base: string): string {
  const cleaned = base
    .trim()
    .replace(/\s+/g, "_")
    .replace(new RegExp(FORBIDDEN.source, "g"), "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]/g, "");
  return (cleaned === "" ? "Action" : cleaned).slice(0, MAX_ACTION_NAME_LENGTH);
}

/**
 * `base` if no action or trigger has that name yet, else base_2, base_3… ("Compose_2" taken gives
 * "Compose_3"). `taken` adds names to avoid (lower-cased or not).
 */
export function uniqueActionName(
  definition: WdlDefinition,
  base: string,
  taken: Iterable<string> = [],
): string {
  const used = usedNames(definition);
  for (const t of taken) used.add(t.toLowerCase());
  return uniqueAgainst(used, sanitizeActionName(base));
}

export function uniqueAgainst(usedLowerCase: ReadonlySet<string>, base: string): string {
  if (!usedLowerCase.has(base.toLowerCase())) return base;
  const stem = base.replace(/_\d+$/, "");
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = stem.slice(0, MAX_ACTION_NAME_LENGTH - suffix.length) + suffix;
    if (!usedLowerCase.has(candidate.toLowerCase())) return candidate;
  }
}
