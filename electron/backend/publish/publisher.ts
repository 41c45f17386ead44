// Publishing and the workflow list: immutable versions, enable/disable/unpublish as transactions,
// the only-one-enabled rule for approval events, the connector policy, and the trigger registry
// that starts published flows (sandbox events, schedules on the clock, the Automate menu).
// Plain Node. See README.md.
import type { Database } from "better-sqlite3";
import { ApiError, type Flow, type Issue, notFound } from "../../../shared/api";
import { type CheckResult, type ConnectorPolicy, checkFlow } from "../../../shared/checker";
import type { RunFlowField } from "../../../shared/connectors";
import { parseDefinition, type WdlDefinition } from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import type { Clock } from "../clock";
import type { Engine, StartRunArgs } from "../engine";
import { type FlowStore, uniqueFlowName } from "../flows/store";
import { definitionOf } from "../runs/test-runs";
import type { Sandbox } from "../sandbox";
import type { SandboxEvent } from "../sandbox/events";
import type { BuiltInWorkflow } from "../sandbox/types";
import { approvalScopeOf } from "../triggers/approval-scope";
import { triggerFacts } from "../triggers/facts";
import { instantSummary } from "../triggers/instant";
import { type Blocker, blockerMessage, findBlocker } from "./conflicts";
import { EventRegistry, type MatchContext } from "./event-registry";
import { instantEntries, instantRuns, pageTable } from "./instant-runs";
import { type LiveWorkflow, liveWorkflow, startsBy } from "./live";
import { policyViolation } from "./policy";
import { Schedules, scheduledOutputs } from "./schedules";
import { StartProblems } from "./start-problems";
import { exportFile, readImport } from "./transfer";
import type {
  ExportedFile,
  InstantFlowEntry,
  MissedPolicy,
  PolicyResult,
  PublishOptions,
  PublishResult,
  RunInstantArgs,
  RunInstantResult,
  VersionDetail,
  VersionInfo,
  WorkflowEntry,
  WorkflowPage,
  WorkflowQuery,
  WorkflowStatus,
} from "./types";
import { VersionStore } from "./versions";
import { builtInEntry, WorkflowList } from "./workflow-list";
import { pagesColumn, type WorkflowRow, WorkflowStore } from "./workflow-store";

export interface PublisherOptions {
  db: Database;
  flows: FlowStore;
  engine: Engine;
  sandbox: Sandbox;
  clock: Clock;
  log?: (message: string) => void;
  /** A workflow's entry changed by itself (a start problem was recorded): the list shows it again. */
  onWorkflowChanged?: (flowId: string) => void;
  /** True when the administrator turned Automate off: runInstant refuses then. */
  automateOff?: () => boolean;
  /** The administrator's connector policy now (publish, enable); applyPolicy's last one when absent. */
  policy?: () => ConnectorPolicy | undefined;
}

export interface StartReport {
  /** Enabled workflows re-registered. */
  enabled: number;
  automated: number;
  scheduled: number;
  instant: number;
  /** Scheduled occurrences missed while the app was closed, over all workflows. */
  missed: number;
}

/** How many checker errors a refused publish names. */
const ERRORS_SHOWN = 3;

/** The reason a suspended flow shows once the policy that suspended it allows it again. */
export const ALLOWED_AGAIN =
  "Suspended under an earlier connector policy; the current one allows it, so it can be turned on again";

export class Publisher {
  private readonly db: Database;
  private readonly versionStore: VersionStore;
  private readonly store: WorkflowStore;
  private readonly list: WorkflowList;
  private readonly registry = new EventRegistry();
  private readonly matchContext: MatchContext = {
    now: () => this.options.clock.now(),
    connectionUser: () => this.options.sandbox.connectionUser(),
    problem: (workflow, reason) => this.startProblems.report(workflow, reason),
  };
  private readonly startProblems: StartProblems;
  private readonly schedules: Schedules;
  private readonly log: (message: string) => void;
  /** Enabled workflows by flow id, loaded from the database on first use. */
  private live: Map<string, LiveWorkflow> | undefined;
  private pending: StartRunArgs[] = [];
  private flushQueued = false;
  private unsubscribe: (() => void) | undefined;
  private started = false;
  private appliedPolicy: ConnectorPolicy | undefined;

  constructor(private readonly options: PublisherOptions) {
    this.db = options.db;
    this.log = options.log ?? ((message) => console.error(`[publish] ${message}`));
    this.versionStore = new VersionStore(options.db, (email) => options.sandbox.displayName(email));
    this.store = new WorkflowStore(options.db);
    this.list = new WorkflowList(options.db, options.sandbox);
    this.startProblems = new StartProblems({
      db: options.db,
      store: this.store,
      now: () => options.clock.now(),
      log: this.log,
      ...(options.onWorkflowChanged ? { changed: options.onWorkflowChanged } : {}),
    });
    this.schedules = new Schedules({
      db: options.db,
      store: this.store,
      engine: options.engine,
      clock: options.clock,
      log: this.log,
      problem: (workflow, reason) => this.startProblems.report(workflow, reason),
    });
  }

  // --- lifecycle ---

  /**
   * Registers every enabled workflow again: automated ones on the sandbox's events, scheduled ones
   * on the clock (after counting the occurrences missed while the app was closed, and running each
   * such flow once or not, as its policy says). The engine must have been started.
   */
  start(): StartReport {
    if (this.started) throw new Error("The publisher has already been started.");
    this.started = true;
    const live = this.loaded();
    this.unsubscribe = this.options.sandbox.events.onAny((event) => this.onSandboxEvent(event));
    const report: StartReport = { enabled: live.size, automated: 0, scheduled: 0, instant: 0, missed: 0 };
    for (const workflow of live.values()) {
      if (workflow.kind === "automated") report.automated++;
      if (workflow.kind === "instant") report.instant++;
      if (workflow.kind !== "scheduled") continue;
      report.scheduled++;
      const row = this.store.get(workflow.flowId);
      if (!row) continue;
      report.missed += this.schedules.catchUp(
        workflow,
        row.schedule_cursor ?? row.published_at,
        row.missed_policy,
      );
    }
    return report;
  }

  /** Lets go of the clock's timers and the sandbox subscription. Runs already started go on in the engine. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.schedules.stop();
    this.pending = [];
    this.started = false;
  }

  /** Resolves once the runs of the events so far are started and the engine has nothing in flight. */
  async settle(): Promise<void> {
    await Promise.resolve();
    this.flush();
    await this.options.engine.idle();
  }

  // --- versions ---

  publish(flowId: string, options: PublishOptions): PublishResult {
    const flow = this.options.flows.get(flowId);
    const definition = definitionOf(flow);
    const policy = options.policy ?? this.currentPolicy();
    const check = checkFlow(definition, { kind: flow.kind, ...(policy ? { policy } : {}) });
    if (check.errorCount > 0) throw publishRefusal(flow.name, check);
    const now = this.options.clock.now();
    const facts = triggerFacts(definition, now);
    if (facts.recurrence && !facts.recurrence.ok) {
      throw new ApiError({
        code: "invalid_input",
        message: `“${flow.name}” cannot be published: ${facts.recurrence.message}`,
      });
    }
    const publishedBy = options.publishedBy.trim() || "unknown";
    const { version, blocker } = this.db.transaction(() => {
      const version = this.versionStore.add({
        flowId,
        name: flow.name,
        kind: facts.kind,
        definition: flow.definition,
        designer: flow.designer,
        note: options.note?.trim() ?? "",
        publishedBy,
        publishedAt: now,
        draftRevision: flow.revision,
      });
      const blocker = facts.approval ? findBlocker(facts.approval, flowId, this.enabledSets()) : undefined;
      this.store.upsert({
        flowId,
        version,
        name: flow.name,
        kind: facts.kind,
        status: blocker ? "disabled" : "enabled",
        triggerSummary: facts.summary,
        pages: facts.instant ? pagesColumn(facts.instant.pages.tables, facts.instant.pages.everywhere) : null,
        publishedBy,
        publishedAt: now,
        scheduleAt: facts.kind === "scheduled" ? now : null,
      });
      return { version, blocker };
    })();
    const row = this.requireRow(flowId);
    if (blocker) this.deactivate(flowId);
    else this.activate(row, definition);
    const result: PublishResult = {
      version,
      workflow: this.withStart(this.list.entry(row)),
      enabled: !blocker,
    };
    if (blocker) result.notEnabledReason = blockerMessage(blocker);
    return result;
  }

  /** Every published version of the flow, newest first (kept after an unpublish). */
  versions(flowId: string): VersionInfo[] {
    return this.versionStore.list(flowId, this.currentVersion(flowId));
  }

  /** A version's definition and designer data, read-only, for the designer. */
  version(flowId: string, version: number): VersionDetail {
    return this.versionStore.get(flowId, version, this.currentVersion(flowId));
  }

  private currentVersion(flowId: string): { version: number; status: WorkflowStatus } | null {
    const row = this.store.get(flowId);
    return row ? { version: row.version, status: row.status } : null;
  }

  /** The version becomes the draft (a new draft revision); the version itself stays as it was. */
  restoreVersionAsDraft(flowId: string, version: number): { revision: number; updatedAt: string } {
    const flow = this.options.flows.get(flowId);
    const old = this.versionStore.get(flowId, version, null);
    return this.options.flows.saveDraft({
      id: flowId,
      revision: flow.revision,
      definition: old.definition,
      designer: old.designer,
    });
  }

  // --- the workflow list ---

  listWorkflows(query: WorkflowQuery = {}): WorkflowPage {
    const page = this.list.list(query);
    return { ...page, items: page.items.map((entry) => this.withStart(entry)) };
  }

  /** The enabled workflow of a flow, on the version that runs; undefined when it is off or unpublished. */
  enabledWorkflow(flowId: string): LiveWorkflow | undefined {
    return this.loaded().get(flowId);
  }

  /**
   * A start of this workflow was refused outside the publisher (an HTTP request the hook server
   * turned away): kept on the workflow with the other start problems.
   */
  reportStartProblem(workflow: { flowId: string; name: string }, reason: string): void {
    this.startProblems.report(workflow, reason);
  }

  /** A published flow (enabled or not) by its id; undefined when it is not published. */
  publishedWorkflow(flowId: string): { flowId: string; name: string; status: WorkflowStatus } | undefined {
    const row = this.store.get(flowId);
    return row && { flowId: row.flow_id, name: row.name, status: row.status };
  }

  /** A published flow's status; undefined when the flow is not published. */
  statusOf(flowId: string): WorkflowStatus | undefined {
    return this.store.get(flowId)?.status;
  }

  /** One entry: a published flow by its id, or a built-in workflow by its id. */
  getWorkflow(id: string): WorkflowEntry {
    const row = this.store.get(id);
    if (!row) return builtInEntry(this.builtIn(id));
    this.options.flows.requireLive(id);
    return this.withStart(this.list.entry(row));
  }

  /** The entry with how its enabled version starts (the list offers Run or the address by it). */
  private withStart(entry: WorkflowEntry): WorkflowEntry {
    const workflow = entry.builtIn ? undefined : this.loaded().get(entry.id);
    return workflow ? { ...entry, startsBy: startsBy(workflow) } : entry;
  }

  /**
   * Turns a workflow (published or built-in) on or off, in one transaction. Turning on checks the
   * connector policy again (a flow that breaks it is suspended, forbidden) and the only-one-enabled
   * rule (conflict, naming the workflow in the way). A trigger event that arrived while it was off
   * never starts it; a schedule counts its occurrences from now.
   */
  setEnabled(id: string, enabled: boolean, options: { policy?: ConnectorPolicy } = {}): WorkflowEntry {
    const row = this.store.get(id);
    if (!row) return this.setBuiltInEnabled(id, enabled);
    if (!enabled) {
      this.turnOff(row);
      return this.getWorkflow(id);
    }
    const now = this.options.clock.now();
    if (row.status === "enabled") return this.getWorkflow(id);
    this.options.flows.requireLive(id);
    const definition = this.versionDefinition(id, row.version);
    const policy = options.policy ?? this.currentPolicy();
    const violation = policy ? policyViolation(definition, policy) : undefined;
    if (violation) {
      this.db.transaction(() => this.store.setStatus(id, "suspended", violation, now))();
      throw new ApiError({ code: "forbidden", message: `“${row.name}” cannot be turned on: ${violation}.` });
    }
    const scope = row.kind === "automated" ? approvalOf(definition) : undefined;
    this.db.transaction(() => {
      const blocker = scope ? findBlocker(scope, id, this.enabledSets()) : undefined;
      if (blocker) throw conflict(blocker);
      this.store.setStatus(id, "enabled", null, now, now);
    })();
    this.activate(this.requireRow(id), definition);
    return this.getWorkflow(id);
  }

  /**
   * The flow is going to the recycle bin (called inside the transaction that moves it there): its
   * workflow is turned off, and stays off when the flow is restored. True when it is published.
   */
  flowDeleted(flowId: string): boolean {
    const row = this.store.get(flowId);
    if (row) this.turnOff(row);
    return row !== undefined;
  }

  private turnOff(row: WorkflowRow): void {
    if (row.status === "disabled") return;
    this.db.transaction(() =>
      this.store.setStatus(row.flow_id, "disabled", null, this.options.clock.now()),
    )();
    this.deactivate(row.flow_id);
  }

  enable(id: string, options: { policy?: ConnectorPolicy } = {}): WorkflowEntry {
    return this.setEnabled(id, true, options);
  }

  disable(id: string): WorkflowEntry {
    return this.setEnabled(id, false);
  }

  /** Takes the flow off the workflow list; its versions stay, runs in progress finish on theirs. */
  unpublish(flowId: string): { flowId: string; versionsKept: number } {
    const removed = this.db.transaction(() => this.store.remove(flowId))();
    if (!removed) throw notFound("This published flow");
    this.deactivate(flowId);
    return { flowId, versionsKept: this.versionStore.list(flowId, null).length };
  }

  /** What a scheduled flow does about occurrences missed while the app was closed (default run-once). */
  /** Clears the problems that kept the workflow from starting, once the person has read them. */
  dismissStartProblems(flowId: string): WorkflowEntry {
    this.startProblems.flush();
    if (!this.store.dismissStartProblems(flowId)) throw notFound("This published flow");
    return this.getWorkflow(flowId);
  }

  setMissedPolicy(flowId: string, policy: MissedPolicy): WorkflowEntry {
    const changed = this.store.setMissedPolicy(flowId, policy);
    if (!changed) throw notFound("This published flow");
    return this.getWorkflow(flowId);
  }

  // --- policy ---

  /**
   * Checks every enabled workflow's current version against a new connector policy; those that
   * break it are suspended (one transaction) with the reason in plain words. Suspended flows stay
   * suspended until someone turns them on, which checks again.
   */
  applyPolicy(policy: ConnectorPolicy): PolicyResult {
    this.appliedPolicy = policy;
    const { checked, suspended, allowed, reasons } = this.policyEffects(policy);
    const now = this.options.clock.now();
    this.db.transaction(() => {
      for (const s of suspended) this.store.setStatus(s.id, "suspended", s.reason, now);
      for (const r of reasons) this.store.setStatus(r.id, "suspended", r.reason, now);
    })();
    for (const s of suspended) this.deactivate(s.id);
    return { checked, suspended, allowed };
  }

  /** What applyPolicy would do with this policy, for the administrator to read before saving it. */
  previewPolicy(policy: ConnectorPolicy): PolicyResult {
    const { checked, suspended, allowed } = this.policyEffects(policy);
    return { checked, suspended, allowed };
  }

  private policyEffects(policy: ConnectorPolicy) {
    const enabled = this.store.enabled();
    const suspended: PolicyResult["suspended"] = [];
    for (const row of enabled) {
      const reason = policyViolation(this.versionDefinition(row.flow_id, row.version), policy);
      if (reason) suspended.push({ id: row.flow_id, name: row.name, reason });
    }
    // Flows suspended before: their reason must be the current policy's, or say that it allows them.
    const allowed: PolicyResult["allowed"] = [];
    const reasons: { id: string; reason: string }[] = [];
    for (const row of this.store.suspended()) {
      const reason = policyViolation(this.versionDefinition(row.flow_id, row.version), policy);
      if (reason) reasons.push({ id: row.flow_id, reason });
      else {
        allowed.push({ id: row.flow_id, name: row.name });
        reasons.push({ id: row.flow_id, reason: ALLOWED_AGAIN });
      }
    }
    return { checked: enabled.length, suspended, allowed, reasons };
  }

  // --- instant flows ---

  /** The enabled instant flows a page's Automate menu offers ("vendors", "table23", "page26"). */
  instantFlowsFor(page: string): InstantFlowEntry[] {
    return instantEntries(this.loaded().values(), pageTable(page));
  }

  /** Runs an instant flow from the Run flow pane, on the published version; returns the run ids. */
  runInstant(flowId: string, args: RunInstantArgs): RunInstantResult {
    if (this.options.automateOff?.()) {
      throw new ApiError({
        code: "forbidden",
        message: "Automate is turned off by your administrator: flows cannot be run from pages.",
      });
    }
    const workflow = this.loaded().get(flowId);
    if (!workflow) throw this.notRunnable(flowId);
    return this.startInstant(workflow, args);
  }

  private startInstant(workflow: LiveWorkflow, args: RunInstantArgs): RunInstantResult {
    const runs = instantRuns(workflow, args, {
      sandbox: this.options.sandbox,
      now: this.options.clock.now(),
    });
    const results = this.options.engine.startRuns(runs);
    const runIds: string[] = [];
    for (const result of results) {
      if (result.started) runIds.push(result.runId);
      else throw new ApiError({ code: "invalid_input", message: result.message });
    }
    const [runId] = runIds;
    if (runId === undefined) throw new ApiError({ code: "internal", message: "No run was started." });
    return { runId, runIds };
  }

  // --- running from the workflow list ---

  /**
   * What "Run" in the workflow list asks before it runs the flow: a scheduled flow runs at once, a
   * "Manually trigger a flow" flow asks its Run flow form. Flows that run on a record, on an HTTP
   * request or on an event are refused, saying where they run from.
   */
  runForm(flowId: string): { name: string; fields: RunFlowField[] } {
    const workflow = this.runnableFromList(flowId);
    return { name: workflow.name, fields: workflow.facts.instant?.fields ?? [] };
  }

  /** Runs a scheduled or button flow now, on its published version, as `user`. */
  runFromList(
    flowId: string,
    args: { inputs?: JsonObject; user: { name: string; email: string } },
  ): RunInstantResult {
    const workflow = this.runnableFromList(flowId);
    if (workflow.kind === "instant") return this.startInstant(workflow, args);
    const result = this.options.engine.startRun({
      flow: { id: workflow.flowId, name: workflow.name, version: workflow.version },
      mode: "published",
      definition: workflow.definition,
      triggerName: workflow.facts.name,
      triggerOutputs: scheduledOutputs(this.options.clock.now()),
    });
    if (!result.started) throw new ApiError({ code: "conflict", message: result.message });
    return { runId: result.runId, runIds: [result.runId] };
  }

  private runnableFromList(flowId: string): LiveWorkflow {
    const workflow = this.loaded().get(flowId);
    if (!workflow) throw this.notRunnable(flowId);
    const refuse = (message: string) => new ApiError({ code: "invalid_input", message });
    const instant = workflow.facts.instant;
    switch (startsBy(workflow)) {
      case "event":
        throw refuse(
          `“${workflow.name}” starts when its trigger's event happens in the sandbox; to run it by hand, test it from the designer.`,
        );
      case "record":
        throw refuse(
          `“${workflow.name}” runs on a record: open ${!instant || instant.pages.everywhere ? "a page" : `the ${instantSummary(instant)}`} in the sandbox, select a record, then Automate.`,
        );
      case "http":
        throw refuse(
          `“${workflow.name}” is started by an HTTP request: call its address, shown on its trigger in the designer.`,
        );
      default:
        return workflow;
    }
  }

  // --- export and import ---

  exportDraft(flowId: string): ExportedFile {
    const flow = this.options.flows.get(flowId);
    return exportFile({ flowId, name: flow.name, definition: definitionOf(flow), designer: flow.designer });
  }

  exportVersion(flowId: string, version: number): ExportedFile {
    const detail = this.versionStore.get(flowId, version, null);
    return exportFile({
      flowId,
      name: detail.name,
      definition: definitionOf(detail),
      designer: detail.designer,
      version,
    });
  }

  /** Creates a new flow from a flow file; a file that is not a flow is refused and nothing is created. */
  /** A flow file as a new flow; numbered ("X (2)") when My flows has one of that name already. */
  importFlow(fileName: string, content: string): Flow {
    const imported = readImport(fileName, content);
    const flows = this.options.flows;
    return flows.create({ ...imported, name: uniqueFlowName(imported.name, flows.liveNames()) });
  }

  // --- for the bench and tests ---

  /** The runs an event would start now (matching only, nothing started). */
  matchEvent(event: SandboxEvent): StartRunArgs[] {
    this.loaded();
    return this.registry.match(event, this.matchContext);
  }

  // --- internals ---

  private onSandboxEvent(event: SandboxEvent): void {
    const runs = this.registry.match(event, this.matchContext);
    if (runs.length === 0) return;
    for (const run of runs) this.pending.push(run);
    if (!this.flushQueued) {
      this.flushQueued = true;
      // The sandbox emits after its transaction commits: the runs start right after, all of one
      // batch's events in one transaction of the engine.
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const list = this.pending;
    this.pending = [];
    if (list.length === 0 || !this.started) return;
    try {
      // A trigger condition that is false is the flow saying "not this one"; a full queue is news.
      const results = this.options.engine.startRuns(list);
      results.forEach((result, i) => {
        const args = list[i];
        if (!result.started && result.reason === "queue-full" && args)
          this.startProblem(args, result.message);
      });
    } catch (error) {
      // The batch rolled back: none of its runs started.
      const reason = error instanceof Error ? error.message : String(error);
      const flows = new Map(list.map((args) => [args.flow.id, args]));
      for (const args of flows.values()) this.startProblem(args, reason);
    }
  }

  private startProblem(args: StartRunArgs, reason: string): void {
    this.startProblems.report({ flowId: args.flow.id, name: args.flow.name }, reason);
  }

  private loaded(): Map<string, LiveWorkflow> {
    if (this.live) return this.live;
    this.live = new Map();
    for (const row of this.store.enabled()) {
      try {
        this.activate(row, this.versionDefinition(row.flow_id, row.version));
      } catch (error) {
        this.startProblems.report(
          { flowId: row.flow_id, name: row.name },
          `version ${row.version} could not be loaded, so its trigger is not listened to (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    }
    return this.live;
  }

  private activate(row: WorkflowRow, definition: WdlDefinition): void {
    const live = this.loaded();
    const workflow = liveWorkflow({
      flowId: row.flow_id,
      name: row.name,
      version: row.version,
      definition,
      scheduleBase: row.schedule_base ?? row.published_at,
    });
    live.set(row.flow_id, workflow);
    this.registry.set(workflow);
    if (workflow.kind === "scheduled" && this.started) {
      this.schedules.arm(
        workflow,
        Math.max(row.schedule_cursor ?? row.published_at, this.options.clock.now()),
      );
    } else {
      this.schedules.disarm(row.flow_id);
    }
  }

  private deactivate(flowId: string): void {
    this.live?.delete(flowId);
    this.registry.remove(flowId);
    this.schedules.disarm(flowId);
  }

  private enabledSets(): { published: Iterable<LiveWorkflow>; builtIns: readonly BuiltInWorkflow[] } {
    return { published: this.loaded().values(), builtIns: this.options.sandbox.listBuiltInWorkflows() };
  }

  private setBuiltInEnabled(id: string, enabled: boolean): WorkflowEntry {
    const workflow = this.builtIn(id);
    if (workflow.enabled === enabled) return builtInEntry(workflow);
    const updated = this.db.transaction(() => {
      if (enabled) {
        const scope = {
          eventKind: workflow.eventKind,
          triggerOperationId: workflow.triggerOperationId,
          tables: workflow.tables,
        };
        const blocker = findBlocker(scope, id, this.enabledSets());
        if (blocker) throw conflict(blocker);
      }
      return this.options.sandbox.setBuiltInWorkflowEnabled(id, enabled);
    })();
    return builtInEntry(updated);
  }

  private builtIn(id: string): BuiltInWorkflow {
    const workflow = this.options.sandbox.listBuiltInWorkflows().find((w) => w.id === id);
    if (!workflow) throw notFound("This workflow");
    return workflow;
  }

  private requireRow(flowId: string): WorkflowRow {
    const row = this.store.get(flowId);
    if (!row) throw notFound("This published flow");
    return row;
  }

  private versionDefinition(flowId: string, version: number): WdlDefinition {
    const parsed = parseDefinition(this.versionStore.definition(flowId, version));
    if (!parsed.ok) {
      throw new ApiError({
        code: "internal",
        message: `Version ${version} of this flow cannot be read: ${parsed.issues[0]?.message ?? "invalid definition"}.`,
      });
    }
    return parsed.definition;
  }

  private currentPolicy(): ConnectorPolicy | undefined {
    return this.options.policy?.() ?? this.appliedPolicy;
  }

  private notRunnable(flowId: string): ApiError {
    const row = this.store.get(flowId);
    if (!row) return new ApiError({ code: "not_found", message: "This flow is not published." });
    if (row.status === "suspended") {
      return new ApiError({
        code: "forbidden",
        message: `“${row.name}” is suspended: ${row.suspended_reason ?? "it breaks the connector policy"}.`,
      });
    }
    return new ApiError({
      code: "conflict",
      message: `“${row.name}” is turned off: turn it on in the workflow list to run it.`,
    });
  }
}

function approvalOf(definition: WdlDefinition) {
  const trigger = Object.values(definition.triggers ?? {})[0];
  return trigger ? approvalScopeOf(trigger) : undefined;
}

function conflict(blocker: Blocker): ApiError {
  return new ApiError({ code: "conflict", message: blockerMessage(blocker) });
}

/** invalid_input naming the first errors, with every error as an issue (nodeId/field as the path). */
function publishRefusal(name: string, check: CheckResult): ApiError {
  const errors = check.findings.filter((f) => f.severity === "error");
  const shown = errors.slice(0, ERRORS_SHOWN).map((f) => f.message);
  const more = errors.length > ERRORS_SHOWN ? ` …and ${errors.length - ERRORS_SHOWN} more.` : "";
  const count = `${errors.length} error${errors.length === 1 ? "" : "s"}`;
  const issues: Issue[] = errors.map((f) => ({
    path: f.field ? `${f.nodeId}.${f.field}` : f.nodeId,
    message: f.message,
  }));
  return new ApiError({
    code: "invalid_input",
    message: `“${name}” cannot be published: the checker found ${count}. ${shown.join(" ")}${more}`,
    issues,
  });
}
