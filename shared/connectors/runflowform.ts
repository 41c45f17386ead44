// The Run flow form of an instant flow: the inputs a person fills in before the flow runs. Power
// Automate keeps them as a JSON schema in the trigger (inputs.schema), one property per input,
// keyed "text", "text_1", "boolean", … and marked with x-ms-content-hint.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { cloneJson } from "./paths";
import type { OutputDeclaration, ValueType } from "./types";

export type RunFlowInputKind = "text" | "boolean" | "number" | "date" | "email" | "file" | "choice";

export interface RunFlowInputKindDeclaration {
  kind: RunFlowInputKind;
  /** The name of the kind in the "Add an input" menu. */
  title: string;
  /** Property keys of this kind are keyBase, keyBase_1, keyBase_2, … */
  keyBase: string;
  /** The property schema Power Automate writes for a new input of this kind. */
  schema: JsonObject;
  valueType: ValueType;
}

export const RUN_FLOW_INPUT_KINDS: readonly RunFlowInputKindDeclaration[] = [
  {
    kind: "text",
    title: "Text",
    keyBase: "text",
    valueType: "string",
    schema: {
      title: "Input",
      type: "string",
      "x-ms-dynamically-added": true,
      description: "Please enter your input",
      "x-ms-content-hint": "TEXT",
    },
  },
  {
    kind: "boolean",
    title: "Yes/No",
    keyBase: "boolean",
    valueType: "boolean",
    schema: {
      title: "Yes/No",
      type: "boolean",
      "x-ms-dynamically-added": true,
      description: "Please select yes or no",
      "x-ms-content-hint": "BOOLEAN",
    },
  },
  {
    kind: "number",
    title: "Number",
    keyBase: "number",
    valueType: "number",
    schema: {
      title: "Number",
      type: "number",
      "x-ms-dynamically-added": true,
      description: "Please enter a number",
      "x-ms-content-hint": "NUMBER",
    },
  },
  {
    kind: "date",
    title: "Date",
    keyBase: "date",
    valueType: "date",
    schema: {
      title: "Date",
      type: "string",
      format: "date",
      "x-ms-dynamically-added": true,
      description: "Please enter or select a date (YYYY-MM-DD)",
      "x-ms-content-hint": "DATE",
    },
  },
  {
    kind: "email",
    title: "Email",
    keyBase: "email",
    valueType: "email",
    schema: {
      title: "Email",
      type: "string",
      format: "email",
      "x-ms-dynamically-added": true,
      description: "Please enter an e-mail address",
      "x-ms-content-hint": "EMAIL",
    },
  },
  {
    kind: "file",
    title: "File",
    keyBase: "file",
    valueType: "object",
    schema: {
      title: "File Content",
      type: "object",
      "x-ms-dynamically-added": true,
      description: "Please select file or image",
      "x-ms-content-hint": "FILE",
      properties: { name: { type: "string" }, contentBytes: { type: "string", format: "byte" } },
    },
  },
  {
    // A text input restricted to a list of choices: the same TEXT property with an enum.
    kind: "choice",
    title: "Choice list",
    keyBase: "text",
    valueType: "string",
    schema: {
      title: "Input",
      type: "string",
      "x-ms-dynamically-added": true,
      description: "Please select an option",
      "x-ms-content-hint": "TEXT",
      enum: ["First option", "Second option"],
    },
  },
];

export function runFlowInputKind(kind: RunFlowInputKind): RunFlowInputKindDeclaration {
  const found = RUN_FLOW_INPUT_KINDS.find((declaration) => declaration.kind === kind);
  if (!found) throw new Error(`unknown Run flow input kind '${kind}'`);
  return found;
}

/** The kind of a property of a Run flow form schema, from its content hint and shape. */
export function runFlowInputKindOf(property: JsonValue | undefined): RunFlowInputKind | undefined {
  if (!isJsonObject(property)) return undefined;
  const hint =
    typeof property["x-ms-content-hint"] === "string" ? property["x-ms-content-hint"].toUpperCase() : "";
  switch (hint) {
    case "TEXT":
      return Array.isArray(property.enum) ? "choice" : "text";
    case "BOOLEAN":
      return "boolean";
    case "NUMBER":
      return "number";
    case "DATE":
      return "date";
    case "EMAIL":
      return "email";
    case "FILE":
      return "file";
  }
  // Schemas written by hand carry no hint: fall back on the JSON type.
  if (property.type === "boolean") return "boolean";
  if (property.type === "number" || property.type === "integer") return "number";
  if (property.type === "string") {
    if (property.format === "email") return "email";
    if (property.format === "date") return "date";
    return Array.isArray(property.enum) ? "choice" : "text";
  }
  if (
    property.type === "object" &&
    isJsonObject(property.properties) &&
    "contentBytes" in property.properties
  ) {
    return "file";
  }
  return undefined;
}

export interface RunFlowField {
  key: string;
  kind: RunFlowInputKind;
  title: string;
  description: string;
  required: boolean;
  /** The choices of a choice list. */
  options?: string[];
}

function properties(schema: JsonValue | undefined): JsonObject {
  return isJsonObject(schema) && isJsonObject(schema.properties) ? schema.properties : {};
}

function requiredKeys(schema: JsonValue | undefined): string[] {
  const list = isJsonObject(schema) ? schema.required : undefined;
  return Array.isArray(list) ? list.filter((key): key is string => typeof key === "string") : [];
}

/** The inputs of a Run flow form, in the order of the schema. */
export function runFlowFields(schema: JsonValue | undefined): RunFlowField[] {
  const required = new Set(requiredKeys(schema));
  const fields: RunFlowField[] = [];
  for (const [key, property] of Object.entries(properties(schema))) {
    const kind = runFlowInputKindOf(property);
    if (!kind || !isJsonObject(property)) continue;
    const field: RunFlowField = {
      key,
      kind,
      title: typeof property.title === "string" ? property.title : key,
      description: typeof property.description === "string" ? property.description : "",
      required: required.has(key),
    };
    if (Array.isArray(property.enum)) {
      field.options = property.enum.filter((option): option is string => typeof option === "string");
    }
    fields.push(field);
  }
  return fields;
}

/** The next free key for an input of this kind: "text", then "text_1", "text_2", … */
export function nextRunFlowKey(schema: JsonValue | undefined, kind: RunFlowInputKind): string {
  const taken = new Set(Object.keys(properties(schema)));
  const base = runFlowInputKind(kind).keyBase;
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
  }
}

export interface NewRunFlowInput {
  title?: string;
  description?: string;
  required?: boolean;
  /** Choices of a choice list. */
  options?: readonly string[];
}

/** A new form schema with one more input; the given schema is left untouched. */
export function addRunFlowInput(
  schema: JsonValue | undefined,
  kind: RunFlowInputKind,
  settings: NewRunFlowInput = {},
): { schema: JsonObject; key: string } {
  const key = nextRunFlowKey(schema, kind);
  const property: JsonObject = cloneJson(runFlowInputKind(kind).schema);
  if (settings.title !== undefined) property.title = settings.title;
  if (settings.description !== undefined) property.description = settings.description;
  if (kind === "choice" && settings.options) property.enum = [...settings.options];
  const required = requiredKeys(schema);
  const base = isJsonObject(schema) ? schema : {};
  return {
    key,
    schema: {
      ...base,
      type: "object",
      properties: { ...properties(schema), [key]: property },
      required: settings.required === true ? [...required, key] : required,
    },
  };
}

/** What the trigger offers as dynamic content for each input of the form. */
export function runFlowOutputs(schema: JsonValue | undefined): OutputDeclaration[] {
  return runFlowFields(schema).flatMap((field): OutputDeclaration[] => {
    const declaration = runFlowInputKind(field.kind);
    const main: OutputDeclaration = {
      path: `body/${field.key}`,
      title: field.title,
      type: declaration.valueType,
      description: field.description,
    };
    if (field.kind !== "file") return [main];
    return [
      main,
      {
        path: `body/${field.key}/name`,
        title: `${field.title} name`,
        type: "string",
        description: "File name.",
      },
      {
        path: `body/${field.key}/contentBytes`,
        title: `${field.title} content`,
        type: "string",
        description: "File content, base64-encoded.",
      },
    ];
  });
}
