// Declaration types of the connector catalog: every trigger and action the designer can offer,
// described as plain data with the Power Automate identity it is written under.
import type { JsonObject, JsonPrimitive, JsonValue } from "../json";

/** Palette groups, in the order the palette shows them (see PALETTE_ORDER). */
export type PaletteGroup =
  | "Business Central"
  | "Approvals"
  | "Outlook"
  | "Teams"
  | "Excel"
  | "Notifications"
  | "Control"
  | "Data operations"
  | "Variables"
  | "Triggers";

export const PALETTE_ORDER: readonly PaletteGroup[] = [
  "Business Central",
  "Approvals",
  "Outlook",
  "Teams",
  "Excel",
  "Notifications",
  "Control",
  "Data operations",
  "Variables",
  "Triggers",
];

export type OperationKind = "trigger" | "action";

/** The three kinds of flow; a trigger decides which one a flow is. */
export type FlowKind = "automated" | "scheduled" | "instant";

/** Action/trigger types used for connector calls, as Power Automate writes them today. */
export type ConnectorWdlType =
  | "OpenApiConnection"
  | "OpenApiConnectionWebhook"
  | "OpenApiConnectionNotification";

/** The legacy connector-call types, which the catalog recognises but never writes. */
export type LegacyConnectorWdlType = "ApiConnection" | "ApiConnectionWebhook" | "ApiConnectionNotification";

export type BuiltInWdlType =
  | "If"
  | "Switch"
  | "Foreach"
  | "Until"
  | "Scope"
  | "Terminate"
  | "Wait"
  | "Compose"
  | "ParseJson"
  | "Select"
  | "Query"
  | "Join"
  | "Table"
  | "InitializeVariable"
  | "SetVariable"
  | "IncrementVariable"
  | "DecrementVariable"
  | "AppendToStringVariable"
  | "AppendToArrayVariable"
  | "Recurrence"
  | "Request"
  | "Response";

export type WdlType = ConnectorWdlType | BuiltInWdlType;

/**
 * Value types of inputs and outputs. "email" is a string holding one address or several separated
 * by ";"; "html" is a string shown in a rich-text editor; "any" accepts every JSON value.
 */
export type ValueType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "email"
  | "date"
  | "date-time"
  | "html"
  | "array"
  | "object"
  | "any";

export interface EnumOption {
  value: JsonPrimitive;
  title: string;
}

/** Shows an input only while another input of the same step holds (or does not hold) one of the values. */
export type VisibleWhen =
  | { input: string; in: readonly JsonPrimitive[] }
  | { input: string; notIn: readonly JsonPrimitive[] };

/**
 * Values the sandbox company has for an input (its company, teams, a team's channels, group chats),
 * offered as choices in the designer; any other value is still accepted (a flow imported from a real
 * tenant names its own). `when` limits the offer to a value of another input ("location" = Group chat).
 */
export type SandboxChoices = (
  | { from: "bc-company" }
  | { from: "teams-team" }
  | { from: "teams-channel"; teamInput: string }
  | { from: "teams-group-chat" }
) & { when?: VisibleWhen };

/** Editor hints for the properties panel, beyond the value type. */
export type InputFormat =
  | "multiline"
  | "markdown"
  | "uri"
  | "duration"
  | "odata-filter"
  | "odata-orderby"
  | "adaptive-card"
  | "expression"
  | "condition"
  | "json-schema"
  | "run-flow-form"
  | "variable-name"
  | "select-map"
  | "file-content";

/**
 * Inputs whose fields depend on other inputs of the step (the table chosen), written by Power
 * Automate either as one object under the input's name or flattened as "name/field" keys.
 */
export type DynamicFields = "bc-record" | "excel-row";

export interface InputDeclaration {
  /**
   * Where the value lives. For connector operations: the exact Power Automate parameter name, a key
   * of `inputs.parameters` that may contain slashes ("emailMessage/To"). For built-ins (and inputs
   * with `at: "action"`): a slash path into the action object ("inputs/interval/count"), where
   * numeric segments index arrays ("inputs/variables/0/name").
   */
  name: string;
  title: string;
  type: ValueType;
  /** Required while visible: a hidden input (see visibleWhen) is never required. */
  required: boolean;
  default?: JsonValue;
  /** Allowed values; for an array input, the allowed values of each item. */
  enum?: readonly EnumOption[];
  /** The enum only suggests: other values (and expressions) are accepted too. */
  allowCustom?: boolean;
  /** Choices from the sandbox company, offered beside free text. */
  sandboxChoices?: SandboxChoices;
  help: string;
  /** Folded under "Show advanced options" in the form. */
  advanced: boolean;
  visibleWhen?: VisibleWhen;
  format?: InputFormat;
  /** Item type of an array input whose items are plain values. */
  items?: ValueType;
  /** Fields of each item of an array of objects (names relative to the item). */
  fields?: readonly InputDeclaration[];
  /** The object's fields come from other inputs; see inputsOf() for the expanded list. */
  dynamicFields?: DynamicFields;
  minimum?: number;
  maximum?: number;
  /** Overrides the operation's inputLocation for this input (a trigger's Run flow form schema). */
  at?: "parameters" | "action";
}

export interface OutputDeclaration {
  /** Path in the step's outputs: "body/outcome", "body/responses/approverEmail", "" for the whole output. */
  path: string;
  title: string;
  type: ValueType;
  description: string;
  /** For a field of the items of an array output: that array's path ("body/responses"). */
  itemOf?: string;
}

/** Outputs that depend on the step's own inputs, expanded by outputsOf(). */
export type DynamicOutputs =
  | "bc-record"
  | "bc-records"
  | "run-flow-form"
  | "json-schema"
  | "adaptive-card-inputs";

/** Distinguishes built-ins that share a WDL type (Delay vs Delay until, CSV vs HTML table). */
export interface ActionMatch {
  path: string;
  /** Without it the path only has to hold a value. Strings compare case-insensitively. */
  equals?: JsonPrimitive;
}

/** The request a legacy ApiConnection action sends, for recognising exports that carry no operationId. */
export interface LegacyRoute {
  method: "get" | "post" | "patch" | "put" | "delete";
  /** Path template with {parameter} segments, as in the connector's swagger. */
  path: string;
}

export interface OperationDeclaration {
  connectorId: string;
  /** Power Automate's operationId for connector operations; a stable catalog id for built-ins. */
  operationId: string;
  kind: OperationKind;
  wdlType: WdlType;
  /** The WDL "kind" written beside the type (Request "Button"/"Http"/"ApiConnection", Response "Http"). */
  wdlKind?: string;
  /** Which kind of flow a trigger makes. */
  flowKind?: FlowKind;
  displayName: string;
  description: string;
  inputs: readonly InputDeclaration[];
  outputs: readonly OutputDeclaration[];
  /** The step suspends the run until a person answers (approval, card response). */
  waitsForPerson: boolean;
  deprecated?: boolean;
  /** Where input names point: keys of inputs.parameters (connectors) or paths into the action (built-ins). */
  inputLocation: "parameters" | "action";
  /** Name Power Automate gives a new step of this operation when not derived from the display name. */
  defaultName?: string;
  /** JSON merged into a fresh instance (built-ins: their whole skeleton; triggers: splitOn and the like). */
  template?: JsonObject;
  match?: ActionMatch;
  legacy?: LegacyRoute;
  dynamicOutputs?: DynamicOutputs;
  /** For a Business Central approval trigger: the tables whose records it reports (by "Row Id"). */
  approvalTables?: readonly string[];
  /** Extra words the palette search should find this operation by. */
  keywords?: readonly string[];
}

export interface ConnectorDeclaration {
  /** "shared_approvals", or "builtin_control" and the like for built-ins. */
  id: string;
  /** "/providers/Microsoft.PowerApps/apis/shared_approvals"; empty for built-ins. */
  apiId: string;
  displayName: string;
  description: string;
  group: PaletteGroup;
  /** Card colour, "#rrggbb". */
  color: string;
  /** A lucide icon name ("check-circle"). */
  icon: string;
  builtIn: boolean;
  operations: readonly OperationDeclaration[];
}
