import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { METHOD_NAMES, type MethodName } from "../../../shared/api";
import type { Backend } from "../app";
import { templateFlow } from "../publish/test-support";
import { testBackend } from "../test-support";

let backend: Backend;
let flowId: string;
beforeEach(async () => {
  backend = testBackend();
  const created = await backend.dispatch("flows.create", { name: "Existing", kind: "instant" });
  if (!created.ok) throw new Error(created.error.message);
  flowId = (created.value as { id: string }).id;
});
afterEach(() => backend.close());

const snapshot = () => ({
  flows: backend.db.prepare("SELECT * FROM flows ORDER BY id").all(),
  settings: backend.settings.get(),
  runs: backend.db.prepare("SELECT count(*) AS n FROM runs").get(),
  records: backend.db.prepare("SELECT count(*) AS n, max(seq) AS seq FROM sb_records").get(),
  faults: backend.db.prepare("SELECT count(*) AS n FROM sb_faults").get(),
  mail: backend.db.prepare("SELECT count(*) AS n FROM sb_mail").get(),
  versions: backend.db.prepare("SELECT count(*) AS n FROM flow_versions").get(),
  workflows: backend.db.prepare("SELECT * FROM workflows ORDER BY flow_id").all(),
});

/** For every method: payloads of the wrong shape, and the field the error must name. */
const BAD_INPUTS: Record<MethodName, { input: unknown; names: string }[]> = {
  "app.info": [{ input: { extra: 1 }, names: "extra" }],
  "app.dismissNotice": [
    { input: {}, names: "id" },
    { input: { id: 5 }, names: "id" },
  ],
  "flows.list": [{ input: { filter: "x" }, names: "filter" }],
  "flows.listDeleted": [{ input: [], names: "payload" }],
  "flows.get": [
    { input: {}, names: "id" },
    { input: { id: "" }, names: "id" },
  ],
  "flows.create": [
    { input: { kind: "instant" }, names: "name" },
    { input: { name: "   ", kind: "instant" }, names: "name" },
    { input: { name: "x".repeat(201), kind: "instant" }, names: "name" },
    { input: { name: "Tab\there", kind: "instant" }, names: "name" },
    { input: { name: "Ok", kind: "weekly" }, names: "kind" },
    {
      input: { name: "Ok", kind: "instant", definition: { triggers: [], actions: {} } },
      names: "definition.triggers",
    },
    { input: { name: "Ok", kind: "instant", definition: { triggers: {} } }, names: "definition.actions" },
  ],
  "flows.rename": [
    { input: { id: "x", name: "New" }, names: "revision" },
    { input: { id: "x", revision: 0, name: "New" }, names: "revision" },
    { input: { id: "x", revision: 1.5, name: "New" }, names: "revision" },
    { input: { id: "x", revision: 1, name: "" }, names: "name" },
  ],
  "flows.duplicate": [{ input: { id: 3 }, names: "id" }],
  "flows.delete": [{ input: { id: null }, names: "id" }],
  "flows.restore": [{ input: { ids: ["a"] }, names: "id" }],
  "flows.saveDraft": [
    { input: { id: "x", revision: 1 }, names: "definition" },
    { input: { id: "x", revision: "1", definition: { triggers: {}, actions: {} } }, names: "revision" },
    {
      input: { id: "x", revision: 1, definition: { triggers: {}, actions: { A: "not an object" } } },
      names: "definition.actions.A",
    },
    {
      input: { id: "x", revision: 1, definition: { triggers: {}, actions: {} }, designer: [] },
      names: "designer",
    },
  ],
  "settings.get": [{ input: { key: "theme" }, names: "key" }],
  "settings.update": [
    { input: { theme: "pink" }, names: "theme" },
    { input: { volume: 11 }, names: "volume" },
    { input: { role: "admin" }, names: "role" },
    { input: { window: { width: 10, height: 10, maximized: false } }, names: "window.width" },
  ],
  "runs.start": [
    { input: { flowId: "x", triggerOutputs: {} }, names: "source" },
    { input: { flowId: "x", source: { draft: false }, triggerOutputs: {} }, names: "source" },
    { input: { source: { draft: true }, triggerOutputs: {} }, names: "flowId" },
    { input: { flowId: "x", source: { draft: true } }, names: "triggerOutputs" },
    {
      input: { flowId: "x", source: { draft: true }, triggerOutputs: {}, fromRun: "r" },
      names: "triggerOutputs",
    },
    { input: { flowId: "x", source: { draft: true }, fromRun: "" }, names: "fromRun" },
    // A trigger's outputs are an object: a bare number would run the flow on nothing.
    { input: { flowId: "x", source: { draft: true }, triggerOutputs: 42 }, names: "triggerOutputs" },
    {
      input: { flowId: "x", source: { draft: true }, triggerOutputs: [{ body: {} }] },
      names: "triggerOutputs",
    },
  ],
  "runs.armTest": [{ input: { flow: "x" }, names: "flowId" }],
  "runs.disarmTest": [{ input: {}, names: "flowId" }],
  "runs.triggerSample": [{ input: { flowId: 1 }, names: "flowId" }],
  "runs.triggerRecords": [{ input: { flowId: "f", table: "purchase invoices" }, names: "table" }],
  "runs.triggerFromRecord": [
    { input: { flowId: "f", table: "items" }, names: "id" },
    { input: { flowId: "f", table: "items", id: "x", extra: 1 }, names: "extra" },
  ],
  "runs.get": [{ input: { id: "r" }, names: "runId" }],
  "runs.list": [
    { input: { status: ["Done"] }, names: "status[0]" },
    { input: { limit: 5000 }, names: "limit" },
    { input: { from: "yesterday" }, names: "from" },
  ],
  "runs.cancel": [{ input: { runId: "" }, names: "runId" }],
  "runs.cancelAll": [{ input: { flowId: 42 }, names: "flowId" }],
  "runs.resubmit": [{ input: {}, names: "runId" }],
  "runs.resubmitMany": [
    { input: { runIds: [] }, names: "runIds" },
    { input: { runIds: ["r"], all: true }, names: "all" },
  ],
  "sandbox.overview": [{ input: { company: "x" }, names: "company" }],
  "sandbox.tables": [{ input: { all: true }, names: "all" }],
  "sandbox.records.list": [
    { input: {}, names: "table" },
    { input: { table: "purchase invoices" }, names: "table" },
    { input: { table: "customers", top: 0 }, names: "top" },
  ],
  "sandbox.records.get": [{ input: { table: "customers" }, names: "id" }],
  "sandbox.records.create": [
    { input: { table: "customers", fields: {}, actingAs: "not-an-email" }, names: "actingAs" },
  ],
  "sandbox.records.update": [
    { input: { table: "customers", id: "c", actingAs: "a@b.example" }, names: "patch" },
  ],
  "sandbox.records.delete": [{ input: { table: "customers", id: "c" }, names: "actingAs" }],
  "sandbox.records.action": [
    {
      input: { table: "purchaseInvoices", id: "p", action: "explode", actingAs: "a@b.example" },
      names: "action",
    },
  ],
  "sandbox.approvals.list": [
    { input: { status: "Open" }, names: "status" },
    { input: { answered: true }, names: "answered" },
  ],
  "sandbox.approvals.get": [{ input: {}, names: "id" }],
  "sandbox.approvals.respond": [{ input: { id: "a", responder: "a@b.example" }, names: "response" }],
  "sandbox.mail.mailboxes": [{ input: { mailbox: "x" }, names: "mailbox" }],
  "sandbox.mail.list": [{ input: { folder: "Inbox" }, names: "mailbox" }],
  "sandbox.mail.get": [{ input: { id: 7 }, names: "id" }],
  "sandbox.mail.flag": [{ input: { id: "m", flagged: "yes", actingAs: "a@b.c" }, names: "flagged" }],
  "sandbox.mail.markRead": [
    { input: { id: "m", read: 0, actingAs: "a@b.c" }, names: "read" },
    { input: { id: "m", read: false }, names: "actingAs" },
  ],
  "sandbox.mail.delete": [
    { input: { id: "", actingAs: "a@b.c" }, names: "id" },
    { input: { id: "m", actingAs: "a@b.c", folder: "Inbox" }, names: "folder" },
  ],
  "sandbox.mail.send": [
    { input: { from: "a@b.c", to: "", subject: "", body: "" }, names: "to" },
    {
      input: {
        from: "a@b.c",
        to: "x@y.z",
        subject: "",
        body: "",
        attachments: [{ name: "a", contentBytes: "%%" }],
      },
      names: "attachments",
    },
  ],
  "sandbox.teams.list": [{ input: { team: "x" }, names: "team" }],
  "sandbox.teams.messages": [{ input: { channel: "x" }, names: "channel" }],
  "sandbox.teams.message": [{ input: {}, names: "id" }],
  "sandbox.teams.respondToCard": [{ input: { messageId: "m" }, names: "responder" }],
  "sandbox.excel.workbooks": [{ input: { file: "x" }, names: "file" }],
  "sandbox.excel.rows": [{ input: {}, names: "tableId" }],
  "sandbox.notifications.list": [
    { input: { recipient: "nobody" }, names: "recipient" },
    { input: { unread: "yes" }, names: "unread" },
  ],
  "sandbox.notifications.markRead": [
    { input: { recipient: "a@b.c", ids: [] }, names: "ids" },
    { input: { ids: ["n1"] }, names: "recipient" },
  ],
  "sandbox.notifications.clear": [{ input: { recipient: "a@b.c", all: true }, names: "all" }],
  "sandbox.resetPreview": [
    { input: { snapshot: "  " }, names: "snapshot" },
    { input: { name: "s" }, names: "name" },
  ],
  "sandbox.reset": [{ input: { hard: true }, names: "hard" }],
  "sandbox.snapshots.list": [{ input: { all: 1 }, names: "all" }],
  "sandbox.snapshots.save": [{ input: { name: "  " }, names: "name" }],
  "sandbox.snapshots.restore": [{ input: {}, names: "name" }],
  "sandbox.snapshots.delete": [{ input: { name: 3 }, names: "name" }],
  "sandbox.faults.list": [{ input: { mode: "fail" }, names: "mode" }],
  "sandbox.faults.set": [
    {
      input: { mode: "fail", connectorId: "shared_office365", statusCode: 404, count: 1 },
      names: "statusCode",
    },
    { input: { mode: "explode", connectorId: "shared_office365" }, names: "mode" },
  ],
  "sandbox.faults.clear": [{ input: { id: 4 }, names: "id" }],
  "sandbox.clock.get": [{ input: { tz: "UTC" }, names: "tz" }],
  "sandbox.clock.advance": [
    { input: { byMs: -5 }, names: "byMs" },
    { input: { toNextWait: false }, names: "toNextWait" },
  ],
  "sandbox.clock.realTime": [{ input: { offsetMs: 0 }, names: "offsetMs" }],
  "sandbox.setConnectionUser": [{ input: { email: "nobody" }, names: "email" }],
  "publish.publish": [
    { input: { note: "first" }, names: "flowId" },
    { input: { flowId: "x", note: "n".repeat(501) }, names: "note" },
  ],
  "publish.versions": [{ input: {}, names: "flowId" }],
  "publish.version": [{ input: { flowId: "x", version: 0 }, names: "version" }],
  "publish.restore": [{ input: { flowId: "x" }, names: "version" }],
  "workflows.list": [
    { input: { kind: "weekly" }, names: "kind" },
    { input: { status: "on" }, names: "status" },
  ],
  "workflows.setEnabled": [{ input: { id: "x" }, names: "enabled" }],
  "workflows.unpublish": [{ input: { id: "x" }, names: "flowId" }],
  "workflows.setMissedPolicy": [{ input: { flowId: "x", policy: "always" }, names: "policy" }],
  "workflows.dismissStartProblems": [{ input: { flowId: 3 }, names: "flowId" }],
  "workflows.httpAddress": [{ input: {}, names: "flowId" }],
  "workflows.runForm": [{ input: { flowId: "" }, names: "flowId" }],
  "workflows.run": [{ input: { flowId: "x", inputs: [] }, names: "inputs" }],
  "automate.flowsFor": [{ input: {}, names: "page" }],
  "automate.run": [
    { input: { flowId: "x", page: "vendors" }, names: "user" },
    { input: { flowId: "x", page: "vendors", user: { name: "A", email: "nope" } }, names: "user.email" },
  ],
  "automate.newFlow": [{ input: { name: "x" }, names: "page" }],
  "flows.export": [{ input: { flowId: "x", version: "1" }, names: "version" }],
  "flows.import": [{ input: { fileName: "flow.json" }, names: "content" }],
  "admin.setPolicy": [
    { input: { automateEnabled: "no" }, names: "automateEnabled" },
    {
      input: { connectorPolicy: { connectors: { shared_office365: "forbidden" } } },
      names: "connectorPolicy.connectors.shared_office365",
    },
  ],
  "admin.previewPolicy": [
    { input: {}, names: "connectorPolicy" },
    {
      input: { connectorPolicy: { connectors: { shared_office365: "forbidden" } } },
      names: "connectorPolicy.connectors.shared_office365",
    },
  ],
  "admin.signIn": [
    { input: {}, names: "passphrase" },
    { input: { passphrase: "" }, names: "passphrase" },
  ],
  "admin.signOut": [{ input: { role: "maker" }, names: "role" }],
  "admin.setPassphrase": [
    { input: { next: "short" }, names: "next" },
    { input: { next: 12345678 }, names: "next" },
  ],
};

describe("the contract at the backend's door", () => {
  it("has bad-payload cases for every method", () => {
    expect(Object.keys(BAD_INPUTS).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it(`${method}: refuses payloads of the wrong shape, names the field, writes nothing`, async () => {
      for (const { input, names } of BAD_INPUTS[method]) {
        // Ids in the table are placeholders; use the real one so only the shape is wrong.
        const payload =
          typeof input === "object" &&
          input !== null &&
          !Array.isArray(input) &&
          "id" in input &&
          input.id === "x"
            ? { ...input, id: flowId }
            : input;
        const before = snapshot();
        const result = await backend.dispatch(method, payload);
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe("invalid_input");
        expect(result.error.message).toContain(method);
        const named = [
          result.error.message,
          ...(result.error.issues ?? []).map((i) => `${i.path} ${i.message}`),
        ].join(" ");
        expect(named).toContain(names === "payload" ? "whole payload" : names);
        expect(snapshot()).toEqual(before);
      }
    });
  }

  it("refuses unknown methods by name", async () => {
    const result = await backend.dispatch("flows.drop", {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: "Unknown method 'flows.drop'." },
    });
  });

  it("turns a stale revision into a conflict error carrying the current revision", async () => {
    const ok = await backend.dispatch("flows.rename", { id: flowId, revision: 1, name: "Renamed" });
    expect(ok.ok).toBe(true);
    const stale = await backend.dispatch("flows.rename", { id: flowId, revision: 1, name: "Again" });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", currentRevision: 2 } });
  });

  it("emits flows.changed for every write", async () => {
    const seen: unknown[] = [];
    backend.events.subscribe((message) => seen.push(message));
    await backend.dispatch("flows.rename", { id: flowId, revision: 1, name: "Renamed" });
    await backend.dispatch("flows.delete", { id: flowId });
    expect(seen).toEqual([
      { event: "flows.changed", payload: { id: flowId, reason: "renamed", revision: 2 } },
      { event: "flows.changed", payload: { id: flowId, reason: "deleted", revision: 2 } },
    ]);
  });

  it("turns off the workflow of a flow moved to the recycle bin, and says so", async () => {
    const flow = templateFlow(backend, "block-vendor-payments", "Block vendor payments");
    const published = await backend.dispatch("publish.publish", { flowId: flow.id });
    expect(published).toMatchObject({ ok: true, value: { enabled: true } });
    const seen: unknown[] = [];
    backend.events.subscribe((message) => seen.push(message));
    await backend.dispatch("flows.delete", { id: flow.id });
    expect(backend.publisher.statusOf(flow.id)).toBe("disabled");
    expect(seen).toContainEqual({ event: "workflows.changed", payload: { id: flow.id } });

    // Out of the workflow list, and it cannot be turned on or opened from there while it is deleted.
    const list = await backend.dispatch("workflows.list", { search: "vendor payments" });
    expect(list).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    const enable = await backend.dispatch("workflows.setEnabled", { id: flow.id, enabled: true });
    expect(enable).toMatchObject({
      ok: false,
      error: {
        code: "not_found",
        message: expect.stringContaining("“Block vendor payments” is in the recycle bin"),
      },
    });
    expect(backend.publisher.statusOf(flow.id)).toBe("disabled");
    expect(await backend.dispatch("flows.get", { id: flow.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("Restore it from My flows") },
    });

    // Restored: back in the list, still off until someone turns it on.
    seen.length = 0;
    await backend.dispatch("flows.restore", { id: flow.id });
    expect(seen).toContainEqual({ event: "workflows.changed", payload: { id: flow.id } });
    const back = await backend.dispatch("workflows.list", { search: "vendor payments" });
    expect(back).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ id: flow.id, status: "disabled" }] },
    });
    const on = await backend.dispatch("workflows.setEnabled", { id: flow.id, enabled: true });
    expect(on).toMatchObject({ ok: true, value: { status: "enabled" } });
  });

  it("deletes a flow and turns off its workflow together, or neither", async () => {
    const flow = templateFlow(backend, "block-vendor-payments", "Block vendor payments");
    await backend.dispatch("publish.publish", { flowId: flow.id });
    // The workflow store refusing the change must leave the flow where it was, not half deleted.
    backend.db.exec(
      "CREATE TRIGGER refuse BEFORE UPDATE OF status ON workflows BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const refused = await backend.dispatch("flows.delete", { id: flow.id });
    expect(refused.ok).toBe(false);
    backend.db.exec("DROP TRIGGER refuse");
    expect(await backend.dispatch("flows.get", { id: flow.id })).toMatchObject({ ok: true });
    expect(backend.publisher.statusOf(flow.id)).toBe("enabled");
  });
});
