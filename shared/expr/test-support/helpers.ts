// Helpers for the expression tests: evaluate a string value against a small fixed world.
import type { JsonObject, JsonValue } from "../../json";
import type { EvaluationContext } from "../context";
import { ExpressionError } from "../errors";
import { evaluateTemplate } from "../evaluate";

export const NOW = Date.UTC(2018, 2, 1, 0, 0, 0); // 2018-03-01T00:00:00Z

const actions: Record<string, JsonObject> = {
  Get_user: {
    name: "Get_user",
    status: "Succeeded",
    code: "OK",
    inputs: { method: "GET" },
    outputs: {
      statusCode: 200,
      headers: { "Content-Type": "application/json" },
      body: { FullName: "Contoso Corporation", Id: 283541717, FollowersCount: 172, Tags: ["a", "b"] },
    },
  },
  Start_and_wait_for_an_approval: {
    name: "Start_and_wait_for_an_approval",
    status: "Succeeded",
    outputs: {
      body: {
        outcome: "Approve",
        responses: [{ responder: { displayName: "Ada" }, comments: "ok", approverResponse: "Approve" }],
      },
    },
  },
  Compose: { name: "Compose", status: "Succeeded", outputs: "composed text" },
  Skipped_step: { name: "Skipped_step", status: "Skipped" },
  Form: {
    name: "Form",
    status: "Succeeded",
    outputs: {
      body: {
        $formdata: [
          { key: "Subject", value: "Hello world" },
          { key: "tag", value: "x" },
          { key: "tag", value: "y" },
        ],
      },
    },
  },
  Multi: {
    name: "Multi",
    status: "Succeeded",
    outputs: { body: { $multipart: [{ body: "part zero" }, { body: { n: 1 } }] } },
  },
};

const variables: Record<string, JsonValue> = {
  numItems: 20,
  name: "Sophia Owen",
  list: [1, 2, 3],
  empty: "",
  nothing: null,
  flag: true,
  obj: { a: 1, b: { c: "deep" } },
};

export function makeContext(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
  return {
    trigger: () => ({
      name: "manual",
      status: "Succeeded",
      outputs: {
        headers: { "x-ms-user": "ada@contoso.com" },
        body: {
          No: "S-1001",
          amount: 12000.5,
          customer: { name: "Adatum", city: "Paris" },
          lines: [{ item: "A", qty: 2 }],
          $formdata: [{ key: "feedUrl", value: "https://feeds.example/rss" }],
          $multipart: [{ body: "first" }],
        },
      },
    }),
    actionResult: (name) => (Object.hasOwn(actions, name) ? actions[name] : undefined),
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    item: () => ({ id: 7, title: "current" }),
    items: (loop) => (loop === "For_each" ? { id: 1, email: "a@b.c" } : undefined),
    iterationIndexes: (loop) => (loop === "Until" ? 3 : undefined),
    result: (scope) => (scope === "Scope" ? [{ name: "Compose", status: "Failed" }] : undefined),
    parameters: (name) => (name === "fullName" ? "Sophia Owen" : name === "limit" ? 10 : undefined),
    workflow: () => ({
      name: "flow-1",
      run: { name: "run-42" },
      tags: { flowDisplayName: "Approve invoice" },
    }),
    now: () => NOW,
    random: () => 0.5,
    ...overrides,
  };
}

export function ev(text: string, context: EvaluationContext = makeContext()): JsonValue {
  return evaluateTemplate(text, context);
}

export function evError(text: string, context: EvaluationContext = makeContext()): ExpressionError {
  try {
    evaluateTemplate(text, context);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected an error from ${text}`);
}
