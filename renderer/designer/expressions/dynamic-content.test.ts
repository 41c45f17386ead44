import { describe, expect, it } from "vitest";
import { findOperation, instantiate } from "../../../shared/connectors";
import { buildGraph, type WdlDefinition } from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import { availableContent, tokenLabels } from "./dynamic-content";

const step = (
  connectorId: string,
  operationId: string,
  runAfter: Record<string, string[]>,
  extra: JsonObject = {},
) => {
  const operation = findOperation(connectorId, operationId);
  if (!operation) throw new Error(`${connectorId}/${operationId} missing`);
  return { ...instantiate(operation), runAfter, ...extra };
};

/** Trigger → approval → Condition (Yes: update record; No: email), then a loop over found records. */
const definition = {
  triggers: {
    When_a_purchase_document_approval_is_requested: step(
      "shared_dynamicssmbsaas",
      "CreatePurchaseDocumentApprovalWebHookV3",
      {},
    ),
  },
  actions: {
    Initialize_total: {
      type: "InitializeVariable",
      inputs: { variables: [{ name: "total", type: "integer", value: 0 }] },
      runAfter: {},
    },
    Start_and_wait_for_an_approval: step("shared_approvals", "StartAndWaitForAnApproval", {
      Initialize_total: ["Succeeded"],
    }),
    Condition: {
      type: "If",
      expression: { and: [{ equals: ["", ""] }] },
      runAfter: { Start_and_wait_for_an_approval: ["Succeeded"] },
      actions: { "Update_record_(V3)": step("shared_dynamicssmbsaas", "PatchItemV3", {}) },
      else: { actions: { "Send_an_email_(V2)": step("shared_office365", "SendEmailV2", {}) } },
    },
    "Find_records_(V3)": step("shared_dynamicssmbsaas", "GetItemsV3", { Condition: ["Succeeded"] }, {}),
    Apply_to_each: {
      type: "Foreach",
      foreach: "@outputs('Find_records_(V3)')?['body/value']",
      runAfter: { "Find_records_(V3)": ["Succeeded"] },
      actions: { Compose: { type: "Compose", inputs: "", runAfter: {} } },
    },
  },
} as unknown as WdlDefinition;

const graph = buildGraph(definition);
const sources = (name: string | undefined) => availableContent(graph, name).map((g) => g.source);

describe("dynamic content availability", () => {
  it("offers the trigger's outputs everywhere, and only the trigger's to the trigger itself", () => {
    expect(sources(undefined)).toEqual(["When_a_purchase_document_approval_is_requested"]);
    const trigger = availableContent(graph, undefined)[0];
    expect(trigger?.items.map((i) => i.title)).toContain("Row id");
    expect(trigger?.items.find((i) => i.title === "Row id")?.expression).toBe(
      "triggerOutputs()?['body/Row Id']",
    );
  });

  it("offers steps sure to have run before, never a sibling branch or a later step", () => {
    const inNo = sources("Send_an_email_(V2)");
    expect(inNo).toContain("Start_and_wait_for_an_approval");
    expect(inNo).not.toContain("Update_record_(V3)");
    expect(inNo).not.toContain("Find_records_(V3)");
    const approval = availableContent(graph, "Send_an_email_(V2)").find(
      (g) => g.source === "Start_and_wait_for_an_approval",
    );
    expect(approval?.items.find((i) => i.title === "Outcome")?.expression).toBe(
      "outputs('Start_and_wait_for_an_approval')?['body/outcome']",
    );
    expect(sources("Start_and_wait_for_an_approval")).not.toContain("Start_and_wait_for_an_approval");
  });

  it("offers variables initialized before the step", () => {
    const variables = availableContent(graph, "Condition").find((g) => g.source === "#variables");
    expect(variables?.items).toEqual([
      expect.objectContaining({ title: "total", expression: "variables('total')" }),
    ]);
  });

  it("offers the current item of the loop around a step, with the fields of the records it goes through", () => {
    const loop = availableContent(graph, "Compose").find((g) => g.source === "Apply_to_each");
    expect(loop?.items[0]?.expression).toBe("items('Apply_to_each')");
    expect(sources("Compose")).toContain("Find_records_(V3)");
  });

  it("labels tokens with the output's title, for any step", () => {
    const labels = tokenLabels(graph);
    expect(labels.get("outputs('Start_and_wait_for_an_approval')?['body/outcome']")?.title).toBe("Outcome");
  });
});
