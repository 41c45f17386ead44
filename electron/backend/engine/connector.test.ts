// Connector steps: the call, waits for a person's answer (signals), retry policies, timeouts.
import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import { legacyCall } from "./legacy";
import { DEFAULT_RETRY_POLICY, readRetryPolicy, retryDelayMs } from "./retry";
import { definition, delay, FLOW, runFlow, statuses, step, testEngine } from "./testing";

function started() {
  const t = testEngine();
  t.engine.start();
  return t;
}

const call = (
  operationId: string,
  parameters: JsonObject = {},
  extra: Partial<WdlAction> = {},
): WdlAction => ({
  type: "OpenApiConnection",
  inputs: {
    host: {
      apiId: "/providers/Microsoft.PowerApps/apis/shared_office365",
      connectionName: "shared_office365",
      operationId,
    },
    parameters,
  },
  runAfter: {},
  ...extra,
});

const approval = (extra: Partial<WdlAction> = {}): WdlAction => ({
  type: "OpenApiConnectionWebhook",
  inputs: {
    host: {
      apiId: "/providers/Microsoft.PowerApps/apis/shared_approvals",
      operationId: "StartAndWaitForAnApproval",
    },
    parameters: {
      approvalType: "Basic",
      "WebhookApprovalCreationInput/title": "Invoice @{triggerBody()?['no']}",
    },
  },
  runAfter: {},
  ...extra,
});

describe("connector calls", () => {
  it("sends the evaluated parameters with the call's identity and keeps the outcome as outputs", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", (c) => ({
      kind: "succeeded",
      statusCode: 200,
      body: { sentTo: c.parameters["emailMessage/To"] ?? null },
      headers: { "x-id": "1" },
    }));
    const run = await runFlow(
      t,
      {
        Send: call("SendEmailV2", {
          "emailMessage/To": "@triggerBody()?['to']",
          "emailMessage/Subject": "Hi @{triggerBody()?['name']}",
        }),
        Read: { type: "Compose", inputs: "@body('Send')?['sentTo']", runAfter: { Send: ["Succeeded"] } },
      },
      { to: "ada@contoso.com", name: "Ada" },
    );
    expect(t.runtime.calls).toEqual([
      {
        runId: run.id,
        actionName: "Send",
        iteration: "",
        attempt: 1,
        connectorId: "shared_office365",
        operationId: "SendEmailV2",
        parameters: { "emailMessage/To": "ada@contoso.com", "emailMessage/Subject": "Hi Ada" },
        flow: { id: FLOW.id, name: FLOW.name, mode: "test", version: undefined },
      },
    ]);
    expect(step(run, "Send")).toMatchObject({
      status: "Succeeded",
      code: "OK",
      inputs: { host: { connectorId: "shared_office365", operationId: "SendEmailV2" } },
      outputs: { statusCode: 200, headers: { "x-id": "1" }, body: { sentTo: "ada@contoso.com" } },
    });
    expect(step(run, "Read").outputs).toBe("ada@contoso.com");
  });

  it("maps a legacy ApiConnection call onto the operation's parameters", () => {
    const action = {
      type: "ApiConnection",
      inputs: {
        host: {
          connection: { name: "@parameters('$connections')['shared_dynamicssmbsaas']['connectionId']" },
        },
        method: "patch",
        path: "/v3/bcenvironments/@{encodeURIComponent(encodeURIComponent('PRODUCTION'))}/companies/@{encodeURIComponent('CRONUS')}/datasets/v2.0/tables/salesInvoices/items/@{encodeURIComponent(triggerBody()?['id'])}",
        body: { status: "Released" },
        queries: { ifMatch: "*" },
      },
    };
    const context = { trigger: () => ({ outputs: { body: { id: "a/1" } } }) };
    expect(legacyCall("Update", action, context)).toEqual({
      connectorId: "shared_dynamicssmbsaas",
      operationId: "PatchItemV3",
      parameters: {
        bcenvironment: "PRODUCTION",
        company: "CRONUS",
        dataset: "v2.0",
        table: "salesInvoices",
        id: "a/1",
        ifMatch: "*",
        item: { status: "Released" },
      },
    });
  });

  it("a runtime that throws fails the step with ConnectorError, without retries", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", () => {
      throw new Error("sandbox bug");
    });
    const run = await runFlow(t, { Send: call("SendEmailV2") });
    expect(step(run, "Send").error).toEqual({
      code: "ConnectorError",
      message: "The connector failed while running 'Send': sandbox bug",
    });
    expect(t.runtime.calls).toHaveLength(1);
  });
});

describe("waiting for a person (approvals, cards)", () => {
  it("says a run waits only once reading the run shows it Waiting", async () => {
    // A run page reads the run when "run.waiting" arrives: it must not find the run still Running.
    const seen: string[] = [];
    const t = testEngine({
      onEvent: (event, engine) => {
        if (event.event === "run.waiting")
          seen.push(engine.getRunSummary(event.payload.runId)?.status ?? "missing");
      },
    });
    t.engine.start();
    t.runtime.on("StartAndWaitForAnApproval", (c) => ({
      kind: "waiting",
      token: `approval:${c.runId}`,
      description: "Waiting for Alicia Thornton to approve",
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({ Approve: approval() }),
      triggerOutputs: { body: {} },
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    expect(seen).toEqual(["Waiting"]);
  });

  it("waits on the token, then resumes with the answer as outputs", async () => {
    const t = started();
    t.runtime.on("StartAndWaitForAnApproval", (c) => ({
      kind: "waiting",
      token: `approval:${c.runId}`,
      description: "Waiting for Alicia Thornton to approve",
      pending: { approvalId: 42 },
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Approve: approval(),
        Outcome: {
          type: "Compose",
          inputs: "@body('Approve')?['outcome']",
          runAfter: { Approve: ["Succeeded"] },
        },
      }),
      triggerOutputs: { body: { no: "PI-1001" } },
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    expect(t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
    const waiting = t.engine.getRun(s.runId);
    expect(waiting && step(waiting, "Approve")).toMatchObject({
      status: "Waiting",
      outputs: { approvalId: 42 },
    });
    expect(t.engine.pendingWaits()).toMatchObject([
      {
        runId: s.runId,
        kind: "approval",
        token: `approval:${s.runId}`,
        description: "Waiting for Alicia Thornton to approve",
      },
    ]);
    expect(t.events.filter((e) => e.event === "run.waiting").map((e) => e.payload)).toMatchObject([
      { runId: s.runId, flowId: FLOW.id, action: "Approve", kind: "approval", token: `approval:${s.runId}` },
    ]);

    t.db.transaction(() => {
      t.engine.deliver(`approval:${s.runId}`, {
        kind: "succeeded",
        statusCode: 200,
        body: { outcome: "Approve" },
      });
    })();
    await t.engine.idle();
    const run = t.engine.getRun(s.runId);
    expect(run?.status).toBe("Succeeded");
    expect(run && step(run, "Outcome").outputs).toBe("Approve");
    expect(run && step(run, "Approve").attempt).toBe(1);
    expect(t.engine.pendingWaits()).toEqual([]);
    // A second answer to the same token changes nothing.
    t.engine.deliver(`approval:${s.runId}`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Reject" },
    });
    await t.engine.idle();
    expect(t.engine.getRun(s.runId) && step(t.engine.getRun(s.runId) as never, "Outcome").outputs).toBe(
      "Approve",
    );
  });

  it("keeps an answer that arrives before its wait is stored", async () => {
    const t = started();
    t.runtime.on("StartAndWaitForAnApproval", (c) => {
      // The sandbox answers (a person was quicker than the engine) before returning the token.
      t.engine.deliver("early-token", {
        kind: "succeeded",
        statusCode: 200,
        body: { outcome: "Reject", run: c.runId },
      });
      return { kind: "waiting", token: "early-token", description: "Waiting" };
    });
    const run = await runFlow(t, {
      Approve: approval(),
      Outcome: {
        type: "Compose",
        inputs: "@body('Approve')?['outcome']",
        runAfter: { Approve: ["Succeeded"] },
      },
    });
    expect(run.status).toBe("Succeeded");
    expect(step(run, "Outcome").outputs).toBe("Reject");
  });

  it("ignores an answer whose transaction was rolled back", async () => {
    const t = started();
    t.runtime.on("StartAndWaitForAnApproval", () => ({
      kind: "waiting",
      token: "t-rollback",
      description: "Waiting",
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({ Approve: approval() }),
      triggerOutputs: {},
    });
    await t.engine.idle();
    expect(() =>
      t.db.transaction(() => {
        t.engine.deliver("t-rollback", { kind: "succeeded", statusCode: 200, body: {} });
        throw new Error("the sandbox's transaction failed");
      })(),
    ).toThrow("failed");
    await t.engine.idle();
    expect(s.started && t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
  });

  it("a failed answer fails the step; a card wait has kind card", async () => {
    const t = started();
    t.runtime.on("PostCardAndWaitForResponse", () => ({
      kind: "waiting",
      token: "card-1",
      description: "Waiting for a response",
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Card: {
          type: "OpenApiConnectionWebhook",
          inputs: {
            host: {
              apiId: "/providers/Microsoft.PowerApps/apis/shared_teams",
              operationId: "PostCardAndWaitForResponse",
            },
            parameters: {},
          },
          runAfter: {},
        },
      }),
      triggerOutputs: {},
    });
    await t.engine.idle();
    expect(t.engine.pendingWaits()[0]?.kind).toBe("card");
    t.engine.deliver("card-1", {
      kind: "failed",
      statusCode: 404,
      error: { code: "NotFound", message: "The chat is gone." },
    });
    await t.engine.idle();
    const run = s.started ? t.engine.getRun(s.runId) : undefined;
    expect(run && step(run, "Card")).toMatchObject({
      status: "Failed",
      code: "NotFound",
      error: { code: "NotFound", message: "The chat is gone." },
    });
  });

  it("times out after limit.timeout when nobody answers", async () => {
    const t = started();
    t.runtime.on("StartAndWaitForAnApproval", () => ({
      kind: "waiting",
      token: "slow-person",
      description: "Waiting",
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Approve: approval({ limit: { timeout: "P2D" } }),
        OnTimeout: { type: "Compose", inputs: "timed out", runAfter: { Approve: ["TimedOut"] } },
      }),
      triggerOutputs: {},
    });
    await t.engine.idle();
    expect(
      t.engine
        .pendingWaits()
        .map((w) => w.kind)
        .sort(),
    ).toEqual(["approval", "timeout"]);
    await t.advanceBy(2 * 86400_000);
    const run = s.started ? t.engine.getRun(s.runId) : undefined;
    expect(run && statuses(run)).toEqual({ Approve: "TimedOut", OnTimeout: "Succeeded" });
    expect(run && step(run, "Approve").error?.code).toBe("ActionTimedOut");
    expect(t.engine.pendingWaits()).toEqual([]);
    // The late answer is kept (the sandbox may show it) but changes nothing.
    t.engine.deliver("slow-person", { kind: "succeeded", statusCode: 200, body: {} });
    await t.engine.idle();
    expect(run && t.engine.getRunSummary(run.id)?.status).toBe("Succeeded");
  });
});

describe("retry policies", () => {
  const flaky = (failures: number, statusCode = 500, retryAfterMs?: number) => {
    let n = 0;
    return () => {
      n++;
      return n <= failures
        ? {
            kind: "failed" as const,
            statusCode,
            error: { code: `E${statusCode}`, message: `attempt ${n} failed` },
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          }
        : { kind: "succeeded" as const, statusCode: 200, body: { attempt: n } };
    };
  };

  async function runWithClock(t: ReturnType<typeof started>, action: WdlAction) {
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({ Send: action }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    const begin = t.clock.now();
    while (t.clock.pendingTimers > 0 && t.engine.getRunSummary(s.runId)?.status !== "Succeeded") {
      await t.advanceToNext();
      if (t.clock.now() - begin > 86400_000) break;
    }
    const run = t.engine.getRun(s.runId);
    if (!run) throw new Error();
    return run;
  }

  it("by default retries 408, 429 and 5xx four times with exponential waits between 5 and 45 s, journaling each attempt", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", flaky(4, 503));
    const begin = t.clock.now();
    const run = await runWithClock(t, call("SendEmailV2"));
    const attempts = run.steps.filter((s) => s.action === "Send");
    expect(attempts.map((a) => [a.attempt, a.status, a.code])).toEqual([
      [1, "Failed", null],
      [2, "Failed", null],
      [3, "Failed", null],
      [4, "Failed", null],
      [5, "Succeeded", "OK"],
    ]);
    expect(attempts[0]?.error).toEqual({ code: "E503", message: "attempt 1 failed" });
    const starts = attempts.map((a) => Date.parse(a.startedAt));
    const waits = starts.slice(1).map((s, i) => s - (starts[i] as number));
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(5_000);
      expect(w).toBeLessThanOrEqual(45_000);
    }
    expect(starts[0]).toBe(begin);
    expect(run.status).toBe("Succeeded");
  });

  it("gives up after the retries and fails with the last error", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", flaky(99, 429));
    const run = await runWithClock(t, call("SendEmailV2"));
    expect(run.steps.filter((s) => s.action === "Send")).toHaveLength(5);
    expect(step(run, "Send")).toMatchObject({
      status: "Failed",
      code: "TooManyRequests",
      error: { code: "E429" },
    });
  });

  it("does not retry other failures, nor with policy none", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", flaky(1, 400));
    const run = await runFlow(t, { Send: call("SendEmailV2") });
    expect(run.steps).toHaveLength(1);
    const u = started();
    u.runtime.on("SendEmailV2", flaky(1, 500));
    const none = await runFlow(u, {
      Send: call(
        "SendEmailV2",
        {},
        {
          inputs: {
            host: { apiId: "shared_office365", operationId: "SendEmailV2" },
            parameters: {},
            retryPolicy: { type: "none" },
          },
        },
      ),
    });
    expect(none.steps.map((s) => s.status)).toEqual(["Failed"]);
  });

  it("does not retry a failure the service calls final (the sandbox lacks the connector)", async () => {
    const t = started();
    let calls = 0;
    t.runtime.on("SendEmailV2", () => {
      calls++;
      return {
        kind: "failed",
        statusCode: 501,
        error: { code: "NotImplemented", message: "The sandbox has no connector 'shared_x'." },
        final: true,
      };
    });
    const run = await runFlow(t, { Send: call("SendEmailV2") });
    expect(calls).toBe(1);
    expect(run.status).toBe("Failed");
    expect(run.steps.map((s) => [s.status, s.error?.code])).toEqual([["Failed", "NotImplemented"]]);
  });

  it("fixed: count retries at the interval; a 429's retryAfterMs is a floor", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", flaky(2, 429, 90_000));
    const run = await runWithClock(
      t,
      call(
        "SendEmailV2",
        {},
        {
          inputs: {
            host: { apiId: "shared_office365", operationId: "SendEmailV2" },
            parameters: {},
            retryPolicy: { type: "fixed", count: 2, interval: "PT20S" },
          },
        },
      ),
    );
    const starts = run.steps.filter((s) => s.action === "Send").map((a) => Date.parse(a.startedAt));
    expect(starts.slice(1).map((s, i) => s - (starts[i] as number))).toEqual([90_000, 90_000]);
    expect(run.status).toBe("Succeeded");
  });

  it("exponential: the wait for retry n lies in [2^(n-2)·interval, 2^(n-1)·interval], clamped to min and max", () => {
    const policy = readRetryPolicy(
      { type: "exponential", count: 5, interval: "PT10S", minimumInterval: "PT5S", maximumInterval: "PT1M" },
      90,
    );
    expect(policy).toMatchObject({
      count: 5,
      intervalMs: 10_000,
      minimumIntervalMs: 5_000,
      maximumIntervalMs: 60_000,
    });
    expect([0, 1].map((r) => retryDelayMs(policy, 1, () => r))).toEqual([5_000, 10_000]);
    expect([0, 1].map((r) => retryDelayMs(policy, 2, () => r))).toEqual([10_000, 20_000]);
    expect([0, 1].map((r) => retryDelayMs(policy, 4, () => r))).toEqual([40_000, 60_000]);
    expect([0, 1].map((r) => retryDelayMs(policy, 5, () => r))).toEqual([60_000, 60_000]);
    expect(readRetryPolicy(undefined, 90)).toBe(DEFAULT_RETRY_POLICY);
    expect(readRetryPolicy({ type: "Default" }, 90)).toBe(DEFAULT_RETRY_POLICY);
    expect(() => readRetryPolicy({ type: "fixed", count: 91, interval: "PT5S" }, 90)).toThrow(
      "more than the 90",
    );
    expect(() => readRetryPolicy({ type: "sometimes" }, 90)).toThrow("not one of");
  });

  it("a bad retry policy fails the step with InvalidRetryPolicy", async () => {
    const t = started();
    const run = await runFlow(t, {
      Send: call(
        "SendEmailV2",
        {},
        {
          inputs: {
            host: { apiId: "shared_office365", operationId: "SendEmailV2" },
            parameters: {},
            retryPolicy: { type: "fixed", interval: "5 seconds" },
          },
        },
      ),
    });
    expect(step(run, "Send").error?.code).toBe("InvalidRetryPolicy");
  });
});

describe("per-action timeout", () => {
  it("a call still running when limit.timeout passes is TimedOut; its late outcome is ignored", async () => {
    const t = started();
    let finish: (() => void) | undefined;
    t.runtime.on(
      "SendEmailV2",
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ kind: "succeeded", statusCode: 200, body: "late" });
        }),
    );
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({ Send: call("SendEmailV2", {}, { limit: { timeout: "PT30S" } }) }),
      triggerOutputs: {},
    });
    await delay(5);
    await t.clock.advanceBy(30_000);
    await t.engine.idle();
    finish?.();
    await t.engine.idle();
    const run = s.started ? t.engine.getRun(s.runId) : undefined;
    expect(run && step(run, "Send")).toMatchObject({ status: "TimedOut", error: { code: "ActionTimedOut" } });
    expect(run?.status).toBe("Failed");
  });

  it("the timeout counts from the first attempt, across retries", async () => {
    const t = started();
    t.runtime.on("SendEmailV2", () => ({
      kind: "failed",
      statusCode: 500,
      error: { code: "E", message: "down" },
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Send: call(
          "SendEmailV2",
          {},
          {
            limit: { timeout: "PT1M" },
            inputs: {
              host: { apiId: "shared_office365", operationId: "SendEmailV2" },
              parameters: {},
              retryPolicy: { type: "fixed", count: 10, interval: "PT25S" },
            },
          },
        ),
      }),
      triggerOutputs: {},
    });
    await t.engine.idle();
    await t.advanceBy(10 * 60_000);
    const run = s.started ? t.engine.getRun(s.runId) : undefined;
    // Attempts at 0 s, 25 s and 50 s failed; the retry due at 75 s never happens: the last attempt's
    // record becomes the step's TimedOut end.
    expect(run?.steps.filter((x) => x.action === "Send").map((x) => x.status)).toEqual([
      "Failed",
      "Failed",
      "TimedOut",
    ]);
    expect(t.runtime.calls).toHaveLength(3);
  });
});
