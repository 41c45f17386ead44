// Builds a function definition from its signature text, so arity and return type are
// written once: "substring(text: string, startIndex: integer, length?: integer): string"
// gives 2 to 3 arguments returning a string; "...values: any" takes any number (at least one).
import type { FunctionDefinition, FunctionGroup, Implementation, ReferenceKind, StaticType } from "./types";

const STATIC_TYPES = new Set<StaticType>([
  "string",
  "integer",
  "float",
  "number",
  "boolean",
  "array",
  "object",
  "null",
  "any",
]);

export interface DefineOptions {
  keepsFloat?: boolean;
  references?: ReferenceKind;
}

export function define(
  group: FunctionGroup,
  signature: string,
  description: string,
  impl: Implementation,
  options: DefineOptions = {},
): FunctionDefinition {
  const match = /^(\w+)\((.*)\): (.+)$/.exec(signature);
  if (!match) throw new Error(`bad signature: ${signature}`);
  const [, name = "", params = "", returnText = ""] = match;
  let minArgs = 0;
  let maxArgs = 0;
  for (const raw of params.length > 0 ? params.split(", ") : []) {
    const param = raw.trim();
    if (param.startsWith("...")) {
      maxArgs = Number.POSITIVE_INFINITY;
      const required = /^\.\.\.\w+(\{(\d+)\})?:/.exec(param);
      minArgs += Number(required?.[2] ?? (param.includes("?:") ? 0 : 1));
      continue;
    }
    maxArgs++;
    if (!/^\w+\?:/.test(param)) minArgs++;
  }
  const returns = STATIC_TYPES.has(returnText as StaticType) ? (returnText as StaticType) : "any";
  const cleanSignature = signature.replace(/\{\d+\}/g, "");
  const definition: FunctionDefinition = {
    name,
    group,
    signature: cleanSignature,
    description,
    minArgs,
    maxArgs,
    returns,
    impl,
  };
  if (options.keepsFloat) definition.keepsFloat = true;
  if (options.references) definition.references = options.references;
  return definition;
}
