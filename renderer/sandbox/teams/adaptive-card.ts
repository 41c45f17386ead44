// Adaptive cards as the Teams pages show them: the card JSON a flow posted, read into a flat list
// of what a person sees (text, facts, inputs) and the buttons they press. Enough of the format for
// the cards flows post (TextBlock, RichTextBlock, FactSet, Container, ColumnSet, Input.Text,
// Input.Number, Input.Date, Input.Time, Input.ChoiceSet, Input.Toggle, ActionSet, Action.Submit,
// Action.Execute, Action.OpenUrl); anything else is skipped. Inputs submit strings, as in Teams.
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";

/** What every input has, whatever its kind. */
interface InputBase {
  id: string;
  label: string;
  initial: string;
  required: boolean;
  /** What the card's author says when a required input is left empty. */
  errorMessage: string;
}

export type CardInput = InputBase &
  (
    | {
        type: "text";
        placeholder: string;
        multiline: boolean;
        /** "text", "number", "date" or "time": the HTML input type. */
        inputType: "text" | "number" | "date" | "time";
      }
    | {
        type: "choice";
        choices: { title: string; value: string }[];
        multiSelect: boolean;
        /** Radio buttons or checkboxes rather than a drop-down. */
        expanded: boolean;
        placeholder: string;
      }
    | {
        type: "toggle";
        title: string;
        valueOn: string;
        valueOff: string;
      }
  );

export type CardAction =
  | { kind: "submit"; title: string; id: string | undefined; data: JsonObject }
  | { kind: "openUrl"; title: string; url: string };

export type CardElement =
  | { kind: "text"; text: string; size: string; weight: string; subtle: boolean }
  | { kind: "facts"; facts: { title: string; value: string }[] }
  | { kind: "image"; alt: string }
  | { kind: "input"; input: CardInput }
  | { kind: "actions"; actions: CardAction[] };

export interface CardModel {
  elements: CardElement[];
  /** The card's own buttons, under its body. */
  actions: CardAction[];
  /** Every input, wherever it sits. */
  inputs: CardInput[];
}

const str = (value: JsonValue | undefined, fallback = ""): string =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : fallback;

/**
 * The card in a Teams message: an AdaptiveCard object, its JSON text, or a message with the card
 * as an attachment. Undefined when there is no card to show.
 */
export function parseCard(raw: JsonValue | null | undefined): CardModel | undefined {
  let value: JsonValue | null | undefined = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as JsonValue;
    } catch {
      return undefined;
    }
  }
  if (!isJsonObject(value)) return undefined;
  if (Array.isArray(value.attachments)) {
    const attachment = value.attachments.find(
      (a) => isJsonObject(a) && str(a.contentType).toLowerCase().includes("adaptive"),
    );
    if (isJsonObject(attachment)) return parseCard(attachment.content);
  }
  if (str(value.type) !== "AdaptiveCard" && !Array.isArray(value.body)) return undefined;
  const elements: CardElement[] = [];
  const inputs: CardInput[] = [];
  readElements(value.body, elements, inputs, 0);
  const actions = readActions(value.actions);
  return { elements, actions, inputs };
}

function readElements(
  body: JsonValue | undefined,
  out: CardElement[],
  inputs: CardInput[],
  depth: number,
): void {
  if (!Array.isArray(body) || depth > 12) return;
  for (const item of body) {
    if (!isJsonObject(item)) continue;
    if (item.isVisible === false) continue;
    const type = str(item.type);
    switch (type) {
      case "TextBlock":
        out.push({
          kind: "text",
          text: str(item.text),
          size: str(item.size, "default").toLowerCase(),
          weight: str(item.weight, "default").toLowerCase(),
          subtle: item.isSubtle === true,
        });
        break;
      case "RichTextBlock": {
        const text = Array.isArray(item.inlines)
          ? item.inlines.map((inline) => (isJsonObject(inline) ? str(inline.text) : str(inline))).join("")
          : "";
        out.push({ kind: "text", text, size: "default", weight: "default", subtle: false });
        break;
      }
      case "FactSet":
        out.push({
          kind: "facts",
          facts: (Array.isArray(item.facts) ? item.facts : [])
            .filter(isJsonObject)
            .map((fact) => ({ title: str(fact.title), value: str(fact.value) })),
        });
        break;
      case "Image":
        // Never loaded: a flow's image URL would call out of the sandbox.
        if (str(item.altText)) out.push({ kind: "image", alt: str(item.altText) });
        break;
      case "Container":
        readElements(item.items, out, inputs, depth + 1);
        break;
      case "ColumnSet":
        for (const column of Array.isArray(item.columns) ? item.columns : []) {
          if (isJsonObject(column)) readElements(column.items, out, inputs, depth + 1);
        }
        break;
      case "ActionSet": {
        const actions = readActions(item.actions);
        if (actions.length > 0) out.push({ kind: "actions", actions });
        break;
      }
      default: {
        const input = readInput(type, item);
        if (input) {
          out.push({ kind: "input", input });
          inputs.push(input);
        }
      }
    }
  }
}

function readInput(type: string, item: JsonObject): CardInput | undefined {
  const id = str(item.id);
  if (!type.startsWith("Input.") || id === "") return undefined;
  const label = str(item.label);
  const required = item.isRequired === true;
  const errorMessage = str(item.errorMessage);
  switch (type) {
    case "Input.Text":
    case "Input.Number":
    case "Input.Date":
    case "Input.Time":
      return {
        type: "text",
        id,
        label,
        placeholder: str(item.placeholder),
        multiline: item.isMultiline === true,
        inputType:
          type === "Input.Number"
            ? "number"
            : type === "Input.Date"
              ? "date"
              : type === "Input.Time"
                ? "time"
                : "text",
        initial: str(item.value),
        required,
        errorMessage,
      };
    case "Input.ChoiceSet":
      return {
        type: "choice",
        id,
        label,
        choices: (Array.isArray(item.choices) ? item.choices : [])
          .filter(isJsonObject)
          .map((choice) => ({ title: str(choice.title, str(choice.value)), value: str(choice.value) })),
        multiSelect: item.isMultiSelect === true,
        expanded: str(item.style).toLowerCase() === "expanded",
        placeholder: str(item.placeholder),
        initial: str(item.value),
        required,
        errorMessage,
      };
    case "Input.Toggle":
      return {
        type: "toggle",
        id,
        label,
        title: str(item.title),
        valueOn: str(item.valueOn, "true"),
        valueOff: str(item.valueOff, "false"),
        initial: str(item.value, str(item.valueOff, "false")),
        required,
        errorMessage,
      };
    default:
      return undefined;
  }
}

function readActions(list: JsonValue | undefined): CardAction[] {
  const actions: CardAction[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!isJsonObject(item)) continue;
    const type = str(item.type);
    if (type === "Action.Submit" || type === "Action.Execute") {
      actions.push({
        kind: "submit",
        title: str(item.title, "Submit"),
        id: typeof item.id === "string" ? item.id : undefined,
        data: isJsonObject(item.data) ? item.data : {},
      });
    } else if (type === "Action.OpenUrl" && str(item.url)) {
      actions.push({ kind: "openUrl", title: str(item.title, str(item.url)), url: str(item.url) });
    }
  }
  return actions;
}

/** Every input's value before the person touches the card. */
export function initialValues(card: CardModel): Record<string, string> {
  return Object.fromEntries(card.inputs.map((input) => [input.id, input.initial]));
}

/**
 * The required inputs left empty: the name a person reads (its label, else its placeholder, else its
 * id) and the author's error message when the card gives one.
 */
export function missingRequired(
  card: CardModel,
  values: Readonly<Record<string, string>>,
): { id: string; name: string; errorMessage: string }[] {
  return card.inputs
    .filter((input) => input.required && (values[input.id] ?? "").trim() === "")
    .map((input) => ({
      id: input.id,
      name: input.label || ("placeholder" in input && input.placeholder) || input.id,
      errorMessage: input.errorMessage,
    }));
}

/** What pressing a button sends: the button (by id, else title) and its data with the inputs' values. */
export function submission(
  action: Extract<CardAction, { kind: "submit" }>,
  values: Readonly<Record<string, string>>,
): { actionId: string; data: JsonObject } {
  return { actionId: action.id ?? action.title, data: { ...action.data, ...values } };
}

/** A multi-select choice set's value: the chosen values joined by commas, as Teams submits them. */
export function toggleChoice(current: string, value: string, checked: boolean): string {
  const chosen = current.split(",").filter((v) => v !== "" && v !== value);
  if (checked) chosen.push(value);
  return chosen.join(",");
}
