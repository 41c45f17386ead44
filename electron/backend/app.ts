// The backend as one object: database, flow store, connector sandbox, run engine, the contract's
// handlers and the event bus. Plain Node: the Electron main process and the web-mode server both wrap it.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import type { AppInfo, Notice } from "../../shared/api";
import { createDispatch, type Dispatch } from "./api/dispatch";
import { createHandlers } from "./api/handlers";
import { AppMeta } from "./app-meta";
import { SimulationClock } from "./clock";
import { openDatabase } from "./db/open";
import { Engine, type EngineEvent } from "./engine";
import { createSealer } from "./engine/sealed-values";
import { EventBus } from "./events";
import { FlowStore } from "./flows/store";
import { Publisher } from "./publish";
import { HttpHooks } from "./publish/http-hooks";
import { RunRetention } from "./runs/retention";
import { definitionOf, TestRuns } from "./runs/test-runs";
import { TriggerRecords } from "./runs/trigger-records";
import { Sandbox, type SandboxEvent } from "./sandbox";
import { loadSealingKey } from "./sealing-key";
import type { SettingsStore } from "./settings/store";

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo["mode"];
  version: string;
  settings: SettingsStore;
  /** The flow store's clock (created/updated times); the simulation clock drives runs and the sandbox. */
  now?: () => number;
  log?: (message: string) => void;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  db: Database;
  flows: FlowStore;
  settings: SettingsStore;
  clock: SimulationClock;
  sandbox: Sandbox;
  engine: Engine;
  tests: TestRuns;
  publisher: Publisher;
  /** Flows started by an HTTP request: what the hook server (electron/server/hook-server.ts) calls. */
  hooks: HttpHooks;
  info(): AppInfo;
  close(): void;
}

export const DATABASE_FILE_NAME = "flowsmith.db";
const CLOCK_OFFSET_KEY = "clock.offsetMs";

export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const now = options.now ?? Date.now;
  const opened = openDatabase(databaseFile, { now: () => new Date(now()) });
  const { db } = opened;
  const sealing = loadSealingKey(options.dataDir, () => new Date(now()));
  const notices = [...opened.notices, ...sealing.notices];
  const log = options.log ?? ((message: string) => console.error(message));
  for (const notice of notices) log(`${notice.title}: ${notice.message}`);

  const meta = new AppMeta(db);
  const clock = new SimulationClock(Number(meta.get(CLOCK_OFFSET_KEY) ?? 0) || 0, (offset) =>
    meta.set(CLOCK_OFFSET_KEY, String(offset)),
  );
  const flows = new FlowStore(db, { now });
  flows.purgeExpired();
  const events = new EventBus();

  // The sandbox answers waits through the engine, and the engine calls the sandbox: tie the knot.
  let engineRef: Engine | undefined;
  const sandbox = new Sandbox({
    db,
    clock,
    signals: { deliver: (token, outcome) => engineRef?.deliver(token, outcome) },
    events: (event) => events.emit("sandbox.changed", sandboxChange(event)),
  });
  const engine = new Engine({
    db,
    clock,
    runtime: sandbox,
    events: (event) => forwardRunEvent(events, event),
    sealer: createSealer(sealing.key),
  });
  engineRef = engine;
  const recovery = engine.start();
  if (recovery.resumed + recovery.waiting > 0) {
    log(
      `Runs picked up after the restart: ${recovery.resumed} continued, ${recovery.waiting} still waiting.`,
    );
  }
  const publisher = new Publisher({
    db,
    flows,
    engine,
    sandbox,
    clock,
    log,
    onWorkflowChanged: (id) => events.emit("workflows.changed", { id }),
    automateOff: () => !options.settings.get().automateEnabled,
    policy: () => options.settings.get().connectorPolicy,
  });
  const openNotices: Notice[] = [...notices];
  const hooks = new HttpHooks({
    engine,
    meta,
    enabledWorkflow: (flowId) => publisher.enabledWorkflow(flowId),
    refused: (workflow, reason) => publisher.reportStartProblem(workflow, reason),
    publishedWorkflow: (flowId) => publisher.publishedWorkflow(flowId),
    notify: (notice) => {
      openNotices.push(notice);
      events.emit("app.notice", notice);
    },
  });
  const tests = new TestRuns({
    flows,
    engine,
    sandbox,
    clock,
    versionDefinition: (flowId, version) => definitionOf(publisher.version(flowId, version)),
    onArmedTestEvent: (event) => events.emit("runs.armedTest", event),
  });
  const triggerRecords = new TriggerRecords({
    tested: (flowId, source) => tests.tested(flowId, source),
    sandbox,
    clock,
  });
  const retention = new RunRetention({
    engine,
    sandbox,
    now: () => clock.now(),
    days: () => options.settings.get().runRetentionDays,
    onDeleted: (count) => events.emit("runs.deleted", { count }),
    log,
  });
  retention.start();
  const started = publisher.start();
  if (started.missed > 0)
    log(`Scheduled flows missed ${started.missed} occurrence(s) while Flowsmith was closed.`);

  const info = (): AppInfo => ({
    name: "Flowsmith",
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    notices: [...openNotices],
  });

  const handlers = createHandlers({
    flows,
    settings: options.settings,
    events,
    info,
    dismissNotice: (id) => {
      const index = openNotices.findIndex((n) => n.id === id);
      if (index >= 0) openNotices.splice(index, 1);
    },
    engine,
    tests,
    triggerRecords,
    hooks,
    sandbox,
    clock,
    publisher,
    onSettingsChanged: (before, after) => {
      if (before.runRetentionDays !== after.runRetentionDays) void retention.purge();
    },
    onFlowDeleted: (id) => publisher.flowDeleted(id),
    isPublished: (id) => publisher.statusOf(id) !== undefined,
  });

  return {
    dispatch: createDispatch(handlers, log),
    events,
    db,
    flows,
    settings: options.settings,
    clock,
    sandbox,
    engine,
    tests,
    publisher,
    hooks,
    info,
    close: () => {
      retention.stop();
      publisher.stop();
      engine.stop();
      clock.dispose();
      db.close();
    },
  };
}

function forwardRunEvent(bus: EventBus, { event, payload }: EngineEvent): void {
  switch (event) {
    case "run.started":
      bus.emit("runs.started", {
        runId: payload.runId,
        flowId: payload.flowId,
        flowName: payload.flowName,
        mode: payload.mode,
        flowVersion: payload.flowVersion,
      });
      break;
    case "run.step":
      bus.emit("runs.step", {
        runId: payload.runId,
        flowId: payload.flowId,
        action: payload.action,
        iteration: payload.iteration,
        path: payload.path,
        attempt: payload.attempt,
        status: payload.status,
        durationMs: payload.durationMs,
        error: payload.error,
      });
      break;
    case "run.waiting":
      bus.emit("runs.waiting", {
        runId: payload.runId,
        flowId: payload.flowId,
        action: payload.action,
        path: payload.path,
        kind: payload.kind,
        description: payload.description,
      });
      break;
    case "run.finished":
      bus.emit("runs.finished", {
        runId: payload.runId,
        flowId: payload.flowId,
        flowName: payload.flowName,
        mode: payload.mode,
        status: payload.status,
        durationMs: payload.durationMs,
        error: payload.error,
      });
      break;
  }
}

function sandboxChange(event: SandboxEvent): { type: string; table?: string; id?: string } {
  const payload = event.payload as { table?: unknown; id?: unknown };
  return {
    type: event.type,
    ...(typeof payload.table === "string" ? { table: payload.table } : {}),
    ...(typeof payload.id === "string" ? { id: payload.id } : {}),
  };
}
