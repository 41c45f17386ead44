// Run history retention through a real backend: the setting, the purge, what it leaves alone.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DefinitionPayload } from "../../../shared/api";
import { instantiate } from "../../../shared/connectors";
import type { JsonObject } from "../../../shared/json";
import type { Backend } from "../app";
import { buttonFlow, catalogOperation } from "../publish/test-support";
import { testBackend } from "../test-support";
import { RunRetention } from "./retention";

const DAY = 86_400_000;
const TO = "alicia.thornton@cronus-demo.example";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

/** A button flow that sends one email: its run leaves a call in the sandbox's call log. */
function mailingFlow(): DefinitionPayload {
  const definition = buttonFlow();
  const send = instantiate(catalogOperation("shared_office365", "SendEmailV2"));
  (send.inputs as JsonObject).parameters = {
    "emailMessage/To": TO,
    "emailMessage/Subject": "Kept in the mailbox",
    "emailMessage/Body": "<p>Hello</p>",
  };
  definition.actions = { Send_an_email: send as DefinitionPayload["actions"][string] };
  return definition;
}

async function runOnce(): Promise<string> {
  const flow = backend.flows.create({ name: "Mailer", kind: "instant", definition: mailingFlow() });
  const answer = await backend.dispatch("runs.start", {
    flowId: flow.id,
    source: { draft: true },
    triggerOutputs: { body: {} },
  });
  const value = answer.ok ? (answer.value as { started: boolean; runId?: string }) : undefined;
  if (!value?.runId) throw new Error(`no run: ${JSON.stringify(answer)}`);
  await backend.engine.idle();
  expect(backend.engine.getRunSummary(value.runId)?.status).toBe("Succeeded");
  return value.runId;
}

const calls = (runId: string): number =>
  backend.db.prepare("SELECT count(*) FROM sb_calls WHERE key LIKE ?").pluck().get(`${runId}|%`) as number;

function retention(days: number | null, onDeleted?: (count: number) => void): RunRetention {
  return new RunRetention({
    engine: backend.engine,
    sandbox: backend.sandbox,
    now: () => backend.clock.now(),
    days: () => days,
    onDeleted,
  });
}

describe("run history retention", () => {
  it("keeps 90 days by default", () => {
    expect(backend.settings.get().runRetentionDays).toBe(90);
  });

  it("deletes runs that ended before the retention, with their sandbox call log, and says how many", async () => {
    const old = await runOnce();
    expect(calls(old)).toBe(1);
    await backend.clock.advanceBy(30 * DAY);
    const recent = await runOnce();

    const deleted: number[] = [];
    expect(await retention(28, (n) => deleted.push(n)).purge()).toBe(1);

    expect(deleted).toEqual([1]);
    expect(backend.engine.getRun(old)).toBeUndefined();
    expect(calls(old)).toBe(0);
    expect(backend.engine.getRun(recent)?.status).toBe("Succeeded");
    expect(calls(recent)).toBe(1);
    // The sandbox's world is not run history: the emails are still in the mailbox.
    const inbox = backend.sandbox.listMessages(TO, { folder: "Inbox", search: "Kept in the mailbox" });
    expect(inbox.items).toHaveLength(2);
  });

  it("keeps every run when set to always", async () => {
    const old = await runOnce();
    await backend.clock.advanceBy(3_000 * DAY);
    expect(await retention(null).purge()).toBe(0);
    expect(backend.engine.getRun(old)?.status).toBe("Succeeded");
  });

  it("a shorter retention chosen in Settings deletes at once and tells the Runs page", async () => {
    const old = await runOnce();
    await backend.clock.advanceBy(10 * DAY);
    const events: unknown[] = [];
    backend.events.subscribe((message) => {
      if (message.event === "runs.deleted") events.push(message.payload);
    });

    const answer = await backend.dispatch("settings.update", { runRetentionDays: 7 });

    expect(answer).toMatchObject({ ok: true, value: { runRetentionDays: 7 } });
    await expect.poll(() => backend.engine.getRun(old)).toBeUndefined();
    expect(events).toEqual([{ count: 1 }]);
  });

  it("refuses a retention that is not a whole number of days", async () => {
    const answer = await backend.dispatch("settings.update", { runRetentionDays: 0.5 });
    expect(answer).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("runRetentionDays") },
    });
    expect(backend.settings.get().runRetentionDays).toBe(90);
  });
});
