// Edits of the trigger: replace it (another kind of trigger), update it, its settings and conditions.
import type { JsonObject } from "../../json";
import { getOwn } from "../own";
import type { WdlDefinition, WdlTrigger } from "../types";
import { EditError } from "./errors";
import { setIn } from "./json-in";
import { renameKey, requireNewName } from "./tree";
import { setSecureData } from "./update";
import { requireInteger } from "./validators";

function requireTrigger(definition: WdlDefinition, name: string): WdlTrigger {
  const trigger = getOwn(definition.triggers, name);
  if (!trigger) throw new EditError("notFound", `There is no trigger called "${name}".`);
  return trigger;
}

export function updateTrigger(
  definition: WdlDefinition,
  args: { name: string; update: (trigger: WdlTrigger) => WdlTrigger },
): WdlDefinition {
  const trigger = requireTrigger(definition, args.name);
  return { ...definition, triggers: { ...definition.triggers, [args.name]: args.update(trigger) } };
}

/**
 * Puts another trigger in the place of `name` (or adds the first one). Expressions reach the trigger
 * through triggerBody()/triggerOutputs(), never by name, so nothing else changes.
 */
export function replaceTrigger(
  definition: WdlDefinition,
  args: { name?: string; newName: string; trigger: WdlTrigger },
): WdlDefinition {
  const triggers = definition.triggers ?? {};
  const old = args.name ?? Object.keys(triggers)[0];
  if (args.name !== undefined) requireTrigger(definition, args.name);
  requireNewName(definition, args.newName, old);
  if (old === undefined) return { ...definition, triggers: { [args.newName]: args.trigger } };
  const renamed = renameKey(triggers, old, args.newName);
  return { ...definition, triggers: { ...renamed, [args.newName]: args.trigger } };
}

/** Trigger settings. undefined leaves a setting as it is; null removes it. */
export type TriggerSettings = {
  /** Trigger conditions: expressions that must all be true for the flow to start. */
  conditions?: string[] | null;
  /** How many runs at once (1–100); runtimeConfiguration.concurrency.runs. */
  concurrency?: number | null;
  /** splitOn: start one run per item of this array expression. */
  splitOn?: string | null;
  secureInputs?: boolean;
  secureOutputs?: boolean;
  description?: string | null;
};

export function updateTriggerSettings(
  definition: WdlDefinition,
  args: { name: string; settings: TriggerSettings },
): WdlDefinition {
  const s = args.settings;
  return updateTrigger(definition, {
    name: args.name,
    update: (trigger) => {
      let out: JsonObject = trigger;
      if (s.conditions !== undefined) {
        const conditions = (s.conditions ?? []).map((c) => c.trim()).filter((c) => c !== "");
        for (const c of conditions) {
          if (!c.startsWith("@")) {
            throw new EditError(
              "invalidArgument",
              `A trigger condition is an expression starting with "@", not "${c}".`,
            );
          }
        }
        out = setIn(
          out,
          ["conditions"],
          conditions.length > 0 ? conditions.map((expression) => ({ expression })) : undefined,
        );
      }
      if (s.concurrency !== undefined) {
        if (s.concurrency !== null) requireInteger("The number of runs at once", s.concurrency, 1, 100);
        out = setIn(out, ["runtimeConfiguration", "concurrency", "runs"], s.concurrency ?? undefined);
      }
      if (s.splitOn !== undefined) out = setIn(out, ["splitOn"], s.splitOn ?? undefined);
      out = setSecureData(out, s.secureInputs, s.secureOutputs);
      if (s.description !== undefined) out = setIn(out, ["description"], s.description ?? undefined);
      return out as WdlTrigger;
    },
  });
}
