// Action names: unique across the definition, compared without letter case (WDL resolves names
// that way), at most 80 characters, and without the characters Logic Apps refuses in names.
import type { WdlActions, WdlDefinition } from "./types";
import { allActions } from "./walk";

export const MAX_ACTION_NAME_LENGTH = 80;
const FORBIDDEN = /[<>%&\\?/:#]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Action and trigger names of the definition, lower-cased. */
export function usedNames(definition: WdlDefinition): Set<string> {
  const out = new Set<string>();
  for (const name of Object.keys(definition.triggers ?? {})) out.add(name.toLowerCase());
  for (const { name } of allActions(definition)) out.add(name.toLowerCase());
  return out;
}

/** Every action name inside a map of actions, nested ones included. */
export function namesIn(actions: WdlActions): string[] {
  return allActions({ actions }).map((e) => e.name);
}

/** Why `name` cannot be a new action name here, or undefined when it can. `current` is the action being renamed. */
export function actionNameProblem(
  definition: WdlDefinition,
  name: string,
  current?: string,
): string | undefined {
  if (name.trim() === "") return "A step needs a name.";
  if (name !== name.trim()) return "A step's name cannot start or end with a space.";
  if (name.length > MAX_ACTION_NAME_LENGTH) {
    return `A step's name has at most ${MAX_ACTION_NAME_LENGTH} characters (this one has ${name.length}).`;
  }
  if (CONTROL.test(name)) return "A step's name cannot contain control characters.";
  const bad = FORBIDDEN.exec(name);
  if (bad) return `A step's name cannot contain "${bad[0]}" (nor any of < > % & \\ ? / : #).`;
  if (current !== undefined && name.toLowerCase() === current.toLowerCase()) return undefined;
  if (usedNames(definition).has(name.toLowerCase())) return `Another step is already called "${name}".`;
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
