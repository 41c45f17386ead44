// The connector sandbox: a demo company's world in SQLite that flows run against (as the engine's
// ConnectorRuntime) and that people work in from the sandbox UI (this class's methods). Every
// change raises typed events, after its transaction commits.
import type { Database } from "better-sqlite3";
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import type {
  ConnectorCall,
  ConnectorOutcome,
  ConnectorRuntime,
  SignalSink,
} from "../engine/connector-runtime";
import { type ApprovalListOptions, Approvals } from "./approvals";
import { actionsOf, BcActions } from "./bc-actions";
import { BcRequests } from "./bc-requests";
import { BusinessCentral, type FindOptions } from "./business-central";
import { CallLog } from "./call-log";
import { badParameter, badRequest } from "./errors";
import { SandboxEmitter, type SandboxEventListener } from "./events";
import { Excel } from "./excel";
import { Faults } from "./faults";
import { contentTypeOf, Mail, textToHtml } from "./mail";
import { Notifications } from "./notifications";
import { parseAddresses } from "./params";
import { Directory } from "./people";
import { RecordStore } from "./records";
import { invokeOperation } from "./runtime";
import { DEFAULT_SEED, generateDemoCompany, loadDemoCompany } from "./seed";
import { CONNECTION_USER, FLOW_SENDER, FLOW_SENDER_NAME } from "./seed/people";
import type { Services } from "./services";
import { Snapshots, twinOf, WORLD_TABLES } from "./snapshots";
import { SANDBOX_TABLES } from "./tables";
import { Teams } from "./teams";
import type {
  Approval,
  ApprovalRequestView,
  BcApprovalRequest,
  BcRequestStatus,
  BuiltInWorkflow,
  ExcelRow,
  Fault,
  FaultSpec,
  Group,
  Mailbox,
  MailMessage,
  Origin,
  Page,
  PageOptions,
  Person,
  SandboxNotification,
  SandboxRecord,
  Snapshot,
  TeamsChannel,
  TeamsChat,
  TeamsMessage,
  TeamsTeam,
  Workbook,
} from "./types";
import { Workflows } from "./workflows";
import { prepared, World } from "./world";

/** A Teams channel or chat as listed: with the cards a run waits on there. */
type Waiting<T> = T & { waitingCards: number };

export interface SandboxOptions {
  db: Database;
  clock: Clock;
  signals: SignalSink;
  /** Receives every event (also available per type through `sandbox.events`). */
  events?: SandboxEventListener;
  /** The demo company's seed number; the same number builds the same company. */
  seed?: number;
}

export interface TableSummary {
  name: string;
  title: string;
  numberField: string;
  kind: string;
  fields: { name: string; title: string; type: string; readOnly: boolean; enum?: readonly string[] }[];
  count: number;
  /** Actions runAction accepts ("release", "post", "sendForApproval"…). */
  actions: string[];
  linesTable: string | null;
  /** Lines: the table of their documents. */
  documentTable: string | null;
}

/** A step's wait on a request of the world (an approval, a Teams card), as sb_waiters keeps it. */
export interface LostWait {
  /** The engine's wait token ("approval:<id>", "card:<id>"…). */
  token: string;
  kind: "approval" | "card";
  /** The approval's or the message's id. */
  targetId: string;
}

interface WaiterRow {
  token: string;
  kind: "approval" | "card";
  target_id: string;
}

const lostWait = (row: WaiterRow): LostWait => ({
  token: row.token,
  kind: row.kind,
  targetId: row.target_id,
});

export class Sandbox implements ConnectorRuntime {
  readonly events = new SandboxEmitter();
  private readonly world: World;
  private readonly services: Services;
  private readonly faults: Faults;
  private readonly calls: CallLog;
  private readonly snapshots: Snapshots;
  private readonly seed: number;

  constructor(options: SandboxOptions) {
    if (options.events) this.events.onAny(options.events);
    this.seed = options.seed ?? DEFAULT_SEED;
    const world = new World(options.db, options.clock, options.signals, this.events);
    this.world = world;
    const directory = new Directory(options.db);
    const mail = new Mail(world, directory);
    const approvals = new Approvals(world, directory, mail);
    const workflows = new Workflows(world);
    const bc = new BusinessCentral(world, new RecordStore(options.db));
    const requests = new BcRequests(world, bc, directory, approvals, workflows);
    this.services = {
      world,
      directory,
      bc,
      requests,
      actions: new BcActions(world, bc, requests),
      approvals,
      mail,
      teams: new Teams(world, directory),
      excel: new Excel(world),
      notifications: new Notifications(world),
      workflows,
      connectionUser: () => this.connectionUser(),
    };
    this.faults = new Faults(world);
    this.calls = new CallLog(world);
    this.snapshots = new Snapshots(world);
    if (this.meta("seeded") === undefined) this.load();
  }

  // --- the engine's side ---

  /** Runs one connector operation of a flow step against the world. */
  invoke(call: ConnectorCall): Promise<ConnectorOutcome> {
    return invokeOperation(call, this.services, this.faults, this.calls, this.world.clock);
  }

  /**
   * Steps that waited on these tokens will never take an answer (their run was cancelled or timed
   * out): an approval their step requested is canceled, a card they posted stops waiting. A request
   * that another step still waits on (Wait for an approval) stays as it is.
   */
  abandon(tokens: readonly string[]): void {
    this.world.tx(() => {
      for (const token of tokens) {
        const waiter = prepared(this.world.db, "SELECT kind, target_id FROM sb_waiters WHERE token = ?").get(
          token,
        ) as { kind: "approval" | "card"; target_id: string } | undefined;
        if (!waiter) continue;
        prepared(this.world.db, "DELETE FROM sb_waiters WHERE token = ?").run(token);
        const stillWaited =
          prepared(this.world.db, "SELECT 1 FROM sb_waiters WHERE kind = ? AND target_id = ?").get(
            waiter.kind,
            waiter.target_id,
          ) !== undefined;
        if (stillWaited) continue;
        // Start and wait waits on "approval:<id>"; Wait for an approval on a token of its own, and
        // the request it waited for belongs to the step that created it.
        if (waiter.kind === "approval" && token === `approval:${waiter.target_id}`) {
          this.services.approvals.cancel(waiter.target_id);
        } else if (waiter.kind === "card") {
          this.services.teams.stopWaiting(waiter.target_id);
        }
      }
    });
  }

  /** Runs deleted from history will not send a call again: their calls' outcomes can go. */
  forgetRuns(runIds: readonly string[]): number {
    return this.world.tx(() => this.calls.forgetRuns(runIds));
  }

  /**
   * Runs fn in one transaction: its changes commit together and their events are emitted after
   * the commit (none if fn throws).
   */
  batch<T>(fn: () => T): T {
    return this.world.tx(fn);
  }

  // --- Business Central ---

  tables(): TableSummary[] {
    return SANDBOX_TABLES.map((table) => ({
      name: table.name,
      title: table.title,
      numberField: table.numberField,
      kind: table.kind,
      fields: table.fields.map((field) => ({
        name: field.name,
        title: field.title,
        type: field.type,
        readOnly: field.readOnly ?? false,
        ...(field.enum ? { enum: field.enum } : {}),
      })),
      count: this.services.bc.records.count(table.name),
      actions: actionsOf(table),
      linesTable: table.linesTable ?? null,
      documentTable: table.documentTable ?? null,
    }));
  }

  /** A page of a table's records: OData filter and order, and the list's search box. */
  listRecords(table: string, options: FindOptions = {}): Page<SandboxRecord> {
    const { total, records } = this.services.bc.find(table, options);
    return { total, items: records };
  }

  getRecord(table: string, id: string): SandboxRecord {
    return this.services.bc.get(table, id);
  }

  /** A record by id or number ("PI-1001"); undefined when there is none. */
  findRecord(table: string, idOrNumber: string): SandboxRecord | undefined {
    return this.services.bc.lookup(table, idOrNumber);
  }

  documentLines(table: string, id: string): SandboxRecord[] {
    this.services.bc.get(table, id);
    return this.services.bc.lines(table, id);
  }

  createRecord(table: string, fields: JsonObject, actingAs: string): SandboxRecord {
    return this.services.bc.create(table, fields, this.person(actingAs), "");
  }

  updateRecord(table: string, id: string, patch: JsonObject, actingAs: string): SandboxRecord {
    return this.services.bc.update(table, id, patch, this.person(actingAs), "");
  }

  deleteRecord(table: string, id: string, actingAs: string): void {
    this.services.bc.delete(table, id, this.person(actingAs));
  }

  /** A bound action: release, reopen, post, makeOrder, makeInvoice, sendForApproval, cancelApprovalRequest. */
  runAction(table: string, id: string, action: string, actingAs: string): JsonValue {
    return this.services.actions.run(table, id, action, this.person(actingAs), actingAs);
  }

  /** "Send approval request": the record goes to Pending Approval and approval.requested fires. */
  sendForApproval(table: string, id: string, requestedBy: string): BcApprovalRequest {
    return this.services.requests.send(table, id, requestedBy, this.person(requestedBy));
  }

  cancelApprovalRequest(table: string, id: string, actingAs: string): BcApprovalRequest {
    return this.services.requests.cancelFor(table, id, this.person(actingAs));
  }

  /**
   * The record's open approval request as its card shows it, or null. `flowsStartedOn` counts the
   * flows that started on a request: the sandbox raises the event, others start the flows.
   */
  openApprovalRequest(
    table: string,
    id: string,
    flowsStartedOn: (request: BcApprovalRequest) => number,
  ): ApprovalRequestView | null {
    const request = this.services.requests.openFor(table, id);
    return request ? this.services.requests.view(request, flowsStartedOn) : null;
  }

  /** The record's latest request if it was approved or rejected (its card says by whom), or null. */
  decidedApprovalRequest(
    table: string,
    id: string,
    flowsStartedOn: (request: BcApprovalRequest) => number,
  ): ApprovalRequestView | null {
    const request = this.services.requests.lastDecidedFor(table, id);
    return request ? this.services.requests.view(request, flowsStartedOn) : null;
  }

  /** A request by its id ("Workflow Step Id") as a card shows it, whatever its status. */
  approvalRequestView(
    requestId: string,
    flowsStartedOn: (request: BcApprovalRequest) => number,
  ): ApprovalRequestView {
    return this.services.requests.view(this.services.requests.get(requestId), flowsStartedOn);
  }

  /** Approves or rejects a Business Central approval request (what a flow does once it has decided). */
  decideApprovalRequest(
    requestId: string,
    decision: "approve" | "reject",
    actingAs: string,
  ): BcApprovalRequest {
    const origin = this.person(actingAs);
    return decision === "approve"
      ? this.services.requests.approve(requestId, origin)
      : this.services.requests.reject(requestId, origin);
  }

  listApprovalRequests(
    options: { status?: BcRequestStatus; table?: string; recordId?: string } = {},
  ): BcApprovalRequest[] {
    return this.services.requests.list(options);
  }

  // --- people ---

  listPeople(): Person[] {
    return this.services.directory.people();
  }

  getPerson(email: string): Person | undefined {
    return this.services.directory.person(email);
  }

  listGroups(): Group[] {
    return this.services.directory.groups();
  }

  /** Addresses that send mail without being people of the company (the flows' sender), by name. */
  listSenders(): { email: string; displayName: string }[] {
    return [{ email: FLOW_SENDER, displayName: FLOW_SENDER_NAME }];
  }

  /** The person the flows' connections belong to ("me" in Send me a notification). */
  connectionUser(): string {
    return this.meta("connection_user") ?? CONNECTION_USER;
  }

  /** A person's or group's name ("Daniel Reyes"); the address itself for anyone else. */
  displayName(email: string): string {
    return this.services.directory.displayName(email);
  }

  setConnectionUser(email: string): void {
    const person = this.services.directory.person(email);
    if (!person) throw badRequest(`${email} is not a person of the company.`);
    this.setMeta("connection_user", person.email);
  }

  // --- approvals ---

  listApprovals(options: ApprovalListOptions = {}): Page<Approval> {
    return this.services.approvals.list(options);
  }

  getApproval(id: string): Approval {
    return this.services.approvals.get(id);
  }

  /** Answers as an approver; completing the approval signals the waiting steps in the same transaction. */
  respondToApproval(
    id: string,
    answer: { responder: string; response: string; comments?: string },
  ): Approval {
    return this.services.approvals.respond(id, answer);
  }

  cancelApproval(id: string): Approval {
    return this.services.approvals.cancel(id);
  }

  // --- Outlook ---

  listMailboxes(): Mailbox[] {
    return this.services.mail.mailboxes();
  }

  listMessages(
    mailbox: string,
    options: PageOptions & { folder?: "Inbox" | "Sent Items"; search?: string } = {},
  ): Page<MailMessage> {
    return this.services.mail.list(mailbox, options);
  }

  getMessage(id: string): MailMessage {
    return this.services.mail.get(id);
  }

  markMessageRead(id: string, read = true): MailMessage {
    return this.services.mail.markRead(id, read);
  }

  /** Flags (or clears the flag of) an email, as the person acted as. */
  flagMessage(id: string, flagged: boolean, actingAs: string): MailMessage {
    return this.services.mail.setFlag(id, flagged, this.person(actingAs));
  }

  /** Marks an email read or unread, as the person acted as (Outlook → Mark as unread). */
  setMessageRead(id: string, read: boolean, actingAs: string): MailMessage {
    this.person(actingAs);
    return this.services.mail.markRead(id, read);
  }

  /** Deletes one copy of an email, as the person acted as (Outlook → Delete). */
  deleteMessage(id: string, actingAs: string): void {
    this.person(actingAs);
    this.services.mail.delete(id);
  }

  /**
   * An email a person writes in Outlook (plain text): delivered like a flow's, but from a person,
   * so the mail triggers of published flows and armed tests see it.
   */
  sendMail(
    from: string,
    mail: {
      to: string;
      cc?: string;
      subject: string;
      body: string;
      importance?: "Low" | "Normal" | "High";
      attachments?: readonly { name: string; contentBytes: string }[];
    },
  ): { messageId: string; mailboxes: string[] } {
    const origin = this.person(from);
    const to = parseAddresses(mail.to, "to");
    if (to.length === 0) throw badParameter("to", "at least one recipient is required.");
    return this.services.mail.send({
      from: origin.email,
      to,
      cc: parseAddresses(mail.cc ?? "", "cc"),
      subject: mail.subject.trim(),
      body: textToHtml(mail.body),
      importance: mail.importance ?? "Normal",
      attachments: (mail.attachments ?? []).map((a) => ({
        name: a.name.trim(),
        contentBytes: a.contentBytes,
        contentType: contentTypeOf(a.name),
      })),
      origin,
    });
  }

  // --- Teams ---

  /** The teams and their channels, each with the cards that wait for an answer there. */
  listTeams(): (Omit<TeamsTeam, "channels"> & { channels: Waiting<TeamsChannel>[] })[] {
    const waiting = this.services.teams.waitingCards();
    return this.services.teams.teams().map((team) => ({
      ...team,
      channels: team.channels.map((channel) => ({ ...channel, waitingCards: waiting.get(channel.id) ?? 0 })),
    }));
  }

  /** The group and bot chats, each with the cards that wait for an answer there. */
  listChats(): Waiting<TeamsChat>[] {
    const waiting = this.services.teams.waitingCards();
    return this.services.teams.chats().map((chat) => ({ ...chat, waitingCards: waiting.get(chat.id) ?? 0 }));
  }

  listTeamsMessages(where: { channelId?: string; chatId?: string } & PageOptions): Page<TeamsMessage> {
    return this.services.teams.messages(where);
  }

  /** A message, and how many of its place are newer (a link to it loads that many first). */
  getTeamsMessage(id: string): TeamsMessage & { newer: number } {
    const teams = this.services.teams;
    return { ...teams.get(id), newer: teams.newerThan(id) };
  }

  /** Submits a waiting card as a person; the waiting step resumes with the answer. */
  respondToCard(
    messageId: string,
    answer: { responder: string; actionId?: string; data?: JsonObject },
  ): TeamsMessage {
    return this.services.teams.respondToCard(messageId, answer);
  }

  // --- Excel ---

  listWorkbooks(): Workbook[] {
    return this.services.excel.workbooks();
  }

  listExcelRows(tableId: string, options: PageOptions = {}): Page<ExcelRow> {
    return this.services.excel.rows(tableId, options);
  }

  // --- notifications ---

  listNotifications(
    options: PageOptions & { recipient?: string; unread?: boolean } = {},
  ): Page<SandboxNotification> {
    return this.services.notifications.list(options);
  }

  markNotificationRead(id: string): void {
    this.services.notifications.markRead(id);
  }

  /** The person acted as reads their notifications: those of `ids`, or all. Returns how many were unread. */
  markNotificationsRead(recipient: string, ids?: readonly string[]): number {
    return this.services.notifications.markReadFor(this.person(recipient).email, ids);
  }

  /** The person acted as clears all their notifications. Returns how many there were. */
  clearNotifications(recipient: string): number {
    return this.services.notifications.clear(this.person(recipient).email);
  }

  // --- built-in approval workflows ---

  listBuiltInWorkflows(): BuiltInWorkflow[] {
    return this.services.workflows.list();
  }

  setBuiltInWorkflowEnabled(id: string, enabled: boolean): BuiltInWorkflow {
    return this.services.workflows.setEnabled(id, enabled);
  }

  // --- reset and snapshots ---

  /**
   * The steps' waits whose request (an approval, a card) would not be waiting for an answer after
   * a reset (no name: the demo company has none of them) or after restoring snapshot `name`, where
   * a request pending under the same id keeps its waiter. Nobody could ever answer the others.
   */
  lostWaits(snapshot?: string): LostWait[] {
    const db = this.world.db;
    if (snapshot === undefined) {
      return (
        prepared(
          db,
          "SELECT token, kind, target_id FROM sb_waiters ORDER BY created_at, token",
        ).all() as WaiterRow[]
      ).map(lostWait);
    }
    this.snapshots.get(snapshot);
    const rows = prepared(
      db,
      `SELECT w.token, w.kind, w.target_id FROM sb_waiters AS w
        WHERE NOT (
          (w.kind = 'approval' AND EXISTS (SELECT 1 FROM ${twinOf("sb_approvals")} AS a
             WHERE a.snapshot_name = ? AND a.id = w.target_id AND a.status = 'Pending'))
          OR (w.kind = 'card' AND EXISTS (SELECT 1 FROM ${twinOf("sb_messages")} AS m
             WHERE m.snapshot_name = ? AND m.id = w.target_id AND m.card_state = 'waiting')))
        ORDER BY w.created_at, w.token`,
    ).all(snapshot, snapshot) as WaiterRow[];
    return rows.map(lostWait);
  }

  /**
   * Back to the demo company; raises sandbox.reset. Faults and snapshots stay. Returns the waits it
   * left without their request (see lostWaits): their waiter rows go in the same transaction, so
   * that no answer to a later request could ever reach them; the caller ends their runs.
   */
  reset(): LostWait[] {
    return this.world.tx(() => {
      const lost = this.forgetLostWaits();
      this.load();
      this.calls.clear();
      this.world.emit({ type: "sandbox.reset", payload: { reason: "reset", snapshot: null } });
      return lost;
    });
  }

  saveSnapshot(name: string): Snapshot {
    return this.snapshots.save(name);
  }

  listSnapshots(): Snapshot[] {
    return this.snapshots.list();
  }

  /** Replaces the world with the snapshot's copy; returns the waits it left without their request, as reset() does. */
  restoreSnapshot(name: string): LostWait[] {
    return this.world.tx(() => {
      const lost = this.forgetLostWaits(name);
      this.snapshots.restore(name);
      this.calls.clear();
      return lost;
    });
  }

  /** Inside a reset's or a restore's transaction: drops the waiter rows of the waits it loses. */
  private forgetLostWaits(snapshot?: string): LostWait[] {
    const lost = this.lostWaits(snapshot);
    const forget = prepared(this.world.db, "DELETE FROM sb_waiters WHERE token = ?");
    for (const wait of lost) forget.run(wait.token);
    return lost;
  }

  deleteSnapshot(name: string): void {
    this.snapshots.delete(name);
  }

  // --- faults ---

  setFault(spec: FaultSpec): Fault {
    return this.faults.set(spec);
  }

  listFaults(): Fault[] {
    return this.faults.list();
  }

  /** Clears one fault by id, or all. */
  clearFaults(id?: string): void {
    this.faults.clear(id);
  }

  // --- internals ---

  private load(): void {
    this.world.tx(() => {
      for (const table of WORLD_TABLES) prepared(this.world.db, `DELETE FROM ${table}`).run();
      loadDemoCompany(this.world.db, generateDemoCompany(this.world.now(), this.seed));
      this.setMeta("seeded", String(this.seed));
    });
  }

  private person(email: string): Extract<Origin, { kind: "person" }> {
    const person = this.services.directory.person(email);
    if (!person)
      throw badRequest(`${email || "(nobody)"} is not a person of the company; act as one of its people.`);
    return { kind: "person", email: person.email };
  }

  private meta(key: string): string | undefined {
    const row = prepared(this.world.db, "SELECT value FROM sb_meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  private setMeta(key: string, value: string): void {
    prepared(
      this.world.db,
      "INSERT INTO sb_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }
}
