// Data operations: Compose, ParseJson, Query, Select, Join, Table, Response. All synchronous.
import { evaluateCondition, evaluateValue } from "../../../../shared/expr";
import type {
  WdlJoinAction,
  WdlParseJsonAction,
  WdlQueryAction,
  WdlResponseAction,
  WdlSelectAction,
  WdlTableAction,
} from "../../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../../shared/json";
import type { StepContext } from "../core";
import { StepError } from "../errors";
import { schemaProblems } from "../schema-check";
import { evaluateDefinitionValue } from "../static-values";
import type { FinalStatus } from "../status";
import { cellText, csvTable, htmlTable } from "../table-format";
import { typeOfValue } from "../variable-types";

function inputsOf(sc: StepContext): JsonValue | undefined {
  return (sc.action as { inputs?: JsonValue }).inputs;
}

function rawInputs(sc: StepContext): JsonObject {
  const inputs = inputsOf(sc);
  return isJsonObject(inputs) ? inputs : {};
}

function arrayFrom(sc: StepContext, raw: JsonObject): JsonValue[] {
  const from = evaluateValue(raw.from ?? null, sc.run.contextFor(sc.frame));
  if (!Array.isArray(from)) {
    throw new StepError(
      "InvalidInput",
      `The 'from' of step '${sc.name}' must be an array; it is ${typeOfValue(from).toLowerCase()}.`,
    );
  }
  return from;
}

export function runCompose(sc: StepContext): FinalStatus {
  const value = evaluateDefinitionValue(inputsOf(sc) ?? null, sc.run.contextFor(sc.frame));
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: value, outputs: value });
}

export function runParseJson(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlParseJsonAction["inputs"] & JsonObject;
  const context = sc.run.contextFor(sc.frame);
  let content = evaluateValue(raw.content ?? null, context);
  if (typeof content === "string") {
    try {
      content = JSON.parse(content) as JsonValue;
    } catch (error) {
      throw new StepError(
        "InvalidJSON",
        `The content of step '${sc.name}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const inputs: JsonObject = { content };
  if (raw.schema !== undefined) inputs.schema = raw.schema;
  const problems = schemaProblems(content, raw.schema);
  if (problems.length > 0) {
    return sc.core.completeStep(sc, {
      status: "Failed",
      inputs,
      outputs: { body: content, errors: problems },
      error: { code: "ValidationFailed", message: `The schema validation failed: ${problems.join("; ")}.` },
    });
  }
  return sc.core.completeStep(sc, { status: "Succeeded", inputs, outputs: { body: content } });
}

export function runQuery(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlQueryAction["inputs"] & JsonObject;
  const from = arrayFrom(sc, raw);
  const where = raw.where ?? true;
  const body = from.filter((item) => evaluateCondition(where, sc.run.itemContext(sc.frame, item)));
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: { from, where }, outputs: { body } });
}

export function runSelect(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlSelectAction["inputs"] & JsonObject;
  const from = arrayFrom(sc, raw);
  const select = raw.select ?? null;
  const body = from.map((item) => evaluateValue(select, sc.run.itemContext(sc.frame, item)));
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: { from, select }, outputs: { body } });
}

export function runJoin(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlJoinAction["inputs"] & JsonObject;
  const from = arrayFrom(sc, raw);
  const joinWith = evaluateValue(raw.joinWith ?? "", sc.run.contextFor(sc.frame));
  if (typeof joinWith !== "string") {
    throw new StepError("InvalidInput", `The 'joinWith' of step '${sc.name}' must be a string.`);
  }
  const body = from.map((item) => cellText(item)).join(joinWith);
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: { from, joinWith }, outputs: { body } });
}

export function runTable(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlTableAction["inputs"] & JsonObject;
  const from = arrayFrom(sc, raw);
  const context = sc.run.contextFor(sc.frame);
  const format = String(evaluateValue(raw.format ?? "CSV", context)).toUpperCase();
  if (format !== "CSV" && format !== "HTML") {
    throw new StepError(
      "InvalidInput",
      `The format of step '${sc.name}' must be CSV or HTML, not '${format}'.`,
    );
  }
  let headers: string[];
  let rows: string[][];
  if (Array.isArray(raw.columns)) {
    const columns = raw.columns.filter(isJsonObject);
    headers = columns.map((c) => cellText(evaluateValue(c.header ?? "", context)));
    rows = from.map((item) => {
      const itemContext = sc.run.itemContext(sc.frame, item);
      return columns.map((c) => cellText(evaluateValue(c.value ?? null, itemContext)));
    });
  } else {
    // Automatic columns: every property name, in the order the items first show them.
    const seen = new Set<string>();
    for (const item of from) if (isJsonObject(item)) for (const k of Object.keys(item)) seen.add(k);
    headers = [...seen];
    rows = from.map((item) => headers.map((h) => (isJsonObject(item) ? cellText(item[h]) : "")));
  }
  const body = format === "CSV" ? csvTable(headers, rows) : htmlTable(headers, rows);
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: { from, format }, outputs: { body } });
}

export function runResponse(sc: StepContext): FinalStatus {
  const raw = rawInputs(sc) as WdlResponseAction["inputs"] & JsonObject;
  const value = evaluateValue(raw, sc.run.contextFor(sc.frame));
  const response: JsonObject = isJsonObject(value) ? value : {};
  const statusCode = Number(response.statusCode ?? 200);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new StepError("InvalidInput", `The status code of step '${sc.name}' must be between 100 and 599.`);
  }
  const recorded: JsonObject = { statusCode, headers: response.headers ?? {}, body: response.body ?? null };
  if (!sc.run.stopped) sc.core.journal.setResponse(sc.run.id, JSON.stringify(recorded));
  return sc.core.completeStep(sc, { status: "Succeeded", inputs: recorded, outputs: recorded });
}
