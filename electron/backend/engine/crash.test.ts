// Crash tests with real processes: crash-child.ts runs 20 runs of a flow (slow connector calls, a
// concurrent Foreach, a retry, an approval, a delay, an Until) against a database file and is killed
// with SIGKILL at varied moments, then started again, until it finishes. A second database runs the
// same without kills. Checked:
//  - every run ends as it does without kills: same status, same steps with the same statuses,
//    outputs and attempt counts, same variables (a committed Increment applied twice would show);
//  - no step's journal entry is lost (the set of steps is the same);
//  - write-ahead: every call the runtime saw has a journaled attempt, committed before the call;
//  - no committed step executed twice: a call is sent again only when its attempt had not
//    committed an outcome, and each re-send is counted in the journal (calls <= 1 + restarts); a
//    runtime that deduplicates by call identity (run, iteration, action, attempt) sees every
//    journaled attempt exactly once.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../fixtures/corpus";
import { type LoggedStep, RUN_LOG_SELECT, readRunLog } from "./run-log";

const RUNS = 20;
const bundle = join(projectRoot, "node_modules", ".cache", "flowsmith-engine-tests", "crash-child.mjs");

beforeAll(async () => {
  mkdirSync(join(bundle, ".."), { recursive: true });
  await build({
    entryPoints: [join(projectRoot, "electron/backend/engine/crash-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    external: ["better-sqlite3"],
    outfile: bundle,
    logLevel: "silent",
  });
}, 60_000);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let policy: "batch" | "step" = "batch";

function launch(file: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [bundle, file, String(RUNS), policy], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<Exit>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exit };
}

async function runToEnd(file: string): Promise<Exit> {
  const { child, exit } = launch(file);
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const result = await exit;
  clearTimeout(timer);
  return result;
}

interface Snapshot {
  running: number;
  waiting: number;
  waits: Record<string, number>;
  inFlightAttempts: number;
}

function snapshot(file: string): Snapshot {
  if (!existsSync(file)) return { running: 0, waiting: 0, waits: {}, inFlightAttempts: 0 };
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
    const waits: Record<string, number> = {};
    for (const row of db.prepare("SELECT kind, count(*) AS n FROM run_waits GROUP BY kind").all() as {
      kind: string;
      n: number;
    }[]) {
      waits[row.kind] = row.n;
    }
    return {
      running: count("SELECT count(*) FROM runs WHERE status = 'Running'"),
      waiting: count("SELECT count(*) FROM runs WHERE status = 'Waiting'"),
      waits,
      inFlightAttempts: connectorAttempts(db).filter((a) => a.status === "Running").length,
    };
  } catch {
    return { running: 0, waiting: 0, waits: {}, inFlightAttempts: 0 };
  } finally {
    db.close();
  }
}

/** Every journaled attempt of a connector step, of every run. */
function connectorAttempts(db: BetterSqlite3.Database): (LoggedStep & { run_id: string })[] {
  const logOf = db.prepare(RUN_LOG_SELECT);
  return (db.prepare("SELECT id FROM runs").pluck().all() as string[]).flatMap((runId) =>
    readRunLog(logOf, runId)
      .steps.filter((s) => s.type === "OpenApiConnection" || s.type === "OpenApiConnectionWebhook")
      .map((s) => ({ ...s, run_id: runId })),
  );
}

interface RunOutcome {
  status: string;
  error: string | null;
  variables: Record<string, string>;
  steps: Record<string, { status: string; outputs: string | null; attempts: number }>;
}

/** Every run of a database by its trigger's n, with what a comparison needs. */
function outcomes(file: string): Map<number, RunOutcome> {
  const db = new BetterSqlite3(file, { readonly: true });
  const out = new Map<number, RunOutcome>();
  const logOf = db.prepare(RUN_LOG_SELECT);
  for (const run of db
    .prepare("SELECT id, status, error, json_extract(trigger_outputs, '$.body.n') AS n FROM runs")
    .all() as { id: string; status: string; error: string | null; n: number }[]) {
    const steps: RunOutcome["steps"] = {};
    const log = readRunLog(logOf, run.id);
    for (const s of [...log.steps].sort((a, b) => a.attempt - b.attempt)) {
      const path = s.iteration === "" ? s.action : `${s.iteration}/${s.action}`;
      // The total each concurrent iteration's Add saw depends on how iterations interleave, kills or
      // not; the final value is compared through the variables.
      const outputs = s.action === "Add" || s.outputs === undefined ? null : JSON.stringify(s.outputs);
      steps[path] = { status: s.status, outputs, attempts: s.attempt };
    }
    const variables: Record<string, string> = {};
    for (const v of log.variables) variables[v.name] = JSON.stringify(v.value);
    out.set(run.n, { status: run.status, error: run.error, variables, steps });
  }
  db.close();
  return out;
}

describe("crash: SIGKILL at any moment, then restart", () => {
  it.each(["batch", "step"] as const)(
    "commit policy %s: every run ends as without the kills; no journal entry lost; no committed step executed twice",
    async (commit) => {
      policy = commit;
      const dir = mkdtempSync(join(tmpdir(), "flowsmith-crash-"));
      const reference = join(dir, "reference.db");
      const crashed = join(dir, "crashed.db");

      const clean = await runToEnd(reference);
      expect(clean.stdout, clean.stderr).toContain("DONE");

      // Kill at chosen moments (watching the journal from outside) and at plain delays: while calls
      // are in flight, while retries, approvals and delays wait, and during start-up and recovery.
      const inFlight = (x: Snapshot) => x.inFlightAttempts > 0;
      const waiting = (kind: string) => (x: Snapshot) => (x.waits[kind] ?? 0) > 0;
      const triggers: { after?: number; when?: (x: Snapshot) => boolean }[] = [
        { after: 40 },
        { when: inFlight },
        { when: inFlight },
        { when: waiting("retry") },
        { after: 120 },
        { when: inFlight },
        { when: waiting("approval") },
        { when: inFlight },
        { after: 250 },
        { when: waiting("delay") },
        { when: inFlight },
        { after: 90 },
      ];
      const seen: Snapshot[] = [];
      let finishedEarly = false;
      for (const trigger of triggers) {
        const { child, exit } = launch(crashed);
        let exited: Exit | null = null;
        void exit.then((e) => {
          exited = e;
        });
        const begin = Date.now();
        let state = snapshot(crashed);
        while (!exited && Date.now() - begin < 5_000) {
          if (trigger.after !== undefined && Date.now() - begin >= trigger.after) break;
          if (trigger.when?.(state)) break;
          await new Promise((r) => setTimeout(r, 3));
          state = snapshot(crashed);
        }
        if (exited) {
          const done: Exit = exited;
          finishedEarly = done.stdout.includes("DONE");
          expect(done.code, done.stderr).toBe(0);
          break;
        }
        child.kill("SIGKILL");
        const killed = await exit;
        expect(killed.signal).toBe("SIGKILL");
        seen.push(state);
      }
      if (!finishedEarly) {
        const last = await runToEnd(crashed);
        expect(last.stdout, last.stderr).toContain("DONE");
      }

      // The kills landed while runs executed, while calls were in flight, and while runs waited.
      expect(seen.some((s) => s.running > 0)).toBe(true);
      expect(seen.some((s) => s.inFlightAttempts > 0)).toBe(true);
      expect(
        seen.some((s) => (s.waits.approval ?? 0) + (s.waits.delay ?? 0) + (s.waits.retry ?? 0) > 0),
      ).toBe(true);

      // Every run ends as it would have without the kills, with every step journaled.
      const expected = outcomes(reference);
      const actual = outcomes(crashed);
      expect(expected.size).toBe(RUNS);
      expect(actual.size).toBe(RUNS);
      for (const [n, run] of expected) {
        expect(run.status).toBe("Succeeded");
        expect(actual.get(n), `run n=${n}`).toEqual(run);
      }

      const db = new BetterSqlite3(crashed, { readonly: true });
      try {
        const attempts = connectorAttempts(db);
        const calls = new Map<string, number>();
        for (const c of db.prepare("SELECT run_id, iteration, action, attempt FROM crash_calls").all() as {
          run_id: string;
          iteration: string;
          action: string;
          attempt: number;
        }[]) {
          const key = `${c.run_id}|${c.iteration}|${c.action}|${c.attempt}`;
          calls.set(key, (calls.get(key) ?? 0) + 1);
        }
        const journaled = new Set(attempts.map((a) => `${a.run_id}|${a.iteration}|${a.action}|${a.attempt}`));
        // Write-ahead: no call without its journaled attempt.
        for (const key of calls.keys()) expect(journaled.has(key), key).toBe(true);
        let resent = 0;
        for (const a of attempts) {
          const key = `${a.run_id}|${a.iteration}|${a.action}|${a.attempt}`;
          const sent = calls.get(key) ?? 0;
          expect(sent, key).toBeGreaterThanOrEqual(1);
          expect(sent, key).toBeLessThanOrEqual(1 + a.restarts);
          resent += sent - 1;
        }
        // The kills did hit calls in flight, and those were sent again...
        const restarts = attempts.reduce((sum, a) => sum + a.restarts, 0);
        console.info(
          `[crash ${commit}] ${seen.length} kills; at the kills: ${JSON.stringify(seen)}; ${attempts.length} connector attempts, ${restarts} sent again after a restart, ${resent} of them after their effect`,
        );
        expect(restarts).toBeGreaterThan(0);
        expect(resent).toBeGreaterThan(0);
        // ...yet a runtime deduplicating by identity saw each journaled attempt exactly once.
        expect(db.prepare("SELECT count(*) FROM crash_effects").pluck().get()).toBe(attempts.length);
        // Connector attempts of the reference: the same number (one Flaky retry per run included).
        const ref = new BetterSqlite3(reference, { readonly: true });
        expect(connectorAttempts(ref).length).toBe(attempts.length);
        expect(ref.prepare("SELECT count(*) FROM crash_calls").pluck().get()).toBe(attempts.length);
        ref.close();
        expect(db.prepare("SELECT count(*) FROM run_waits").pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    },
    180_000,
  );
});
