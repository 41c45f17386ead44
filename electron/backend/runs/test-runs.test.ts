import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findTemplate, templateDefinition } from "../../../shared/templates";
import type { Backend } from "../app";
import { mailFlow } from "../publish/test-support";
import { testBackend } from "../test-support";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

/** The run id of a runs.start answer that started a run. */
function startedRunId(answer: { ok: boolean; value?: unknown }): string {
  const value = answer.value as { started?: boolean; runId?: string } | undefined;
  if (!answer.ok || !value?.started || !value.runId)
    throw new Error(`no run started: ${JSON.stringify(answer)}`);
  return value.runId;
}

function waitFor<T>(read: () => T | undefined, what: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = read();
      if (value !== undefined) resolve(value);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe("test runs: perform the trigger action in the sandbox", () => {
  it("an armed test of the purchase invoice approval starts when an invoice is sent for approval, waits, and finishes on approve", async () => {
    const template = findTemplate("approve-purchase-invoice");
    if (!template) throw new Error("template missing");
    const flow = backend.flows.create({
      name: "PI approval",
      kind: "automated",
      definition: templateDefinition(template) as never,
    });
    const armed = await backend.dispatch("runs.armTest", { flowId: flow.id });
    expect(armed).toMatchObject({
      ok: true,
      value: { hint: expect.stringContaining("Send approval request") },
    });

    const invoice = backend.sandbox.findRecord("purchaseInvoices", "PI-1001");
    if (!invoice) throw new Error("PI-1001 missing from the seed");
    backend.sandbox.sendForApproval(
      "purchaseInvoices",
      String(invoice.id),
      "marcus.bell@cronus-demo.example",
    );

    const run = await waitFor(() => backend.engine.listRuns({ flowId: flow.id }).runs[0], "the test run");
    expect(run.mode).toBe("test");
    await backend.engine.idle();
    expect(backend.engine.getRunSummary(run.id)?.status).toBe("Waiting");

    const approval = backend.sandbox.listApprovals({ status: "Pending" }).items[0];
    if (!approval) throw new Error("no approval was created");
    await backend.dispatch("sandbox.approvals.respond", {
      id: approval.id,
      responder: approval.assignedTo[0] ?? "",
      response: "Approve",
      comments: "Fine by me",
    });
    await waitFor(
      () => (backend.engine.getRunSummary(run.id)?.status === "Succeeded" ? true : undefined),
      "the run to succeed",
    );
    expect(backend.sandbox.getRecord("purchaseInvoices", String(invoice.id)).status).toBe("Released");

    // Armed once: the next event does not start another run.
    backend.sandbox.sendForApproval(
      "purchaseInvoices",
      String(backend.sandbox.findRecord("purchaseInvoices", "PI-1002")?.id),
      "nadia.haddad@cronus-demo.example",
    );
    await backend.engine.idle();
    expect(backend.engine.listRuns({ flowId: flow.id }).runs).toHaveLength(1);
  });

  it("an armed test of a mail flow starts on the email sent in Outlook, the email as its trigger body", async () => {
    const flow = backend.flows.create({
      name: "Mail",
      kind: "automated",
      definition: mailFlow({ subjectFilter: "order" }),
    });
    const connectionUser = backend.sandbox.connectionUser();
    const armed = await backend.dispatch("runs.armTest", { flowId: flow.id });
    expect(armed).toMatchObject({
      ok: true,
      value: {
        hint: expect.stringContaining(
          `Sandbox → Outlook, act as anyone and send an email to ${connectionUser}`,
        ),
      },
    });
    const send = (subject: string) =>
      backend.dispatch("sandbox.mail.send", {
        from: "marcus.bell@cronus-demo.example",
        to: connectionUser,
        subject,
        body: "Line one\nLine <two>",
      });
    expect(await send("Lunch?")).toMatchObject({ ok: true });
    await backend.engine.idle();
    expect(backend.engine.listRuns({ flowId: flow.id }).runs).toHaveLength(0);
    expect(await send("New order 55")).toMatchObject({ ok: true, value: { mailboxes: [connectionUser] } });
    const run = await waitFor(() => backend.engine.listRuns({ flowId: flow.id }).runs[0], "the test run");
    await backend.engine.idle();
    expect(backend.engine.getRun(run.id)).toMatchObject({
      mode: "test",
      status: "Succeeded",
      triggerOutputs: { body: { subject: "New order 55", body: "<p>Line one</p><p>Line &lt;two&gt;</p>" } },
    });
  });

  it("tells the designer when a matching email starts no test: false conditions wait on, a failed splitOn ends the wait", async () => {
    const told: unknown[] = [];
    backend.events.subscribe((message) => {
      if (message.event === "runs.armedTest") told.push(message.payload);
    });
    const guarded = mailFlow();
    const [trigger] = Object.values(guarded.triggers) as { conditions?: unknown; splitOn?: string }[];
    if (!trigger) throw new Error("no trigger");
    trigger.conditions = [{ expression: "@contains(triggerBody()?['subject'], '2026')" }];
    const flow = backend.flows.create({ name: "Guarded", kind: "automated", definition: guarded });
    const connectionUser = backend.sandbox.connectionUser();
    const send = (subject: string) =>
      backend.dispatch("sandbox.mail.send", {
        from: "marcus.bell@cronus-demo.example",
        to: connectionUser,
        subject,
        body: "",
      });

    await backend.dispatch("runs.armTest", { flowId: flow.id });
    await send("Invoice 17");
    await backend.engine.idle();
    expect(backend.engine.listRuns({ flowId: flow.id }).runs).toHaveLength(0);
    expect(told).toEqual([
      {
        flowId: flow.id,
        flowVersion: null,
        outcome: "waiting",
        message: expect.stringContaining(
          "The trigger condition '@contains(triggerBody()?['subject'], '2026')' is false",
        ),
      },
    ]);
    expect(backend.tests.isArmed(flow.id)).toBe(true);
    await send("Invoice 2026-17");
    await waitFor(() => backend.engine.listRuns({ flowId: flow.id }).runs[0], "the test run");

    trigger.splitOn = "@triggerBody()?['values']";
    delete trigger.conditions;
    const broken = backend.flows.create({ name: "Broken", kind: "automated", definition: guarded });
    await backend.dispatch("runs.armTest", { flowId: broken.id });
    await send("Invoice 18");
    await backend.engine.idle();
    expect(told.at(-1)).toEqual({
      flowId: broken.id,
      flowVersion: null,
      outcome: "not-started",
      message: "The trigger's splitOn '@triggerBody()?['values']' must give an array, but gave null.",
    });
    expect(backend.tests.isArmed(broken.id)).toBe(false);
    expect(backend.engine.listRuns({ flowId: broken.id }).runs).toHaveLength(0);
  });

  it("tests a published version, typed or armed, on that version; the draft stays the default", async () => {
    const v1 = mailFlow();
    v1.actions = { Which: { type: "Compose", inputs: "version one", runAfter: {} } };
    const flow = backend.flows.create({ name: "Versions", kind: "automated", definition: v1 });
    backend.publisher.publish(flow.id, { publishedBy: "me" });
    const draft = mailFlow();
    draft.actions = { Which: { type: "Compose", inputs: "the draft", runAfter: {} } };
    backend.flows.saveDraft({
      id: flow.id,
      revision: backend.flows.get(flow.id).revision,
      definition: draft,
    });

    const which = async (runId: string) => {
      await backend.engine.idle();
      const run = backend.engine.getRun(runId);
      return [run?.flowVersion, run?.steps.find((s) => s.action === "Which")?.outputs];
    };
    const onVersion = startedRunId(
      await backend.dispatch("runs.start", {
        flowId: flow.id,
        source: { version: 1 },
        triggerOutputs: { body: {} },
      }),
    );
    expect(await which(onVersion)).toEqual([1, "version one"]);
    const onDraft = startedRunId(
      await backend.dispatch("runs.start", {
        flowId: flow.id,
        source: { draft: true },
        triggerOutputs: { body: {} },
      }),
    );
    expect(await which(onDraft)).toEqual([null, "the draft"]);

    expect(await backend.dispatch("runs.armTest", { flowId: flow.id, source: { version: 1 } })).toMatchObject(
      { ok: true },
    );
    backend.sandbox.sendMail("marcus.bell@cronus-demo.example", {
      to: backend.sandbox.connectionUser(),
      subject: "Hello",
      body: "",
    });
    const armed = await waitFor(
      () =>
        backend.engine
          .listRuns({ flowId: flow.id })
          .runs.find((r) => r.mode === "test" && r.id !== onVersion && r.id !== onDraft),
      "the armed run",
    );
    expect(await which(armed.id)).toEqual([1, "version one"]);

    expect(
      await backend.dispatch("runs.start", {
        flowId: flow.id,
        source: { version: 7 },
        triggerOutputs: { body: {} },
      }),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses to arm a flow whose trigger no sandbox event starts, and runs it on typed trigger data instead", async () => {
    const flow = backend.flows.create({ name: "Instant", kind: "instant" });
    const armed = await backend.dispatch("runs.armTest", { flowId: flow.id });
    expect(armed).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const started = await backend.dispatch("runs.start", {
      flowId: flow.id,
      source: { draft: true },
      triggerOutputs: { body: {} },
    });
    expect(started).toMatchObject({ ok: true, value: { started: true } });
  });

  it("starts a test from what the trigger produced in an earlier run, and says so when that run does not exist", async () => {
    const flow = backend.flows.create({ name: "Instant", kind: "instant" });
    const first = await backend.dispatch("runs.start", {
      flowId: flow.id,
      source: { draft: true },
      triggerOutputs: { body: { text: "from the first run" } },
    });
    const firstRun = startedRunId(first);
    await backend.engine.idle();
    const again = await backend.dispatch("runs.start", {
      flowId: flow.id,
      source: { draft: true },
      fromRun: firstRun,
    });
    await backend.engine.idle();
    expect(backend.engine.getRun(startedRunId(again))?.triggerOutputs).toEqual({
      body: { text: "from the first run" },
    });
    const missing = await backend.dispatch("runs.start", {
      flowId: flow.id,
      source: { draft: true },
      fromRun: "no-such-run",
    });
    expect(missing).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("offers a sample of the trigger's outputs to start typing from", async () => {
    const template = findTemplate("approve-purchase-invoice");
    if (!template) throw new Error("template missing");
    const flow = backend.flows.create({
      name: "PI",
      kind: "automated",
      definition: templateDefinition(template) as never,
    });
    const sample = await backend.dispatch("runs.triggerSample", { flowId: flow.id });
    expect(sample).toMatchObject({
      ok: true,
      value: { outputs: { body: { "Row Id": "", "Workflow Step Id": "" } } },
    });
  });
});
