// Validation of a whole definition: each object against its zod schema (schema.ts), walking into
// scopes, dispatching on the type case-insensitively, and refusing an action name used twice
// (WDL names are unique across the definition; the graph and every edit rely on it).
import { z } from "zod";
import { isJsonObject } from "../json";
import { canonicalActionType, canonicalTriggerType } from "./action-types";
import { branchesOf } from "./branches";
import { formatJsonPath, type JsonPathSegment } from "./json-path";
import {
  actionSchemas,
  definitionShapeSchema,
  genericActionSchema,
  genericTriggerSchema,
  triggerSchemas,
} from "./schema";
import type { WdlAction, WdlActions, WdlDefinition } from "./types";

export type SchemaIssue = {
  /** Starts with the path, then says what is wrong: `$.actions.X.runAfter.Y[0]: expected a run-after status…` */
  message: string;
  path: JsonPathSegment[];
};

const MAX_ISSUES = 50;

class Collector {
  readonly issues: SchemaIssue[] = [];
  readonly names = new Map<string, JsonPathSegment[]>();
  add(path: JsonPathSegment[], message: string): void {
    if (this.issues.length < MAX_ISSUES)
      this.issues.push({ path, message: `${formatJsonPath(path)}: ${message}` });
  }
  addZod(base: JsonPathSegment[], error: z.ZodError): void {
    for (const issue of error.issues) {
      const rel = issue.path.filter((p): p is JsonPathSegment => typeof p !== "symbol");
      this.add([...base, ...rel], issue.message);
    }
  }
}

/** Everything wrong with the shape of a definition (empty when it is a valid WDL definition). */
export function definitionIssues(value: unknown, base: JsonPathSegment[] = []): SchemaIssue[] {
  const c = new Collector();
  if (!isJsonObject(value)) {
    c.add(base, "a definition must be a JSON object");
    return c.issues;
  }
  const shape = definitionShapeSchema.safeParse(value);
  if (!shape.success) c.addZod(base, shape.error);
  if (isJsonObject(value.triggers)) {
    for (const [name, trigger] of Object.entries(value.triggers)) {
      const path = [...base, "triggers", name];
      if (!isJsonObject(trigger)) {
        c.add(path, "a trigger must be a JSON object");
        continue;
      }
      const type = typeof trigger.type === "string" ? canonicalTriggerType(trigger.type) : undefined;
      const result = (type ? triggerSchemas[type] : genericTriggerSchema).safeParse(trigger);
      if (!result.success) c.addZod(path, result.error);
    }
  }
  if (isJsonObject(value.actions)) walkActions(value.actions, [...base, "actions"], c);
  return c.issues;
}

/** Everything wrong with one action (and the actions inside it). */
export function actionIssues(value: unknown, base: JsonPathSegment[] = []): SchemaIssue[] {
  const c = new Collector();
  walkAction(value, base, c);
  return c.issues;
}

function walkActions(actions: object, path: JsonPathSegment[], c: Collector): void {
  for (const [name, action] of Object.entries(actions)) {
    const here = [...path, name];
    const first = c.names.get(name);
    if (first) {
      c.add(
        here,
        `the action name "${name}" is also used at ${formatJsonPath(first)}; names must be unique in a flow`,
      );
    } else c.names.set(name, here);
    walkAction(action, here, c);
  }
}

function walkAction(action: unknown, path: JsonPathSegment[], c: Collector): void {
  if (!isJsonObject(action)) {
    c.add(path, "an action must be a JSON object");
    return;
  }
  const type = typeof action.type === "string" ? canonicalActionType(action.type) : undefined;
  const result = (type ? actionSchemas[type] : genericActionSchema).safeParse(action);
  if (!result.success) c.addZod(path, result.error);
  if (!type || typeof action.type !== "string") return;
  // Walk only branch containers that are objects; a wrong-shaped one was reported above.
  const raw = action as Record<string, unknown>;
  for (const branch of branchesOf(action as WdlAction)) {
    const where = branchPath(raw, branch.spec.kind, branch.spec.kind === "case" ? branch.spec.caseName : "");
    if (!where) continue;
    walkActions(where.actions, [...path, ...where.path], c);
  }
}

function branchPath(
  raw: Record<string, unknown>,
  kind: string,
  caseName: string,
): { actions: object; path: JsonPathSegment[] } | undefined {
  const pick = (holder: unknown, path: JsonPathSegment[]) =>
    isJsonObject(holder) && isJsonObject(holder.actions) ? { actions: holder.actions, path } : undefined;
  switch (kind) {
    case "yes":
    case "body":
      return pick(raw, ["actions"]);
    case "no":
      return pick(raw.else, ["else", "actions"]);
    case "default":
      return pick(raw.default, ["default", "actions"]);
    default:
      return isJsonObject(raw.cases) ? pick(raw.cases[caseName], ["cases", caseName, "actions"]) : undefined;
  }
}

export type ParseDefinitionResult =
  | { ok: true; definition: WdlDefinition }
  | { ok: false; issues: SchemaIssue[] };

/**
 * Checks a value (JSON from a file, the contract or the clipboard) and returns it typed. The value is
 * returned as is, not copied: every field keeps its place and its order.
 */
export function parseDefinition(value: unknown): ParseDefinitionResult {
  const issues = definitionIssues(value);
  return issues.length === 0 ? { ok: true, definition: value as WdlDefinition } : { ok: false, issues };
}

export type ParseActionsResult = { ok: true; actions: WdlActions } | { ok: false; issues: SchemaIssue[] };

/** Checks a map of actions keyed by name (a clipboard's content). */
export function parseActions(value: unknown): ParseActionsResult {
  const c = new Collector();
  if (!isJsonObject(value)) c.add([], "expected an object of actions keyed by name");
  else walkActions(value, [], c);
  return c.issues.length === 0 ? { ok: true, actions: value as WdlActions } : { ok: false, issues: c.issues };
}

/** For contracts: a zod schema that accepts exactly what parseDefinition accepts, with the same messages. */
export const wdlDefinitionSchema: z.ZodType<WdlDefinition> = z
  .custom<WdlDefinition>(() => true)
  .superRefine((value, ctx) => {
    for (const issue of definitionIssues(value)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
  });

/** For contracts: one action, checked like the actions of a definition. */
export const wdlActionSchema: z.ZodType<WdlAction> = z
  .custom<WdlAction>(() => true)
  .superRefine((value, ctx) => {
    for (const issue of actionIssues(value)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
  });
