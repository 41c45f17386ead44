// Variables and data operations: Compose, ParseJson, Query, Select, Join, Table, Response.
import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { definition, runFlow, statuses, step, testEngine } from "./testing";

function started() {
  const t = testEngine();
  t.engine.start();
  return t;
}

const init = (name: string, type: string, value?: JsonValue): WdlAction => ({
  type: "InitializeVariable",
  inputs: { variables: [value === undefined ? { name, type } : { name, type, value }] },
  runAfter: {},
});

describe("variables", () => {
  it("initializes, sets, increments, decrements and appends, and journals the values", async () => {
    const t = started();
    const run = await runFlow(t, {
      Counter: init("Counter", "integer", 5),
      Name: { ...init("Name", "string", "Ada"), runAfter: { Counter: ["Succeeded"] } },
      List: { ...init("List", "array"), runAfter: { Name: ["Succeeded"] } },
      Rate: { ...init("Rate", "float", 1.5), runAfter: { List: ["Succeeded"] } },
      Inc: {
        type: "IncrementVariable",
        inputs: { name: "Counter", value: 10 },
        runAfter: { Rate: ["Succeeded"] },
      },
      Dec: { type: "DecrementVariable", inputs: { name: "Counter" }, runAfter: { Inc: ["Succeeded"] } },
      Append: {
        type: "AppendToStringVariable",
        inputs: { name: "Name", value: " Lovelace" },
        runAfter: { Dec: ["Succeeded"] },
      },
      Push: {
        type: "AppendToArrayVariable",
        inputs: { name: "List", value: { n: "@variables('Counter')" } },
        runAfter: { Append: ["Succeeded"] },
      },
      Set: { type: "SetVariable", inputs: { name: "Rate", value: 2 }, runAfter: { Push: ["Succeeded"] } },
      Show: {
        type: "Compose",
        inputs: "@{variables('Name')}: @{variables('Counter')}",
        runAfter: { Set: ["Succeeded"] },
      },
    });
    expect(run.status).toBe("Succeeded");
    expect(step(run, "Show").outputs).toBe("Ada Lovelace: 14");
    expect(run.variables).toEqual({ Counter: 14, Name: "Ada Lovelace", List: [{ n: 14 }], Rate: 2 });
    expect(step(run, "Set").outputs).toEqual({ body: { name: "Rate", value: 2 } });
  });

  it("starts every run from the definition's values: one run's appends and sets do not leak into the next", async () => {
    // Static inputs are shared between runs of one definition (they are not rebuilt each time).
    const t = started();
    const flow = definition({
      List: init("List", "array", [{ n: 0 }]),
      Bag: { ...init("Bag", "object", { seen: [] }), runAfter: { List: ["Succeeded"] } },
      Push: {
        type: "AppendToArrayVariable",
        inputs: { name: "List", value: { n: 1 } },
        runAfter: { Bag: ["Succeeded"] },
      },
      Grow: {
        type: "SetVariable",
        inputs: { name: "Bag", value: "@setProperty(variables('Bag'), 'seen', createArray(1))" },
        runAfter: { Push: ["Succeeded"] },
      },
    });
    const first = await runFlow(t, flow);
    const second = await runFlow(t, flow);
    expect(first.variables).toEqual({ List: [{ n: 0 }, { n: 1 }], Bag: { seen: [1] } });
    expect(second.variables).toEqual(first.variables);
    expect(flow.actions?.List?.inputs).toEqual({
      variables: [{ name: "List", type: "array", value: [{ n: 0 }] }],
    });
  });

  it("refuses values of the wrong type, unknown variables and a second initialization", async () => {
    const t = started();
    const run = await runFlow(t, {
      N: init("N", "integer", 1),
      SetText: { type: "SetVariable", inputs: { name: "N", value: "one" }, runAfter: { N: ["Succeeded"] } },
      IncByHalf: {
        type: "IncrementVariable",
        inputs: { name: "N", value: 0.5 },
        runAfter: { N: ["Succeeded"] },
      },
      Unknown: { type: "SetVariable", inputs: { name: "Nope", value: 1 }, runAfter: { N: ["Succeeded"] } },
      Again: { ...init("N", "integer", 2), runAfter: { N: ["Succeeded"] } },
      BadType: init("X", "decimal", 1),
      AppendToInt: {
        type: "AppendToStringVariable",
        inputs: { name: "N", value: "x" },
        runAfter: { N: ["Succeeded"] },
      },
    });
    expect(step(run, "SetText").error).toEqual({
      code: "InvalidVariableValue",
      message: "The variable 'N' of type 'Integer' cannot be updated with a value of type 'String'.",
    });
    expect(step(run, "IncByHalf").error?.code).toBe("InvalidVariableValue");
    expect(step(run, "Unknown").error?.code).toBe("VariableNotFound");
    expect(step(run, "Again").error?.code).toBe("VariableAlreadyInitialized");
    expect(step(run, "BadType").error?.code).toBe("InvalidVariableType");
    expect(step(run, "AppendToInt").error?.code).toBe("InvalidVariableType");
    expect(run.variables).toEqual({ N: 1 });
  });
});

describe("data operations", () => {
  const orders = [
    { id: 1, customer: "Ada", total: 1200 },
    { id: 2, customer: "Bo", total: 300 },
    { id: 3, customer: "Cy, Inc.", total: 4100 },
  ];

  it("Compose evaluates its inputs, whole values and interpolations", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Obj: {
          type: "Compose",
          inputs: { total: "@triggerBody()?['n']", text: "n is @{triggerBody()?['n']}", at: "@@literal" },
          runAfter: {},
        },
      },
      { n: 7 },
    );
    expect(step(run, "Obj").outputs).toEqual({ total: 7, text: "n is 7", at: "@literal" });
  });

  it("ParseJson parses text, checks the schema loosely, and fails on bad JSON or a mismatch", async () => {
    const t = started();
    const schema = {
      type: "object",
      properties: { id: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
      required: ["id"],
    };
    const run = await runFlow(t, {
      Good: {
        type: "ParseJson",
        inputs: { content: '{"id": 4, "tags": ["a"], "extra": true}', schema },
        runAfter: {},
      },
      Uses: { type: "Compose", inputs: "@body('Good')?['tags'][0]", runAfter: { Good: ["Succeeded"] } },
      Mismatch: { type: "ParseJson", inputs: { content: { tags: [1] }, schema }, runAfter: {} },
      NotJson: { type: "ParseJson", inputs: { content: "{nope", schema: {} }, runAfter: {} },
    });
    expect(step(run, "Good").outputs).toEqual({ body: { id: 4, tags: ["a"], extra: true } });
    expect(step(run, "Uses").outputs).toBe("a");
    expect(step(run, "Mismatch").status).toBe("Failed");
    expect(step(run, "Mismatch").error?.message).toContain("required property 'id' is missing");
    expect(step(run, "Mismatch").error?.message).toContain("$.tags[0]: expected string, found integer");
    expect(step(run, "NotJson").error?.code).toBe("InvalidJSON");
  });

  it("Query filters with where, Select maps with an object or an expression, Join joins", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Big: {
          type: "Query",
          inputs: { from: "@triggerBody()?['orders']", where: "@greater(item()?['total'], 1000)" },
          runAfter: {},
        },
        Names: {
          type: "Select",
          inputs: {
            from: "@body('Big')",
            select: { who: "@item()?['customer']", cents: "@mul(item()?['total'], 100)" },
          },
          runAfter: { Big: ["Succeeded"] },
        },
        Ids: {
          type: "Select",
          inputs: { from: "@triggerBody()?['orders']", select: "@item()?['id']" },
          runAfter: {},
        },
        Joined: {
          type: "Join",
          inputs: { from: "@body('Ids')", joinWith: "; " },
          runAfter: { Ids: ["Succeeded"] },
        },
        NotArray: {
          type: "Query",
          inputs: { from: "@triggerBody()?['none']", where: "@true" },
          runAfter: {},
        },
      },
      { orders },
    );
    expect(step(run, "Big").outputs).toEqual({ body: [orders[0], orders[2]] });
    expect(step(run, "Names").outputs).toEqual({
      body: [
        { who: "Ada", cents: 120000 },
        { who: "Cy, Inc.", cents: 410000 },
      ],
    });
    expect(step(run, "Joined").outputs).toEqual({ body: "1; 2; 3" });
    expect(step(run, "NotArray").error?.message).toContain("must be an array; it is null");
  });

  it("Table makes CSV and HTML, with automatic or given columns", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Csv: { type: "Table", inputs: { from: "@triggerBody()?['orders']", format: "CSV" }, runAfter: {} },
        Html: {
          type: "Table",
          inputs: {
            from: "@triggerBody()?['orders']",
            format: "HTML",
            columns: [
              { header: "Customer", value: "@item()?['customer']" },
              { header: "Big?", value: "@if(greater(item()?['total'], 1000), 'yes', '<no>')" },
            ],
          },
          runAfter: {},
        },
      },
      { orders },
    );
    expect(step(run, "Csv").outputs).toEqual({
      body: 'id,customer,total\r\n1,Ada,1200\r\n2,Bo,300\r\n3,"Cy, Inc.",4100\r\n',
    });
    expect((step(run, "Html").outputs as { body: string }).body).toBe(
      "<table><thead><tr><th>Customer</th><th>Big?</th></tr></thead><tbody><tr><td>Ada</td><td>yes</td></tr><tr><td>Bo</td><td>&lt;no&gt;</td></tr><tr><td>Cy, Inc.</td><td>yes</td></tr></tbody></table>",
    );
  });

  it("Response records what the run answered", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Answer: {
          type: "Response",
          kind: "Http",
          inputs: { statusCode: 201, body: { ok: "@triggerBody()?['x']" } },
          runAfter: {},
        },
      },
      { x: true },
    );
    expect(statuses(run)).toEqual({ Answer: "Succeeded" });
    expect(run.response).toEqual({ statusCode: 201, headers: {}, body: { ok: true } });
  });

  it("an action type Flowsmith does not run fails with a clear error", async () => {
    const t = started();
    const run = await runFlow(t, {
      Call: { type: "Http", inputs: { method: "GET", uri: "https://example.com" }, runAfter: {} },
    });
    expect(step(run, "Call").error).toEqual({
      code: "ActionTypeNotSupported",
      message: "The step 'Call' is of type 'Http', which Flowsmith does not run.",
    });
  });

  it("workflow(), parameters() and trigger() are available to expressions", async () => {
    const t = started();
    const run = await runFlow(
      t,
      definition(
        {
          Info: {
            type: "Compose",
            inputs: {
              flow: "@workflow()?['tags']?['flowDisplayName']",
              run: "@workflow()?['run']?['name']",
              p: "@parameters('Threshold')",
              trig: "@trigger()?['name']",
            },
            runAfter: {},
          },
          Missing: { type: "Compose", inputs: "@parameters('Nope')", runAfter: {} },
        },
        { parameters: { Threshold: { type: "Int", defaultValue: 1000 } } },
      ),
    );
    expect(step(run, "Info").outputs).toEqual({ flow: "Test flow", run: run.id, p: 1000, trig: "manual" });
    expect(step(run, "Missing").error?.message).toContain("parameter 'Nope' is not defined");
  });
});

describe("XML", () => {
  it("a step's XML output is journaled as content, and later steps read it with xpath() and as text", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Build: {
          type: "Compose",
          inputs: "@xml(json(concat('{\"produce\":{\"item\":', string(triggerBody()?['items']), '}}')))",
          runAfter: {},
        },
        Total: {
          type: "Compose",
          inputs: "@xpath(outputs('Build'), 'sum(/produce/item/count)')",
          runAfter: { Build: ["Succeeded"] },
        },
        Text: { type: "Compose", inputs: "Sent @{outputs('Build')}", runAfter: { Total: ["Succeeded"] } },
      },
      {
        items: [
          { name: "Gala", count: 20 },
          { name: "Honeycrisp", count: 10 },
        ],
      },
    );
    expect(statuses(run)).toEqual({ Build: "Succeeded", Total: "Succeeded", Text: "Succeeded" });
    expect(step(run, "Build").outputs).toMatchObject({ "$content-type": "application/xml;charset=utf-8" });
    expect(step(run, "Total").outputs).toBe(30);
    expect(step(run, "Text").outputs).toBe(
      "Sent <produce><item><name>Gala</name><count>20</count></item><item><name>Honeycrisp</name><count>10</count></item></produce>",
    );
  });
});
