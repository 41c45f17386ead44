// The engine against the real connector sandbox: the corpus' Try-Catch-Finally and do-until
// flows, and the purchase invoice approval template end to end (approve and reject), including a
// restart while the run waits for the approver.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { corpusDir } from "../../../fixtures/corpus";
import { readFlowFile, type WdlDefinition } from "../../../shared/flow";
import { findTemplate, templateDefinition } from "../../../shared/templates";
import { VirtualClock } from "../clock";
import { openDatabase } from "../db/open";
import { Sandbox } from "../sandbox/sandbox";
import type { FinalOutcome } from "./connector-runtime";
import { Engine } from "./engine";
import { statuses, step } from "./testing";
import type { EngineEvent, RunDetail } from "./types";

const MARCUS = "marcus.bell@cronus-demo.example";
const ALICIA = "alicia.thornton@cronus-demo.example";

interface World {
  db: Database;
  file: string;
  clock: VirtualClock;
  sandbox: Sandbox;
  engine: Engine;
  events: EngineEvent[];
  approvalEvents: { body: Record<string, string> }[];
}

const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
});

function world(
  options: { file?: string; clock?: VirtualClock; seed?: number; random?: () => number } = {},
): World {
  const file = options.file ?? join(mkdtempSync(join(tmpdir(), "flowsmith-engine-sandbox-")), "app.db");
  const { db } = openDatabase(file);
  dbs.push(db);
  const clock = options.clock ?? new VirtualClock(Date.UTC(2026, 0, 5, 8, 0, 0));
  const events: EngineEvent[] = [];
  const approvalEvents: { body: Record<string, string> }[] = [];
  let engine: Engine | undefined;
  const sandbox = new Sandbox({
    db,
    clock,
    signals: { deliver: (token: string, outcome: FinalOutcome) => engine?.deliver(token, outcome) },
    events: (e) => {
      if (e.type === "approval.requested")
        approvalEvents.push({ body: e.payload.body as Record<string, string> });
    },
  });
  engine = new Engine({
    db,
    clock,
    runtime: sandbox,
    events: (e) => events.push(e),
    ...(options.random ? { random: options.random } : {}),
  });
  return { db, file, clock, sandbox, engine, events, approvalEvents };
}

function corpusDefinition(name: string): WdlDefinition {
  const read = readFlowFile(readFileSync(join(corpusDir(), name), "utf8"));
  if (!read.ok) throw new Error(read.error.message);
  return read.document.definition;
}

async function run(w: World, definition: WdlDefinition, body: unknown = {}): Promise<RunDetail> {
  const started = w.engine.startRun({
    flow: { id: "corpus", name: "Corpus flow" },
    mode: "test",
    definition,
    triggerOutputs: { body: body as never },
  });
  if (!started.started) throw new Error(started.message);
  await w.engine.idle();
  const detail = w.engine.getRun(started.runId);
  if (!detail) throw new Error("no run");
  return detail;
}

describe("corpus flows against the sandbox", () => {
  it("Pattern: Try-Catch-Finally", async () => {
    const w = world();
    w.engine.start();
    const detail = await run(w, corpusDefinition("powerautomate/try-catch-finally.json"));
    expect(statuses(detail)).toEqual({ Try: "Succeeded", Catch: "Skipped", Finally: "Succeeded" });
    expect(detail.status).toBe("Succeeded");
  });

  it("Pattern: exception handling in a Do until loop, on every path rand() can take", async () => {
    const definition = corpusDefinition("powerautomate/do-until-exception.json");
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      // mulberry32: a small seeded generator, so that each seed takes a known path.
      let s = seed * 0x9e3779b9;
      const w = world({
        random: () => {
          s = (s + 0x6d2b79f5) | 0;
          let r = Math.imul(s ^ (s >>> 15), 1 | s);
          r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
          return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
        },
      });
      w.engine.start();
      const detail = await run(w, definition);
      const status = String(detail.variables["Do Until Status"]);
      seen.add(status);
      const loop = step(detail, "Do_until");
      expect(loop.status).toBe("Succeeded");
      const iterations = detail.iterations.filter((i) => i.loop === "Do_until");
      expect(iterations.length).toBeGreaterThanOrEqual(1);
      expect(iterations.length).toBeLessThanOrEqual(5);
      const last = iterations.length - 1;
      if (status === "exception") {
        // The division by zero failed the Scope; its follower set the status; the loop ended.
        expect(step(detail, `Do_until[${last}]/Actual_work`).error?.code).toBe("InvalidTemplate");
        expect(step(detail, `Do_until[${last}]/Scope`).status).toBe("Failed");
        expect(step(detail, `Do_until[${last}]/On_failure_set_'Do_Until_Status'_to_Exception`).status).toBe(
          "Succeeded",
        );
      } else {
        expect(step(detail, `Do_until[${last}]/On_failure_set_'Do_Until_Status'_to_Exception`).status).toBe(
          "Skipped",
        );
      }
      if (status === "complete") {
        expect(detail.status).toBe("Succeeded");
        expect(step(detail, "Terminate_with_Succeeded").status).toBe("Succeeded");
      } else {
        // "exception", or still "processing" after the 5 iterations of limit.count.
        expect(status === "exception" || iterations.length === 5).toBe(true);
        expect(detail.status).toBe("Failed");
        expect(detail.error?.code).toBe("Terminated");
        expect(step(detail, "Terminate_with_Failed").status).toBe("Succeeded");
      }
    }
    expect([...seen].sort()).toEqual(["complete", "exception", "processing"]);
  });
});

describe("the purchase invoice approval template against the sandbox", () => {
  const template = findTemplate("approve-purchase-invoice");
  if (!template) throw new Error("template missing");
  const definition = templateDefinition(template) as WdlDefinition;

  function sendForApproval(w: World): { runId: string; invoiceId: string } {
    const invoice = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    if (!invoice) throw new Error("PI-1001 missing");
    w.sandbox.sendForApproval("purchaseInvoices", String(invoice.id), MARCUS);
    const event = w.approvalEvents.at(-1);
    if (!event) throw new Error("no approval.requested event");
    const started = w.engine.startRun({
      flow: { id: "approve-pi", name: template?.title ?? "", version: 1 },
      mode: "published",
      definition,
      triggerOutputs: { headers: {}, body: event.body },
    });
    if (!started.started) throw new Error(started.message);
    return { runId: started.runId, invoiceId: String(invoice.id) };
  }

  function answer(w: World, response: "Approve" | "Reject", comments: string): void {
    const pending = w.sandbox.listApprovals({ assignedTo: ALICIA, status: "Pending" });
    const approval = pending.items[0];
    if (!approval) throw new Error("no pending approval for Alicia");
    w.sandbox.respondToApproval(approval.id, { responder: ALICIA, response, comments });
  }

  it("approve: the run waits for Alicia, resumes on her answer, and the invoice is released", async () => {
    const w = world();
    w.engine.start();
    const { runId, invoiceId } = sendForApproval(w);
    await w.engine.idle();
    expect(w.engine.getRunSummary(runId)?.status).toBe("Waiting");
    const waiting = w.engine.getRun(runId);
    expect(waiting && step(waiting, "Start_and_wait_for_an_approval").status).toBe("Waiting");
    expect(w.engine.pendingWaits()).toMatchObject([
      { runId, kind: "approval", action: "Start_and_wait_for_an_approval" },
    ]);

    answer(w, "Approve", "Fine by me");
    await w.engine.idle();
    const detail = w.engine.getRun(runId);
    expect(detail?.status).toBe("Succeeded");
    expect(detail && statuses(detail)).toMatchObject({
      Get_purchase_invoice: "Succeeded",
      Start_and_wait_for_an_approval: "Succeeded",
      Condition: "Succeeded",
      Approve_the_request: "Succeeded",
      Reject_the_request: "Skipped",
      Email_the_requester: "Skipped",
    });
    expect(w.sandbox.getRecord("purchaseInvoices", invoiceId).status).toBe("Released");
  });

  it("reject, with a restart while the run waits: the requester gets the email with the comments", async () => {
    const first = world();
    first.engine.start();
    const { runId, invoiceId } = sendForApproval(first);
    await first.engine.idle();
    first.engine.stop();
    first.db.close();

    const second = world({ file: first.file, clock: first.clock });
    expect(second.engine.start()).toMatchObject({ waiting: 1, waits: 1 });
    answer(second, "Reject", "Wrong cost centre");
    await second.engine.idle();
    const detail = second.engine.getRun(runId);
    expect(detail?.status).toBe("Succeeded");
    expect(detail && statuses(detail)).toMatchObject({
      Approve_the_request: "Skipped",
      Reject_the_request: "Succeeded",
      Email_the_requester: "Succeeded",
    });
    expect(second.sandbox.getRecord("purchaseInvoices", invoiceId).status).toBe("Open");
    const mail = second.sandbox.listMessages(MARCUS, { folder: "Inbox" });
    const message = mail.items.find((m) => m.subject.includes("was not approved"));
    expect(message?.body).toContain("Wrong cost centre");
  });
});
