// The process crash.test.ts kills. It opens a database file, starts (once) a batch of runs of a flow
// with slow connector calls, a concurrent Foreach, a retry, an approval, a delay and an Until, answers
// the approvals after a while as the sandbox would (the answer and deliver() in one transaction), and
// exits with "DONE" once no run is left running or waiting. Started again after a SIGKILL, it
// recovers and carries on.
//
// The runtime writes, in the same transaction as its "effect", one row per call into crash_calls
// (every send, repeats included) and one row per call identity into crash_effects (INSERT OR IGNORE:
// a runtime that deduplicates by identity, as an idempotent service would).
import { SystemClock } from "../clock";
import type { ConnectorCall, ConnectorOutcome } from "./connector-runtime";
import { Engine } from "./engine";
import { definition, engineTestDatabase } from "./testing";

const file = process.argv[2];
if (!file) throw new Error("usage: crash-child <database file> <runs> [batch|step]");
const runs = Number(process.argv[3] ?? 20);
const commit = process.argv[4] === "step" ? "step" : "batch";

const db = engineTestDatabase(file);
db.exec(`
  CREATE TABLE IF NOT EXISTS crash_calls (run_id TEXT, iteration TEXT, action TEXT, attempt INTEGER, pid INTEGER);
  CREATE TABLE IF NOT EXISTS crash_effects (run_id TEXT, iteration TEXT, action TEXT, attempt INTEGER,
    PRIMARY KEY (run_id, iteration, action, attempt));
  CREATE TABLE IF NOT EXISTS crash_meta (started INTEGER);
`);
const recordCall = db.prepare("INSERT INTO crash_calls VALUES (?, ?, ?, ?, ?)");
const recordEffect = db.prepare("INSERT OR IGNORE INTO crash_effects VALUES (?, ?, ?, ?)");

function effect(call: ConnectorCall): void {
  db.transaction(() => {
    recordCall.run(call.runId, call.iteration ?? "", call.actionName, call.attempt, process.pid);
    recordEffect.run(call.runId, call.iteration ?? "", call.actionName, call.attempt);
  })();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const runtime = {
  async invoke(call: ConnectorCall): Promise<ConnectorOutcome> {
    // The effect happens first, the answer comes later (slow on purpose): a kill in between leaves an
    // effect whose outcome the engine never journaled, the case at-least-once is about.
    effect(call);
    await sleep(5 + Math.floor(Math.random() * 25));
    const n = call.parameters.n;
    switch (call.operationId) {
      case "Work":
        return {
          kind: "succeeded",
          statusCode: 200,
          body: { n: n ?? null, doubled: typeof n === "number" ? n * 2 : null },
        };
      case "Flaky":
        return call.attempt === 1
          ? { kind: "failed", statusCode: 503, error: { code: "Busy", message: "try again" } }
          : { kind: "succeeded", statusCode: 200, body: { attempt: call.attempt } };
      case "Ask":
        return {
          kind: "waiting",
          token: `approval|${call.runId}|${call.iteration ?? ""}|${String(call.parameters.decision)}`,
          description: "Waiting for the approver",
        };
      default:
        return { kind: "failed", statusCode: 400, error: { code: "Unknown", message: call.operationId } };
    }
  },
};

const work = (n: string, runAfter: Record<string, string[]> = {}) => ({
  type: "OpenApiConnection",
  inputs: { host: { apiId: "shared_test", operationId: "Work" }, parameters: { n } },
  runAfter,
});

export const crashFlow = definition({
  Counter: {
    type: "InitializeVariable",
    inputs: { variables: [{ name: "counter", type: "integer", value: 0 }] },
    runAfter: {},
  },
  I: {
    type: "InitializeVariable",
    inputs: { variables: [{ name: "i", type: "integer", value: 0 }] },
    runAfter: { Counter: ["Succeeded"] },
  },
  Status: {
    type: "InitializeVariable",
    inputs: { variables: [{ name: "status", type: "string", value: "" }] },
    runAfter: { I: ["Succeeded"] },
  },
  Start: work("@triggerBody()?['n']", { Status: ["Succeeded"] }),
  Loop: {
    type: "Foreach",
    foreach: "@range(0, 12)",
    runtimeConfiguration: { concurrency: { repetitions: 3 } },
    actions: {
      Step: work("@item()"),
      Add: {
        type: "IncrementVariable",
        inputs: { name: "counter", value: "@body('Step')?['doubled']" },
        runAfter: { Step: ["Succeeded"] },
      },
    },
    runAfter: { Start: ["Succeeded"] },
  },
  Retry: {
    type: "OpenApiConnection",
    inputs: {
      host: { apiId: "shared_test", operationId: "Flaky" },
      parameters: {},
      retryPolicy: { type: "fixed", count: 3, interval: "PT0.3S" },
    },
    runAfter: { Loop: ["Succeeded"] },
  },
  Approve: {
    type: "OpenApiConnectionWebhook",
    inputs: {
      host: { apiId: "shared_approvals", operationId: "Ask" },
      parameters: { decision: "@if(greater(triggerBody()?['n'], 5), 'Approve', 'Reject')" },
    },
    runAfter: { Retry: ["Succeeded"] },
  },
  Check: {
    type: "If",
    expression: { equals: ["@body('Approve')?['outcome']", "Approve"] },
    actions: {
      Approved: { type: "SetVariable", inputs: { name: "status", value: "approved" }, runAfter: {} },
    },
    else: {
      actions: {
        Rejected: { type: "SetVariable", inputs: { name: "status", value: "rejected" }, runAfter: {} },
      },
    },
    runAfter: { Approve: ["Succeeded"] },
  },
  Pause: {
    type: "Wait",
    inputs: { interval: { count: 1, unit: "Second" } },
    runAfter: { Check: ["Succeeded"] },
  },
  Again: {
    type: "Until",
    expression: "@equals(variables('i'), 4)",
    limit: { count: 10 },
    actions: {
      Bump: { type: "IncrementVariable", inputs: { name: "i" }, runAfter: {} },
      Echo: work("@variables('i')", { Bump: ["Succeeded"] }),
    },
    runAfter: { Pause: ["Succeeded"] },
  },
  Final: {
    type: "Compose",
    inputs: {
      counter: "@variables('counter')",
      i: "@variables('i')",
      status: "@variables('status')",
      start: "@body('Start')",
    },
    runAfter: { Again: ["Succeeded"] },
  },
});

const engine = new Engine({ db, clock: new SystemClock(), runtime, commit });
engine.start();

if (db.prepare("SELECT count(*) FROM crash_meta").pluck().get() === 0) {
  // All runs and the marker commit together: a kill leaves either all of them or none.
  db.transaction(() => {
    for (let n = 0; n < runs; n++) {
      engine.startRun({
        flow: { id: "crash", name: "Crash flow" },
        mode: "test",
        definition: crashFlow,
        triggerOutputs: { body: { n } },
      });
    }
    db.prepare("INSERT INTO crash_meta VALUES (1)").run();
  })();
}

// The approver: answers each approval 150 ms after it started waiting, as the sandbox would.
const pending = db.prepare("SELECT token, created_at FROM run_waits WHERE kind = 'approval'");
setInterval(() => {
  for (const wait of pending.all() as { token: string; created_at: number }[]) {
    if (Date.now() - wait.created_at < 150) continue;
    const decision = wait.token.split("|")[3] ?? "Reject";
    db.transaction(() => {
      engine.deliver(wait.token, { kind: "succeeded", statusCode: 200, body: { outcome: decision } });
    })();
  }
}, 40);

const active = db.prepare("SELECT count(*) FROM runs WHERE status IN ('Running', 'Waiting')").pluck();
setInterval(() => {
  if (active.get() === 0) {
    engine.stop();
    db.close();
    process.stdout.write("DONE\n");
    process.exit(0);
  }
}, 50);
