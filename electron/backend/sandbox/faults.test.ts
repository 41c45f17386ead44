import { describe, expect, it } from "vitest";
import type { ConnectorOutcome } from "../engine/connector-runtime";
import { failed, succeeded, testWorld } from "./test-support";

const MAIL = {
  "emailMessage/To": "alicia.thornton@cronus-demo.example",
  "emailMessage/Subject": "Hi",
  "emailMessage/Body": "Hello",
};

describe("fault injection", () => {
  it("fails the next N calls with 429 and a Retry-After, counting down, then works again", async () => {
    const w = testWorld();
    const fault = w.sandbox.setFault({
      connectorId: "shared_office365",
      operationId: "SendEmailV2",
      mode: "fail",
      statusCode: 429,
      count: 2,
      retryAfterMs: 3000,
    });
    expect(fault).toMatchObject({
      connectorId: "shared_office365",
      operationId: "SendEmailV2",
      remaining: 2,
      statusCode: 429,
    });
    const first = failed(await w.call("shared_office365", "SendEmailV2", MAIL));
    expect(first).toMatchObject({ statusCode: 429, retryAfterMs: 3000, error: { code: "TooManyRequests" } });
    expect(w.sandbox.listFaults()[0]?.remaining).toBe(1);
    failed(await w.call("shared_office365", "SendEmailV2", MAIL));
    expect(w.sandbox.listFaults()).toEqual([]);
    succeeded(await w.call("shared_office365", "SendEmailV2", MAIL));
    // The failed calls changed nothing.
    expect(w.sandbox.listMessages("alicia.thornton@cronus-demo.example").total).toBe(1);
  });

  it("fails every operation of a connector with 500 when no operation is named", async () => {
    const w = testWorld();
    w.sandbox.setFault({
      connectorId: "/providers/Microsoft.PowerApps/apis/shared_teams",
      mode: "fail",
      statusCode: 500,
      count: 1,
    });
    const outcome = failed(
      await w.call("shared_teams", "PostMessageToConversation", {
        poster: "Flow bot",
        location: "Channel",
        "body/recipient/groupId": "Sales",
        "body/recipient/channelId": "General",
        "body/messageBody": "x",
      }),
    );
    expect(outcome).toMatchObject({ statusCode: 500, error: { code: "InternalServerError" } });
    expect(outcome.retryAfterMs).toBeUndefined();
    // Other connectors are not touched.
    succeeded(await w.call("shared_office365", "SendEmailV2", MAIL));
  });

  it("slows calls down on the sandbox's clock", async () => {
    const w = testWorld();
    w.sandbox.setFault({ connectorId: "shared_office365", mode: "slow", delayMs: 30_000, count: 1 });
    let settled: ConnectorOutcome | undefined;
    const pending = w.call("shared_office365", "SendEmailV2", MAIL).then((outcome) => {
      settled = outcome;
    });
    await Promise.resolve();
    expect(settled).toBeUndefined();
    expect(w.clock.nextTimerAt()).toBe(w.clock.now() + 30_000);
    await w.clock.advanceBy(29_999);
    await Promise.resolve();
    expect(settled).toBeUndefined();
    await w.clock.advanceBy(1);
    await pending;
    expect(settled?.kind).toBe("succeeded");
    // The mail arrived when the slow call completed.
    expect(w.sandbox.listMessages("alicia.thornton@cronus-demo.example").items[0]?.receivedDateTime).toBe(
      "2026-01-05T08:00:30.000Z",
    );
    expect(w.sandbox.listFaults()).toEqual([]);
  });

  it("a slow fault without a count lasts until cleared", async () => {
    const w = testWorld();
    const fault = w.sandbox.setFault({ connectorId: "shared_flowpush", mode: "slow", delayMs: 10 });
    expect(fault.remaining).toBeNull();
    for (let i = 0; i < 3; i++) {
      const call = w.call("shared_flowpush", "SendNotification", {
        "NotificationDefinition/notificationText": `n${i}`,
      });
      await w.clock.advanceBy(10);
      succeeded(await call);
    }
    expect(w.sandbox.listFaults()).toHaveLength(1);
    w.sandbox.clearFaults(fault.id);
    expect(w.sandbox.listFaults()).toEqual([]);
  });

  it("refuses faults for unknown connectors, operations and codes", () => {
    const w = testWorld();
    expect(() =>
      w.sandbox.setFault({ connectorId: "shared_fax", mode: "fail", statusCode: 500, count: 1 }),
    ).toThrow("no connector 'shared_fax'");
    expect(() =>
      w.sandbox.setFault({
        connectorId: "shared_office365",
        operationId: "Fax",
        mode: "fail",
        statusCode: 500,
        count: 1,
      }),
    ).toThrow("has no operation 'Fax'");
    expect(() =>
      w.sandbox.setFault({ connectorId: "shared_office365", mode: "fail", statusCode: 503 as 500, count: 1 }),
    ).toThrow("429 or 500");
    expect(() =>
      w.sandbox.setFault({ connectorId: "shared_office365", mode: "fail", statusCode: 500, count: 0 }),
    ).toThrow("at least 1");
    w.sandbox.setFault({ connectorId: "shared_office365", mode: "fail", statusCode: 500, count: 1 });
    w.sandbox.setFault({ connectorId: "shared_teams", mode: "slow", delayMs: 5 });
    w.sandbox.clearFaults();
    expect(w.sandbox.listFaults()).toEqual([]);
  });
});

describe("what the sandbox cannot do", () => {
  it("answers 501 for unknown connectors and operations, final (no retry can help)", async () => {
    const w = testWorld();
    const connector = failed(await w.call("shared_sharepointonline", "GetItems", {}));
    expect(connector).toMatchObject({ statusCode: 501, error: { code: "NotImplemented" }, final: true });
    expect(connector.error.message).toBe("The sandbox has no connector 'shared_sharepointonline'.");
    const operation = failed(await w.call("shared_office365", "ForwardEmail", {}));
    expect([operation.statusCode, operation.final]).toEqual([501, true]);
    expect(operation.error.message).toBe(
      "Office 365 Outlook operation 'ForwardEmail' is not implemented by the sandbox.",
    );
  });
});
