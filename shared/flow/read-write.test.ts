import { describe, expect, it } from "vitest";
import { corpusFile, corpusFiles } from "../../fixtures/corpus";
import { flowKindOf } from "./flow-kind";
import { readFlowFile, readFlowValue } from "./read";
import { corpusDefinition, readCorpus } from "./test-support/corpus";
import type { WdlDefinition } from "./types";
import { flowFileValue, writeFlowFile } from "./write";

const files = corpusFiles();

describe("the corpus", () => {
  it.each(files.map((f) => [f.name, f] as const))("%s reads without error and round-trips", (_name, file) => {
    const result = readFlowFile(file.text);
    if (!result.ok) throw new Error(result.error.message);
    const written = writeFlowFile(result.document);
    expect(JSON.parse(written)).toEqual(JSON.parse(file.text));
    // Key order is kept too, so an export differs from its source only where it was edited.
    expect(JSON.stringify(JSON.parse(written))).toBe(JSON.stringify(JSON.parse(file.text)));
  });

  it("has all 32 files", () => {
    expect(files.length).toBe(32);
  });

  it("recognises each envelope", () => {
    const kinds = Object.fromEntries(files.map((f) => [f.name, readCorpus(f.name).envelope.kind]));
    expect(kinds["logicapps/Switch.json"]).toBe("workflow");
    expect(kinds["powerautomate/try-catch-finally.json"]).toBe("package");
    expect(kinds["powerautomate/solution-sharepoint-group.json"]).toBe("solution");
    const counts: Record<string, number> = {};
    for (const kind of Object.values(kinds)) counts[kind] = (counts[kind] ?? 0) + 1;
    expect(counts).toEqual({ workflow: 20, package: 11, solution: 1 });
  });

  it("takes the display name of a package", () => {
    expect(readCorpus("powerautomate/try-catch-finally.json").displayName).toBe("Pattern: Try-Catch-Finally");
    expect(readCorpus("powerautomate/collect-feedback-approval.json").displayName).toBe("Collect Feedback");
    expect(readCorpus("powerautomate/solution-sharepoint-group.json").displayName).toBeUndefined();
    expect(readCorpus("logicapps/Switch.json").displayName).toBeUndefined();
  });

  it("keeps what surrounds the definition", () => {
    const doc = readCorpus("powerautomate/collect-feedback-approval.json");
    expect(doc.envelope.outer.name).toBe("7be596ed-3fee-4701-9d9b-1747be54fd00");
    const props = doc.envelope.outer.properties as Record<string, unknown>;
    expect(Object.keys(props)).toEqual([
      "apiId",
      "displayName",
      "definition",
      "connectionReferences",
      "flowFailureAlertSubscribed",
    ]);
    expect(props.definition).toBeNull();
    expect(readCorpus("logicapps/Switch.json").envelope.outer).toEqual({
      definition: null,
      kind: "Stateful",
    });
  });

  it("tells the kind of flow from the trigger", () => {
    const kind = (name: string) => flowKindOf(corpusDefinition(name));
    expect(kind("logicapps/Recurrence.json")).toBe("scheduled");
    expect(kind("powerautomate/notify-last-working-day.json")).toBe("scheduled");
    expect(kind("powerautomate/try-catch-finally.json")).toBe("instant");
    // "For a selected file", a hybrid manual trigger (Request, kind ApiConnection).
    expect(kind("powerautomate/collect-feedback-approval.json")).toBe("instant");
    expect(kind("powerautomate/planner-task-flagged-email.json")).toBe("automated");
    expect(kind("logicapps/StressTest50.json")).toBe("automated");
  });
});

describe("writing", () => {
  it("writes a changed display name into a package", () => {
    const doc = readCorpus("powerautomate/try-catch-finally.json");
    const value = flowFileValue({ ...doc, displayName: "Renamed" });
    expect((value.properties as Record<string, unknown>).displayName).toBe("Renamed");
  });

  it("writes an edited definition back in its place", () => {
    const doc = readCorpus("logicapps/Switch.json");
    const definition: WdlDefinition = { ...doc.definition, description: "changed" };
    const value = flowFileValue({ ...doc, definition });
    expect(Object.keys(value)).toEqual(["definition", "kind"]);
    expect((value.definition as Record<string, unknown>).description).toBe("changed");
  });

  it("reads and writes a bare WDL definition", () => {
    const text = JSON.stringify({ triggers: {}, actions: { A: { type: "Compose", inputs: 1 } } });
    const result = readFlowFile(text);
    expect(result.ok && result.document.envelope.kind).toBe("definition");
    if (result.ok) expect(JSON.parse(writeFlowFile(result.document))).toEqual(JSON.parse(text));
  });

  it("accepts a byte-order mark", () => {
    const result = readFlowFile(`\uFEFF${corpusFile("logicapps/Recurrence.json").text}`);
    expect(result.ok).toBe(true);
  });
});

describe("reading errors", () => {
  const error = (text: string) => {
    const result = readFlowFile(text);
    if (result.ok) throw new Error("expected an error");
    return result.error;
  };

  it("says where the JSON breaks", () => {
    const e = error('{\n  "definition": {\n    "actions": {,\n  }\n}');
    expect(e.line).toBe(3);
    expect(e.column).toBe(17);
    expect(e.message).toBe(
      'The file is not valid JSON: expected a property name in double quotes, found "," at line 3, column 17.',
    );
    expect(e.path).toBe("$");
  });

  it("finds a missing comma and an unterminated string", () => {
    expect(error('{"a": 1 "b": 2}').message).toContain(
      "expected ',' or '}' after a property value, found \"\\\"\" at line 1, column 9",
    );
    expect(error('{"a": "x').message).toContain(
      "expected a closing '\"', found the end of the text at line 1, column 9",
    );
    expect(error("{} x").message).toContain("expected end of the text after the JSON value");
  });

  it("refuses an empty file, a non-object and a file without a definition", () => {
    expect(error("  ").message).toBe("The file is empty: a flow file holds a JSON object.");
    expect(error("[1, 2]").message).toBe("A flow file must be a JSON object; this one is an array.");
    expect(error('"text"').message).toBe("A flow file must be a JSON object; this one is a string.");
    expect(error('{"name": "x"}').message).toMatch(/^No flow definition found/);
    expect(error('{"properties": {"definition": 3}}').message).toBe(
      "$.properties.definition: a definition must be a JSON object.",
    );
  });

  it("names the wrong-shaped field by its JSON path", () => {
    const e = error(
      JSON.stringify({
        properties: {
          definition: {
            triggers: { manual: { type: "Request", kind: "Button" } },
            actions: {
              Condition: {
                type: "If",
                expression: 42,
                actions: { "Send an email": { type: "Compose", runAfter: { X: ["Done"] } } },
              },
            },
          },
        },
      }),
    );
    expect(e.path).toBe("$.properties.definition.actions.Condition.expression");
    expect(e.segments).toEqual(["properties", "definition", "actions", "Condition", "expression"]);
    expect(e.message).toMatch(
      /^\$\.properties\.definition\.actions\.Condition\.expression: expected an expression/,
    );
    expect(e.message).toContain("(and 1 more problem)");
    expect(e.issues?.[1]?.message).toBe(
      '$.properties.definition.actions.Condition.actions["Send an email"].runAfter.X[0]: expected a run-after status: Succeeded, Failed, Skipped or TimedOut',
    );
  });

  it("reads parsed JSON without copying it", () => {
    const value = JSON.parse(corpusFile("logicapps/Switch.json").text);
    const result = readFlowValue(value);
    expect(result.ok && result.document.definition).toBe(value.definition);
  });
});

describe("newFlowDocument", () => {
  it("makes a Power Automate package that reads back", async () => {
    const { newFlowDocument } = await import("./new-document");
    const { approvalFlow } = await import("./test-support/approval");
    const doc = newFlowDocument({
      kind: "package",
      definition: approvalFlow,
      displayName: "Approve purchases",
      flowId: "0b7e4c2a-1111-4222-8333-944455556666",
    });
    const back = readFlowFile(writeFlowFile(doc));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.document.envelope.kind).toBe("package");
    expect(back.document.displayName).toBe("Approve purchases");
    expect(back.document.definition).toEqual(approvalFlow);
    expect((back.document.envelope.outer.properties as Record<string, unknown>).connectionReferences).toEqual(
      {
        shared_dynamicssmbsaas: {
          connectionName: "shared_dynamicssmbsaas",
          source: "Invoker",
          id: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
          tier: "NotSpecified",
        },
        shared_approvals: {
          connectionName: "shared_approvals",
          source: "Invoker",
          id: "/providers/Microsoft.PowerApps/apis/shared_approvals",
          tier: "NotSpecified",
        },
        shared_teams: {
          connectionName: "shared_teams",
          source: "Invoker",
          id: "/providers/Microsoft.PowerApps/apis/shared_teams",
          tier: "NotSpecified",
        },
        shared_office365: {
          connectionName: "shared_office365",
          source: "Invoker",
          id: "/providers/Microsoft.PowerApps/apis/shared_office365",
          tier: "NotSpecified",
        },
      },
    );
  });

  it("makes a Logic Apps workflow", async () => {
    const { newFlowDocument } = await import("./new-document");
    const doc = newFlowDocument({ kind: "workflow", definition: { triggers: {}, actions: {} } });
    expect(JSON.parse(writeFlowFile(doc))).toEqual({
      definition: { triggers: {}, actions: {} },
      kind: "Stateful",
    });
  });
});
