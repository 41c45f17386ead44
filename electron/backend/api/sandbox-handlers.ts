// sandbox.*: the demo company as the sandbox pages show it, and the simulation's controls.
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import type { SimulationClock } from "../clock";
import type { Engine } from "../engine";
import { type BcApprovalRequest, COMPANY_NAME, type Sandbox } from "../sandbox";
import { previewSandboxReset, resetSandbox, restoreSandboxSnapshot } from "../sandbox-reset";
import type { Handlers } from "./dispatch";

type SandboxMethods = Pick<Handlers, `sandbox.${string}` & keyof Handlers>;

export function sandboxHandlers({
  sandbox,
  clock,
  engine,
}: {
  sandbox: Sandbox;
  clock: SimulationClock;
  engine: Engine;
}): SandboxMethods {
  const clockState = () => {
    const next = clock.nextTimerAt();
    return {
      now: new Date(clock.now()).toISOString(),
      offsetMs: clock.offsetMs,
      nextWaitAt: next === undefined ? null : new Date(next).toISOString(),
    };
  };
  // Each timer the advance fires may start work: let the engine finish it before the next one fires.
  const settle = () => engine.idle();
  const asRecord = (value: unknown) => value as JsonObject;
  const flowsStartedOn = (request: BcApprovalRequest) => flowsStartedOnRequest(engine, request);

  return {
    "sandbox.overview": () => ({
      company: COMPANY_NAME,
      connectionUser: sandbox.connectionUser(),
      people: sandbox.listPeople() as never,
      groups: sandbox.listGroups() as never,
      senders: sandbox.listSenders(),
    }),
    "sandbox.tables": () => sandbox.tables() as never,
    "sandbox.records.list": ({ table, ...options }) => sandbox.listRecords(table, options) as never,
    "sandbox.records.get": ({ table, id }) => ({
      record: sandbox.getRecord(table, id),
      lines: sandbox.documentLines(table, id),
      approvalRequest: sandbox.openApprovalRequest(table, id, flowsStartedOn),
      decidedRequest: sandbox.decidedApprovalRequest(table, id, flowsStartedOn),
    }),
    "sandbox.records.create": ({ table, fields, actingAs }) => sandbox.createRecord(table, fields, actingAs),
    "sandbox.records.update": ({ table, id, patch, actingAs }) =>
      sandbox.updateRecord(table, id, patch, actingAs),
    "sandbox.records.delete": ({ table, id, actingAs }) => {
      sandbox.deleteRecord(table, id, actingAs);
      return {};
    },
    "sandbox.records.action": async ({ table, id, action, actingAs }) => {
      const result = sandbox.runAction(table, id, action, actingAs);
      if (action !== "sendForApproval" || !isJsonObject(result) || typeof result.id !== "string")
        return result;
      // The publisher and armed tests start their runs on the event right after it (a microtask
      // later): once they have, the request can say who answers it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return { ...result, ...sandbox.approvalRequestView(result.id, flowsStartedOn) };
    },
    "sandbox.approvals.list": (options) => sandbox.listApprovals(options) as never,
    "sandbox.approvals.get": ({ id }) => sandbox.getApproval(id) as never,
    "sandbox.approvals.respond": ({ id, responder, response, comments }) =>
      sandbox.respondToApproval(id, {
        responder,
        response,
        ...(comments !== undefined ? { comments } : {}),
      }) as never,
    "sandbox.mail.mailboxes": () => sandbox.listMailboxes() as never,
    "sandbox.mail.list": ({ mailbox, ...options }) => sandbox.listMessages(mailbox, options) as never,
    "sandbox.mail.get": ({ id }) => asRecord(sandbox.markMessageRead(id, true)) as never,
    "sandbox.mail.flag": ({ id, flagged, actingAs }) =>
      asRecord(sandbox.flagMessage(id, flagged, actingAs)) as never,
    "sandbox.mail.markRead": ({ id, read, actingAs }) =>
      asRecord(sandbox.setMessageRead(id, read, actingAs)) as never,
    "sandbox.mail.delete": ({ id, actingAs }) => {
      sandbox.deleteMessage(id, actingAs);
      return {};
    },
    "sandbox.mail.send": ({ from, ...mail }) => sandbox.sendMail(from, mail),
    "sandbox.teams.list": () => ({
      teams: sandbox.listTeams() as never,
      chats: sandbox.listChats() as never,
    }),
    "sandbox.teams.messages": (where) => sandbox.listTeamsMessages(where) as never,
    "sandbox.teams.message": ({ id }) => sandbox.getTeamsMessage(id) as never,
    "sandbox.teams.respondToCard": ({ messageId, ...response }) =>
      sandbox.respondToCard(messageId, response) as never,
    "sandbox.excel.workbooks": () => sandbox.listWorkbooks() as never,
    "sandbox.excel.rows": ({ tableId, ...page }) => sandbox.listExcelRows(tableId, page) as never,
    "sandbox.notifications.list": (options) => sandbox.listNotifications(options) as never,
    "sandbox.notifications.markRead": ({ recipient, ids }) => ({
      marked: sandbox.markNotificationsRead(recipient, ids),
    }),
    "sandbox.notifications.clear": ({ recipient }) => ({ cleared: sandbox.clearNotifications(recipient) }),
    "sandbox.resetPreview": ({ snapshot }) => ({ runs: previewSandboxReset({ sandbox, engine }, snapshot) }),
    "sandbox.reset": () => ({ cancelled: resetSandbox({ sandbox, engine }).length }),
    "sandbox.snapshots.list": () => sandbox.listSnapshots() as never,
    "sandbox.snapshots.save": ({ name }) => sandbox.saveSnapshot(name) as never,
    "sandbox.snapshots.restore": ({ name }) => ({
      cancelled: restoreSandboxSnapshot({ sandbox, engine }, name).length,
    }),
    "sandbox.snapshots.delete": ({ name }) => {
      sandbox.deleteSnapshot(name);
      return {};
    },
    "sandbox.faults.list": () => sandbox.listFaults() as never,
    "sandbox.faults.set": (spec) => sandbox.setFault(spec as never) as never,
    "sandbox.faults.clear": ({ id }) => {
      sandbox.clearFaults(id);
      return {};
    },
    "sandbox.clock.get": () => clockState(),
    "sandbox.clock.advance": async (input) => {
      const fired =
        "byMs" in input ? await clock.advanceBy(input.byMs, settle) : await clock.advanceToNext(settle);
      await engine.idle();
      return { ...clockState(), fired };
    },
    "sandbox.clock.realTime": () => {
      clock.returnToRealTime();
      return clockState();
    },
    "sandbox.setConnectionUser": ({ email }) => {
      sandbox.setConnectionUser(email);
      return {};
    },
  };
}

/**
 * How many flows started on a Business Central approval request. The sandbox raises the event, but
 * the publisher (published flows) and the test runs (a designer test waiting for it) start the flows,
 * and the request row keeps no count: so the run history, the record of what did start, is read. A
 * run started on a request carries its id as the trigger's "Workflow Step Id"; only runs started
 * since the request was sent are looked at. Runs removed by Settings → Run history no longer count.
 */
export function flowsStartedOnRequest(
  engine: Pick<Engine, "listRuns" | "triggerOutputsOf">,
  request: Pick<BcApprovalRequest, "id" | "createdAt">,
): number {
  const flows = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = engine.listRuns({ from: request.createdAt, limit: 500, ...(cursor ? { cursor } : {}) });
    for (const run of page.runs) {
      if (!flows.has(run.flowId) && stepIdOf(engine.triggerOutputsOf(run.id)) === request.id)
        flows.add(run.flowId);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return flows.size;
}

function stepIdOf(outputs: JsonValue | undefined): JsonValue | undefined {
  const body = isJsonObject(outputs) ? outputs.body : undefined;
  return isJsonObject(body) ? body["Workflow Step Id"] : undefined;
}
