import { describe, expect, it } from "vitest";
import { buildGraph } from "../flow";
import { checkFlow } from "./check";
import { RULE_INFO } from "./rules/catalog";
import { approvalFlow } from "./test-support/approval";
import { compose, email, flow, succeeded } from "./test-support/flows";

/** A flow with errors and warnings on several steps. */
function broken() {
  return flow({
    A: compose("@outputs('C')"),
    Mail: email({ "emailMessage/To": "", "emailMessage/Subject": "@concat(" }, succeeded("A")),
    End: { type: "Terminate", runAfter: succeeded("Mail"), inputs: { runStatus: "Succeeded" } },
    C: compose(1, succeeded("End")),
  });
}

describe("checkFlow", () => {
  it("finds nothing in the complete approval flow", () => {
    expect(checkFlow(approvalFlow())).toEqual({ findings: [], errorCount: 0, warningCount: 0 });
  });

  it("lists errors before warnings, each in document order, and counts them", () => {
    const result = checkFlow(broken());
    expect(result.findings.map((f) => `${f.severity} ${f.rule} ${f.nodeId}`)).toEqual([
      "error reference-not-before A",
      "error required-input Mail",
      "error expression-syntax Mail",
      "warning unreachable C",
    ]);
    expect([result.errorCount, result.warningCount]).toEqual([3, 1]);
  });

  it("gives ids made of rule, node and field, the same on every run and unique", () => {
    const first = checkFlow(broken()).findings.map((f) => f.id);
    expect(first).toEqual([
      "reference-not-before:A:inputs:C",
      "required-input:Mail:emailMessage/To",
      "expression-syntax:Mail:emailMessage/Subject",
      "unreachable:C",
    ]);
    expect(checkFlow(broken()).findings.map((f) => f.id)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it("keeps a finding's id when other parts of the flow change", () => {
    const definition = broken();
    const id = checkFlow(definition).findings.find((f) => f.rule === "required-input")?.id;
    definition.actions = { ...definition.actions, Extra: compose("@concat(", succeeded("C")) };
    expect(checkFlow(definition).findings.find((f) => f.rule === "required-input")?.id).toBe(id);
  });

  it("makes ids unique when one field has the same problem twice", () => {
    const definition = flow({ A: compose("@{concat(} and @{concat(}") });
    const ids = checkFlow(definition).findings.map((f) => f.id);
    expect(ids).toEqual(["expression-syntax:A:inputs", "expression-syntax:A:inputs#2"]);
  });

  it("puts every finding on a node of the graph", () => {
    const definition = broken();
    const graph = buildGraph(definition);
    for (const finding of checkFlow(definition).findings) expect(graph.byId.has(finding.nodeId)).toBe(true);
  });

  it("uses the severity each rule declares unless the rule says otherwise", () => {
    for (const finding of checkFlow(broken()).findings) {
      expect(finding.severity).toBe(RULE_INFO[finding.rule].severity);
    }
  });

  it("does not modify the definition", () => {
    const definition = broken();
    const copy = structuredClone(definition);
    checkFlow(definition, { policy: { connectors: { shared_office365: "blocked" } }, kind: "scheduled" });
    expect(definition).toEqual(copy);
  });

  it("sees a changed step again after an edit that replaces it", () => {
    const definition = flow({ Mail: email({ "emailMessage/To": "" }) });
    expect(checkFlow(definition).errorCount).toBe(1);
    const fixed = { ...definition, actions: { Mail: email() } };
    expect(checkFlow(fixed).errorCount).toBe(0);
    expect(checkFlow(definition).errorCount).toBe(1);
  });
});
