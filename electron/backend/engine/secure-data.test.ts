// Secure inputs and outputs: the run uses the values, run history does not show them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock";
import { createSealer } from "./sealed-values";
import { definition, engineTestDatabase, FLOW, runFlow, step, testEngine } from "./testing";

const SECURE_BOTH = { secureData: { properties: ["inputs", "outputs"] } };
const SECURE_OUTPUTS = { secureData: { properties: ["outputs"] } };
/** A "Manually trigger a flow" whose outputs are secured. */
const SECURED_TRIGGER = {
  triggers: {
    manual: { type: "Request", kind: "Button", inputs: { schema: {} }, runtimeConfiguration: SECURE_OUTPUTS },
  },
};

describe("secure inputs and outputs", () => {
  it("hides a secured step's values from run history while later steps still use them", async () => {
    const t = testEngine();
    t.engine.start();
    const run = await runFlow(
      t,
      {
        Get_secret: {
          type: "Compose",
          inputs: "pin-@{triggerBody()?['pin']}",
          runAfter: {},
          runtimeConfiguration: SECURE_BOTH,
        },
        Only_outputs: {
          type: "Compose",
          inputs: "@length(outputs('Get_secret'))",
          runAfter: { Get_secret: ["Succeeded"] },
          runtimeConfiguration: SECURE_OUTPUTS,
        },
        Use_it: {
          type: "Compose",
          inputs: "@concat('sent ', outputs('Get_secret'))",
          runAfter: { Only_outputs: ["Succeeded"] },
        },
      },
      { pin: 4711 },
    );
    expect(run.status).toBe("Succeeded");
    expect(step(run, "Get_secret")).toMatchObject({
      inputs: null,
      outputs: null,
      secured: ["inputs", "outputs"],
    });
    expect(step(run, "Only_outputs")).toMatchObject({
      inputs: 8, // its inputs are not secured: the length of the secret, computed from it
      outputs: null,
      secured: ["outputs"],
    });
    expect(step(run, "Use_it")).toMatchObject({ outputs: "sent pin-4711", secured: [] });
    expect(JSON.stringify(run.steps.filter((s) => s.action !== "Use_it"))).not.toContain("pin-4711");
  });

  it("hides a secured trigger's outputs, yet a test can start again from them", async () => {
    const t = testEngine();
    t.engine.start();
    const def = definition(
      { Echo: { type: "Compose", inputs: "@triggerBody()?['iban']", runAfter: {} } },
      SECURED_TRIGGER,
    );
    const started = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: def,
      triggerOutputs: { body: { iban: "FR76 3000 6000 0112 3456 7890 189" } },
    });
    if (!started.started) throw new Error(started.message);
    await t.engine.idle();
    const run = t.engine.getRun(started.runId);
    expect(run).toMatchObject({ triggerOutputs: null, triggerSecured: true });
    expect(t.engine.triggerOutputsOf(started.runId)).toEqual({
      body: { iban: "FR76 3000 6000 0112 3456 7890 189" },
    });
    expect(t.engine.triggerOutputsOf("no-such-run")).toBeUndefined();
  });
});

describe("secured values in the journal", () => {
  const KEY = Buffer.alloc(32, 7);
  const PIN = "pin-4711";
  const flow = definition(
    {
      Get_secret: {
        type: "Compose",
        inputs: "pin-@{triggerBody()?['pin']}",
        runAfter: {},
        runtimeConfiguration: SECURE_BOTH,
      },
      Keep_it: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "pin", type: "string", value: "@{outputs('Get_secret')}" }] },
        runAfter: { Get_secret: ["Succeeded"] },
        runtimeConfiguration: { secureData: { properties: ["inputs"] } },
      },
      Later: {
        type: "Wait",
        inputs: { interval: { count: 1, unit: "Hour" } },
        runAfter: { Keep_it: ["Succeeded"] },
      },
      Use_it: {
        type: "Compose",
        inputs: "@concat('sent ', outputs('Get_secret'), ' and ', variables('pin'))",
        runAfter: { Later: ["Succeeded"] },
      },
    },
    SECURED_TRIGGER,
  );
  const journalText = (db: Database) =>
    JSON.stringify([
      db.prepare("SELECT entries FROM run_log").pluck().all(),
      db.prepare("SELECT trigger_outputs FROM runs").pluck().all(),
    ]);

  /** The flow started with the key on a new file, until it waits: its engine stopped, the file kept. */
  async function waitingWithKey(pin: number) {
    const file = join(mkdtempSync(join(tmpdir(), "flowsmith-sealed-")), "runs.db");
    const clock = new VirtualClock();
    const first = testEngine({ db: engineTestDatabase(file), clock, sealer: createSealer(KEY) });
    first.engine.start();
    const started = first.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: flow,
      triggerOutputs: { body: { pin } },
    });
    if (!started.started) throw new Error(started.message);
    await first.engine.idle();
    first.engine.stop();
    return { file, clock, db: first.db, runId: started.runId };
  }

  /** The app started again on that file, with this key. */
  function reopened(file: string, clock: VirtualClock, key: Buffer) {
    const t = testEngine({ db: engineTestDatabase(file), clock, sealer: createSealer(key) });
    t.engine.start();
    return t;
  }

  it("are sealed with the key, and a run opens them again after a restart to go on", async () => {
    const first = await waitingWithKey(4711);
    expect(journalText(first.db)).not.toContain("4711");
    expect(journalText(first.db)).toContain("$sealed:v1:");
    first.db.close();

    const again = reopened(first.file, first.clock, KEY);
    expect(again.engine.triggerOutputsOf(first.runId)).toEqual({ body: { pin: 4711 } });
    await again.advanceToNext();
    const run = again.engine.getRun(first.runId);
    expect(run?.status).toBe("Succeeded");
    expect(run && step(run, "Use_it").outputs).toBe(`sent ${PIN} and ${PIN}`);
    expect(run && step(run, "Get_secret")).toMatchObject({ inputs: null, outputs: null });
    // A variable set from secured inputs is sealed in the journal and hidden in history too.
    expect(run?.variables).toEqual({ pin: null });
    again.db.close();
  });

  it("opened with another key, fail the run that needs them with a clear error", async () => {
    const first = await waitingWithKey(1);
    first.db.close();
    const other = reopened(first.file, first.clock, Buffer.alloc(32, 9));
    await other.advanceToNext();
    expect(other.engine.getRun(first.runId)).toMatchObject({
      status: "Failed",
      error: { message: expect.stringContaining("A secured value of this run cannot be read") },
    });
    other.db.close();
  });

  it("stay sealed when a run is cancelled under a secured step that waits", async () => {
    const t = testEngine({ sealer: createSealer(KEY) });
    t.runtime.on("Ask", () => ({ kind: "waiting", token: "ask-1", description: "Waiting for an answer" }));
    t.engine.start();
    const started = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Ask: {
          type: "OpenApiConnectionWebhook",
          inputs: {
            host: { apiId: "shared_test", operationId: "Ask" },
            parameters: { pin: "@{triggerBody()?['pin']}" },
          },
          runAfter: {},
          runtimeConfiguration: SECURE_BOTH,
        },
      }),
      triggerOutputs: { body: { pin: 4711 } },
    });
    if (!started.started) throw new Error(started.message);
    await t.engine.idle();
    expect(t.engine.cancelRun(started.runId)).toBe(true);
    await t.engine.idle();
    expect(t.engine.getRun(started.runId)?.status).toBe("Cancelled");
    // The step's row, written again as Cancelled, keeps its inputs sealed (the trigger is not secured here).
    const log = JSON.stringify(t.db.prepare("SELECT entries FROM run_log").pluck().all());
    expect(log).toContain("Cancelled");
    expect(log).not.toContain("4711");
  });
});
