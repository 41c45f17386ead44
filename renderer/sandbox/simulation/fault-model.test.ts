import { describe, expect, it } from "vitest";
import {
  EMPTY_FAULT_FORM,
  faultConnectors,
  faultEffect,
  faultInput,
  faultOperations,
  faultTarget,
} from "./fault-model";

describe("the fault form", () => {
  it("offers the connectors that call out, and their actions", () => {
    const connectors = faultConnectors().map((c) => c.id);
    expect(connectors).toContain("shared_office365");
    expect(connectors).toContain("shared_dynamicssmbsaas");
    expect(connectors.some((id) => id.startsWith("builtin"))).toBe(false);
    expect(faultOperations("shared_office365").map((o) => o.id)).toContain("SendEmailV2");
    expect(faultOperations("shared_dynamicssmbsaas").some((o) => o.id.includes("WebHook"))).toBe(false);
  });

  it("becomes a failing fault, Retry-After in milliseconds", () => {
    expect(
      faultInput({
        ...EMPTY_FAULT_FORM,
        connectorId: "shared_office365",
        operationId: "SendEmailV2",
        count: "3",
        retryAfterSeconds: "5",
      }),
    ).toEqual({
      input: {
        mode: "fail",
        connectorId: "shared_office365",
        operationId: "SendEmailV2",
        statusCode: 429,
        count: 3,
        retryAfterMs: 5000,
      },
    });
    expect(
      faultInput({
        ...EMPTY_FAULT_FORM,
        connectorId: "shared_teams",
        statusCode: "500",
        retryAfterSeconds: "5",
      }),
    ).toEqual({
      input: { mode: "fail", connectorId: "shared_teams", statusCode: 500, count: 1 },
    });
  });

  it("becomes a slow fault", () => {
    expect(
      faultInput({
        ...EMPTY_FAULT_FORM,
        connectorId: "shared_teams",
        mode: "slow",
        delayMs: "1500",
        count: "2",
      }),
    ).toEqual({
      input: { mode: "slow", connectorId: "shared_teams", delayMs: 1500, count: 2 },
    });
  });

  it("names every field that is wrong, each with its own message", () => {
    expect(faultInput(EMPTY_FAULT_FORM)).toEqual({
      errors: { connectorId: "sandbox.faults.error.connector" },
    });
    expect(faultInput({ ...EMPTY_FAULT_FORM, connectorId: "shared_teams", count: "0" })).toEqual({
      errors: { count: "sandbox.faults.error.count" },
    });
    expect(faultInput({ ...EMPTY_FAULT_FORM, connectorId: "shared_teams", count: "2.5" })).toEqual({
      errors: { count: "sandbox.faults.error.count" },
    });
    expect(faultInput({ ...EMPTY_FAULT_FORM, mode: "slow", delayMs: "soon", count: "" })).toEqual({
      errors: {
        connectorId: "sandbox.faults.error.connector",
        delayMs: "sandbox.faults.error.delay",
        count: "sandbox.faults.error.count",
      },
    });
    expect(faultInput({ ...EMPTY_FAULT_FORM, retryAfterSeconds: "later" })).toEqual({
      errors: {
        connectorId: "sandbox.faults.error.connector",
        retryAfterSeconds: "sandbox.faults.error.retryAfter",
      },
    });
  });

  it("ignores the fields of the mode not chosen", () => {
    expect(
      faultInput({ ...EMPTY_FAULT_FORM, connectorId: "shared_teams", mode: "slow", retryAfterSeconds: "x" }),
    ).toMatchObject({ input: { mode: "slow" } });
    expect(faultInput({ ...EMPTY_FAULT_FORM, connectorId: "shared_teams", delayMs: "x" })).toMatchObject({
      input: { mode: "fail" },
    });
  });
});

describe("an active fault in words", () => {
  const fault = {
    id: "f1",
    connectorId: "shared_office365",
    operationId: "SendEmailV2",
    mode: "fail" as const,
    statusCode: 429,
    retryAfterMs: 1000,
    remaining: 2,
  };

  it("names the connector and operation", () => {
    expect(faultTarget(fault)).toBe("Office 365 Outlook · Send an email (V2)");
    expect(faultTarget({ ...fault, operationId: null })).toBe("Office 365 Outlook · every operation");
  });

  it("says what it does", () => {
    expect(faultEffect(fault)).toBe("Fails with 429 Too Many Requests, Retry-After 1 s");
    expect(faultEffect({ ...fault, statusCode: 500, retryAfterMs: null })).toBe("Fails with 500");
    expect(faultEffect({ ...fault, mode: "slow", delayMs: 2000 })).toBe("Answers 2,000 ms late");
  });
});
