import { describe, expect, it } from "vitest";
import type { ConnectorCall } from "../engine/connector-runtime";
import { failed, succeeded, testWorld } from "./test-support";

const ALICIA = "alicia.thornton@cronus-demo.example";

const email = (overrides: Partial<ConnectorCall> = {}): ConnectorCall => ({
  runId: "run-7",
  iteration: "Apply_to_each[2]",
  actionName: "Send_an_email",
  attempt: 1,
  connectorId: "shared_office365",
  operationId: "SendEmailV2",
  parameters: {
    "emailMessage/To": ALICIA,
    "emailMessage/Subject": "PI-1001 approved",
    "emailMessage/Body": "<p>Approved.</p>",
  },
  flow: { id: "flow-1", name: "Invoice approval", mode: "published" },
  ...overrides,
});

describe("a call sent again after a restart", () => {
  it("takes effect once and answers with the first outcome", async () => {
    const w = testWorld();
    const first = succeeded(await w.sandbox.invoke(email()));
    const again = succeeded(await w.sandbox.invoke(email()));
    expect(again).toEqual(first);
    expect(w.sandbox.listMessages(ALICIA).total).toBe(1);
  });

  it("still runs a retry (another attempt), the same step in another iteration, and another run", async () => {
    const w = testWorld();
    await w.sandbox.invoke(email());
    await w.sandbox.invoke(email({ attempt: 2 }));
    await w.sandbox.invoke(email({ iteration: "Apply_to_each[3]" }));
    await w.sandbox.invoke(email({ runId: "run-8" }));
    expect(w.sandbox.listMessages(ALICIA).total).toBe(4);
  });

  it("returns the same approval to wait for, not a second request", async () => {
    const w = testWorld();
    const call = email({
      actionName: "Start_and_wait",
      connectorId: "shared_approvals",
      operationId: "StartAndWaitForAnApproval",
      parameters: {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": "PI-1001",
        "WebhookApprovalCreationInput/assignedTo": ALICIA,
      },
    });
    const first = await w.sandbox.invoke(call);
    const again = await w.sandbox.invoke(call);
    expect(first.kind).toBe("waiting");
    expect(again).toEqual(first);
    expect(w.sandbox.listApprovals({}).total).toBe(1);
  });

  it("runs again when the first try changed nothing (it failed), and once the world was reset", async () => {
    const w = testWorld();
    const bad = email({ parameters: { "emailMessage/Subject": "no recipient" } });
    expect(failed(await w.sandbox.invoke(bad)).statusCode).toBe(400);
    expect(failed(await w.sandbox.invoke(bad)).statusCode).toBe(400);

    await w.sandbox.invoke(email());
    w.sandbox.reset();
    await w.sandbox.invoke(email());
    expect(w.sandbox.listMessages(ALICIA).total).toBe(1);
  });
});
