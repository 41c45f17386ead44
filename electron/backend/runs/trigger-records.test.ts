import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findTemplate, templateDefinition } from "../../../shared/templates";
import type { Backend } from "../app";
import { buttonFlow, mailFlow, recordFlow } from "../publish/test-support";
import { testBackend } from "../test-support";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

const MARCUS = "marcus.bell@cronus-demo.example";

async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = await backend.dispatch(method as never, input as never);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

async function refused(method: string, input: unknown) {
  const answer = await backend.dispatch(method as never, input as never);
  if (answer.ok) throw new Error(`${method} was accepted`);
  return answer.error;
}

function fromTemplate(id: string) {
  const template = findTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return backend.flows.create({
    name: template.title,
    kind: template.kind,
    definition: templateDefinition(template) as never,
  });
}

interface Records {
  kind: string;
  tables: { name: string; title: string }[];
  items: { table: string; id: string; title: string; detail: string }[];
  total: number;
}

describe("test with a record from the sandbox", () => {
  it("a record trigger lists its table's records, and a picked record gives the outputs a change would", async () => {
    const flow = backend.flows.create({ name: "Items", kind: "automated", definition: recordFlow("items") });
    const all = await call<Records>("runs.triggerRecords", { flowId: flow.id });
    expect(all).toMatchObject({ kind: "record", tables: [{ name: "items", title: "Items" }] });
    expect(all.total).toBeGreaterThan(50);
    const picked = all.items[0];
    if (!picked) throw new Error("no items");
    expect(picked.title).toMatch(/^Item /);

    const narrowed = await call<Records>("runs.triggerRecords", {
      flowId: flow.id,
      search: picked.title.slice(5),
    });
    expect(narrowed.items.map((i) => i.id)).toContain(picked.id);
    expect(narrowed.total).toBeLessThan(all.total);

    const sample = await call<{ outputs: unknown; description: string }>("runs.triggerFromRecord", {
      flowId: flow.id,
      table: "items",
      id: picked.id,
    });
    expect(sample.outputs).toEqual({
      headers: { "x-ms-event": "record.modified" },
      body: backend.sandbox.getRecord("items", picked.id),
    });
    expect(sample.description).toBe(`What the trigger reports when ${picked.title} is modified.`);

    // The same outputs as a real change, once the change itself is left out.
    const changed = { ...backend.sandbox.getRecord("items", picked.id), unitPrice: 9 };
    backend.publisher.publish(flow.id, { publishedBy: "me" });
    backend.sandbox.updateRecord("items", picked.id, { unitPrice: 9 }, MARCUS);
    await backend.publisher.settle();
    const run = backend.engine.listRuns({ flowId: flow.id }).runs[0];
    const real = backend.engine.getRun(run?.id ?? "")?.triggerOutputs as { body: Record<string, unknown> };
    expect(Object.keys(real.body).sort()).toEqual(Object.keys(changed).sort());
  });

  it("an approval trigger gives the open request's Workflow Step Id, and says so when there is none", async () => {
    const flow = fromTemplate("approve-purchase-invoice");
    const list = await call<Records>("runs.triggerRecords", { flowId: flow.id });
    expect(list.kind).toBe("approval");
    expect(list.tables.map((t) => t.name)).toEqual(["purchaseInvoices"]);
    const invoice = backend.sandbox.findRecord("purchaseInvoices", "PI-1001");
    if (!invoice) throw new Error("PI-1001 missing");
    const pick = { flowId: flow.id, table: "purchaseInvoices", id: String(invoice.id) };

    const none = await call<{ outputs: unknown; description: string }>("runs.triggerFromRecord", pick);
    expect(none.outputs).toMatchObject({ body: { "Row Id": String(invoice.id), "Workflow Step Id": "" } });
    expect(none.description).toContain("Purchase invoice PI-1001 has no open approval request");

    const request = backend.sandbox.sendForApproval("purchaseInvoices", String(invoice.id), MARCUS);
    const open = await call<{ outputs: unknown }>("runs.triggerFromRecord", pick);
    expect(open.outputs).toEqual({
      headers: { "x-ms-event": "approval.requested" },
      body: {
        "Row Id": String(invoice.id),
        "Workflow Step Id": request.id,
        "Requested By User Email": MARCUS,
      },
    });

    // A test started on them runs the flow: it waits on its approval.
    const started = await call<{ started: boolean; runId: string }>("runs.start", {
      flowId: flow.id,
      source: { draft: true },
      triggerOutputs: open.outputs,
    });
    await backend.engine.idle();
    expect(backend.engine.getRunSummary(started.runId)?.status).toBe("Waiting");
  });

  it("a mail trigger lists the Inbox of the connections' user and gives one email as the body", async () => {
    const flow = backend.flows.create({ name: "Mail", kind: "automated", definition: mailFlow() });
    const me = backend.sandbox.connectionUser();
    expect((await call<Records>("runs.triggerRecords", { flowId: flow.id })).items).toEqual([]);
    backend.sandbox.sendMail(MARCUS, { to: me, subject: "Invoice 12", body: "Attached." });
    const list = await call<Records>("runs.triggerRecords", { flowId: flow.id });
    expect(list).toMatchObject({ kind: "mail", total: 1, items: [{ table: "mail", title: "Invoice 12" }] });
    const sample = await call<{ outputs: unknown }>("runs.triggerFromRecord", {
      flowId: flow.id,
      table: "mail",
      id: list.items[0]?.id,
    });
    expect(sample.outputs).toMatchObject({
      body: { subject: "Invoice 12", from: MARCUS, body: "<p>Attached.</p>" },
    });
  });

  it("“For a selected record” gives the record's SystemId, run by the connections' user", async () => {
    const flow = fromTemplate("block-vendor-payments");
    const list = await call<Records>("runs.triggerRecords", { flowId: flow.id });
    expect(list).toMatchObject({ kind: "selected-record", tables: [{ name: "vendors" }] });
    const vendor = list.items[0];
    const sample = await call<{ outputs: unknown }>("runs.triggerFromRecord", {
      flowId: flow.id,
      table: "vendors",
      id: vendor?.id,
    });
    expect(sample.outputs).toMatchObject({
      headers: { "x-ms-user-email": backend.sandbox.connectionUser() },
      body: { SystemId: vendor?.id },
    });
  });

  it("refuses a trigger that reports on no record, a table the trigger does not watch, and a record that is not there", async () => {
    const button = backend.flows.create({ name: "Button", kind: "instant", definition: buttonFlow() });
    expect(await refused("runs.triggerRecords", { flowId: button.id })).toMatchObject({
      code: "invalid_input",
      message: "This flow's trigger does not report on a sandbox record: enter the trigger data instead.",
    });
    const items = backend.flows.create({ name: "Items", kind: "automated", definition: recordFlow("items") });
    expect(
      await refused("runs.triggerFromRecord", { flowId: items.id, table: "vendors", id: "x" }),
    ).toMatchObject({
      code: "invalid_input",
      message: "This trigger does not report records of 'vendors'.",
    });
    expect(
      await refused("runs.triggerFromRecord", { flowId: items.id, table: "items", id: "nope" }),
    ).toMatchObject({
      code: "not_found",
      message: "There is no record 'nope' in items.",
    });
  });
});
