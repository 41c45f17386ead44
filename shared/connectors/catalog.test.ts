// Lookups by every form a connector is referred to by, the palette, and search.
import { describe, expect, it } from "vitest";
import { allOperations, findConnector, findOperation, paletteGroups } from "./catalog";
import { performableInSandbox } from "./sandbox-starts";
import { searchOperations } from "./search";

describe("findConnector", () => {
  it.each([
    "/providers/Microsoft.PowerApps/apis/shared_approvals",
    "shared_approvals",
    "approvals",
    "SHARED_APPROVALS",
    "@parameters('$connections')['shared_approvals']['connectionId']",
    "@parameters('$connections')['shared_approvals_1']['connectionId']",
    "https://unitedstates-002.azure-apim.net/apim/approvals",
  ])("finds Approvals from %s", (reference) => {
    expect(findConnector(reference)?.id).toBe("shared_approvals");
  });

  it("finds built-ins by their id", () => {
    expect(findConnector("builtin_control")?.displayName).toBe("Control");
  });

  it("finds nothing for connectors the catalog lacks", () => {
    expect(findConnector("shared_sharepointonline")).toBeUndefined();
    expect(findConnector("/providers/Microsoft.PowerApps/apis/shared_planner")).toBeUndefined();
    expect(findConnector("")).toBeUndefined();
  });
});

describe("findOperation", () => {
  it("finds an operation by any connector form and its operationId", () => {
    const byApiId = findOperation("/providers/Microsoft.PowerApps/apis/shared_office365", "SendEmailV2");
    expect(byApiId?.displayName).toBe("Send an email (V2)");
    expect(findOperation("shared_office365", "SendEmailV2")).toBe(byApiId);
    expect(
      findOperation("@parameters('$connections')['shared_office365']['connectionId']", "sendemailv2"),
    ).toBe(byApiId);
  });

  it("finds every declared operation back", () => {
    for (const op of allOperations()) expect(findOperation(op.connectorId, op.operationId)).toBe(op);
  });

  it("finds nothing for an unknown operationId", () => {
    expect(findOperation("shared_office365", "SendEmail")).toBeUndefined();
    expect(findOperation("shared_nothing", "SendEmailV2")).toBeUndefined();
  });
});

describe("paletteGroups", () => {
  it("lists the groups in display order", () => {
    expect(paletteGroups().map((entry) => entry.group)).toEqual([
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
    ]);
  });

  it("filters by kind and leaves deprecated operations out unless asked", () => {
    const actions = paletteGroups({ kind: "action" });
    expect(actions.map((entry) => entry.group)).not.toContain("Triggers");
    const all = actions.flatMap((group) => group.connectors.flatMap((entry) => entry.operations));
    expect(all.every((op) => op.kind === "action" && !op.deprecated)).toBe(true);
    const triggers = paletteGroups({ kind: "trigger" }).flatMap((group) =>
      group.connectors.flatMap((entry) => entry.operations),
    );
    expect(triggers.map((op) => op.operationId)).not.toContain("OnFlaggedEmailV3");
    const withDeprecated = paletteGroups({ kind: "trigger", includeDeprecated: true }).flatMap((group) =>
      group.connectors.flatMap((entry) => entry.operations),
    );
    expect(withDeprecated.map((op) => op.operationId)).toContain("OnFlaggedEmailV3");
  });
});

describe("searchOperations", () => {
  it("puts the Approvals operations first for 'approval'", () => {
    const hits = searchOperations("approval");
    expect(hits.slice(0, 3).map((hit) => hit.connector.id)).toEqual([
      "shared_approvals",
      "shared_approvals",
      "shared_approvals",
    ]);
    // Business Central's approval triggers are found too, after them.
    expect(hits.map((hit) => hit.operation.operationId)).toContain("CreatePurchaseDocumentApprovalWebHookV3");
  });

  it("ignores case and diacritics", () => {
    const plain = searchOperations("send an email").map((hit) => hit.operation.operationId);
    expect(plain[0]).toBe("SendEmailV2");
    expect(searchOperations("SÉND ÀN ÉMAIL").map((hit) => hit.operation.operationId)).toEqual(plain);
  });

  it("matches descriptions and connector names", () => {
    expect(searchOperations("outlook").map((hit) => hit.operation.operationId)).toContain("SendEmailV2");
    expect(searchOperations("teams card").map((hit) => hit.operation.operationId)).toEqual(
      expect.arrayContaining(["PostCardToConversation", "PostCardAndWaitForResponse"]),
    );
    expect(searchOperations("loop").map((hit) => hit.operation.displayName)).toEqual(
      expect.arrayContaining(["Apply to each", "Do until"]),
    );
  });

  it("requires every word to match", () => {
    expect(searchOperations("approval zebra")).toEqual([]);
  });

  it("can be limited to triggers", () => {
    const hits = searchOperations("record", { kind: "trigger" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.operation.kind === "trigger")).toBe(true);
  });

  it("lists everything in palette order for an empty query", () => {
    const hits = searchOperations("");
    expect(hits[0]?.connector.id).toBe("shared_dynamicssmbsaas");
    expect(hits.length).toBe(allOperations().filter((op) => !op.deprecated).length);
  });
});

describe("performableInSandbox", () => {
  it("is true for the triggers a person's action in the sandbox starts, and only those", () => {
    const performable = allOperations()
      .filter((op) => performableInSandbox(op))
      .map((op) => op.operationId);
    expect(performable).toContain("CreateOnUpdatedItemsSubscriptionV3");
    expect(performable).toContain("CreatePurchaseDocumentApprovalWebHookV3");
    expect(performable).toContain("OnNewEmailV3");
    expect(performable).toContain("OnFlaggedEmailV3");
    for (const notStarted of ["ForASelectedRecordV3", "Recurrence", "Button", "SendEmailV2"])
      expect(performable).not.toContain(notStarted);
  });
});
