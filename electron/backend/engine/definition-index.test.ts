import { describe, expect, it } from "vitest";
import { definitionIndex } from "./definition-index";
import { definition, runFlow, step, testEngine } from "./testing";

describe("the results a definition's expressions can read", () => {
  it("are none when no expression reads an action's results", () => {
    const index = definitionIndex(
      definition({
        A: { type: "Compose", inputs: "@triggerBody()?['amount']", runAfter: {} },
        B: { type: "Compose", inputs: "@{variables('x')} and @{workflow()?['name']}", runAfter: {} },
      }),
    );
    expect([...(index.readResults ?? ["all"])]).toEqual([]);
  });

  it("are the actions named by outputs(), body() and actions(), and the first-level actions of a result() scope", () => {
    const index = definitionIndex(
      definition({
        Try: {
          type: "Scope",
          actions: {
            Get: { type: "Compose", inputs: 1, runAfter: {} },
            "Send mail": { type: "Compose", inputs: 2, runAfter: { Get: ["Succeeded"] } },
          },
          runAfter: {},
        },
        A: { type: "Compose", inputs: 3, runAfter: {} },
        Read: {
          type: "Compose",
          inputs: { a: "@body('a')", b: "@{outputs('Send_mail')}", c: "@result('Try')" },
          runAfter: { Try: ["Succeeded"], A: ["Succeeded"] },
        },
      }),
    );
    expect([...(index.readResults ?? [])].sort()).toEqual(["A", "Get", "Send mail"]);
  });

  it("are all when a name is computed, or a condition reads a result by its key", () => {
    const computed = definitionIndex(
      definition({
        A: { type: "Compose", inputs: 1, runAfter: {} },
        B: { type: "Compose", inputs: "@outputs(concat('', 'A'))", runAfter: { A: ["Succeeded"] } },
      }),
    );
    expect(computed.readResults).toBeUndefined();
    const keyed = definitionIndex(
      definition({
        A: { type: "Compose", inputs: 1, runAfter: {} },
        C: {
          type: "If",
          expression: { and: [{ equals: [{ outputs: "A" }, 1] }] },
          actions: {},
          runAfter: { A: ["Succeeded"] },
        },
      }),
    );
    expect(keyed.readResults).toBeUndefined();
  });

  it("still gives a computed reference the result it names", async () => {
    const t = testEngine();
    t.engine.start();
    const detail = await runFlow(t, {
      A: { type: "Compose", inputs: { n: 7 }, runAfter: {} },
      B: { type: "Compose", inputs: "@outputs(concat('', 'A'))?['n']", runAfter: { A: ["Succeeded"] } },
    });
    expect(step(detail, "B").outputs).toBe(7);
    t.engine.stop();
  });
});
