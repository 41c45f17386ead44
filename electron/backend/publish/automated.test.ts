import { describe, expect, it } from "vitest";
import { ACTOR, createFlow, type PublishWorld, recordFlow, runsOf, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

function firstItem(w: PublishWorld): string {
  const item = w.sandbox.listRecords("items", { top: 1 }).items[0];
  if (!item) throw new Error("no items");
  return String(item.id);
}

describe("automated flows fire on sandbox events", () => {
  it("a record change starts the enabled flow on its published version; the run is journaled", async () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const item = firstItem(w);
    w.sandbox.updateRecord("items", item, { unitPrice: 12.5 }, ACTOR);
    await w.settle();
    const runs = runsOf(w, flow.id);
    expect(runs).toMatchObject([
      { mode: "published", flowVersion: 1, status: "Succeeded", flowName: "Item watcher" },
    ]);
    const detail = w.engine.getRun(runs[0]?.id ?? "");
    expect(detail?.triggerOutputs).toMatchObject({
      headers: { "x-ms-event": "record.modified" },
      body: { id: item, unitPrice: 12.5 },
    });
    expect(w.publisher.getWorkflow(flow.id).lastRun).toMatchObject({
      runId: runs[0]?.id,
      status: "Succeeded",
      version: 1,
    });
    // Other tables, other event types: nothing.
    w.sandbox.createRecord("items", { displayName: "New item" }, ACTOR);
    const vendor = w.sandbox.listRecords("vendors", { top: 1 }).items[0];
    w.sandbox.updateRecord("vendors", String(vendor?.id), { phoneNumber: "555" }, ACTOR);
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
  });

  it("not while disabled, and not later when it is turned on again", async () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    w.publisher.setEnabled(flow.id, false);
    const item = firstItem(w);
    w.sandbox.updateRecord("items", item, { unitPrice: 1 }, ACTOR);
    await w.settle();
    w.publisher.setEnabled(flow.id, true);
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(0);
    w.sandbox.updateRecord("items", item, { unitPrice: 2 }, ACTOR);
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
  });

  it("nor after an unpublish; versions stay; publishing again continues the numbering", async () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(w.publisher.unpublish(flow.id)).toEqual({ flowId: flow.id, versionsKept: 1 });
    w.sandbox.updateRecord("items", firstItem(w), { unitPrice: 1 }, ACTOR);
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(0);
    expect(w.publisher.listWorkflows({ excludeBuiltIn: true }).total).toBe(0);
    expect(w.publisher.publish(flow.id, { publishedBy: "me" }).version).toBe(2);
  });

  it("each run uses the version that was published when its event happened", async () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const item = firstItem(w);
    w.sandbox.updateRecord("items", item, { unitPrice: 1 }, ACTOR);
    const v2 = recordFlow("items");
    v2.actions = { Compose: { type: "Compose", inputs: "version two", runAfter: {} } };
    w.flows.saveDraft({ id: flow.id, revision: flow.revision, definition: v2 });
    w.publisher.publish(flow.id, { publishedBy: "me" });
    w.sandbox.updateRecord("items", item, { unitPrice: 2 }, ACTOR);
    await w.settle();
    const runs = runsOf(w, flow.id);
    expect(runs.map((r) => r.flowVersion)).toEqual([1, 2]);
    const outputs = runs.map(
      (r) => w.engine.getRun(r.id)?.steps.find((s) => s.action === "Compose")?.outputs,
    );
    expect(outputs).toEqual([expect.anything(), "version two"]);
  });

  it("trigger conditions: no run when one is false", async () => {
    const w = open();
    const cheap = createFlow(
      w,
      "Expensive items only",
      "automated",
      recordFlow("items", "CreateOnUpdatedItemsSubscriptionV3", [
        "@greater(triggerOutputs()?['body/unitPrice'], 1000)",
      ]),
    );
    w.publisher.publish(cheap.id, { publishedBy: "me" });
    const item = firstItem(w);
    w.sandbox.updateRecord("items", item, { unitPrice: 10 }, ACTOR);
    await w.settle();
    expect(runsOf(w, cheap.id)).toHaveLength(0);
    w.sandbox.updateRecord("items", item, { unitPrice: 5000 }, ACTOR);
    await w.settle();
    expect(runsOf(w, cheap.id)).toHaveLength(1);
    expect(
      w.publisher.matchEvent({
        type: "record.modified",
        payload: {
          table: "items",
          id: item,
          number: "1000",
          record: { id: item, unitPrice: 20 },
          previous: { id: item },
          changedFields: ["unitPrice"],
          origin: { kind: "person", email: ACTOR },
        },
      }),
    ).toEqual([]);
  });

  it("a batch of changes starts all its runs; a flow's own changes start nothing", async () => {
    const w = open();
    const flow = createFlow(
      w,
      "Vendor watcher",
      "automated",
      recordFlow("vendors", "CreateOnChangedItemsSubscriptionV3"),
    );
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const vendors = w.sandbox.listRecords("vendors", { top: 5 }).items;
    w.sandbox.batch(() => {
      for (const vendor of vendors)
        w.sandbox.updateRecord("vendors", String(vendor.id), { phoneNumber: "1" }, ACTOR);
      w.sandbox.createRecord("vendors", { displayName: "New vendor" }, ACTOR);
    });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(vendors.length + 1);
    expect(
      w.publisher.matchEvent({
        type: "record.created",
        payload: {
          table: "vendors",
          id: "x",
          number: "V1",
          record: { id: "x" },
          origin: {
            kind: "flow",
            flowId: "f",
            flowName: "f",
            mode: "published",
            runId: "r",
            actionName: "a",
          },
        },
      }),
    ).toEqual([]);
  });

  it("an approval request starts the approval flow, narrowed by Document Type", async () => {
    const w = open();
    const invoices = templateFlow(w, "approve-purchase-invoice", "Invoice approvals");
    const orders = templateFlow(w, "approve-purchase-order", "Order approvals");
    w.publisher.publish(invoices.id, { publishedBy: "me" });
    w.publisher.publish(orders.id, { publishedBy: "me" });
    const invoice = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    w.sandbox.sendForApproval("purchaseInvoices", String(invoice?.id), ACTOR);
    await w.settle();
    expect(runsOf(w, orders.id)).toHaveLength(0);
    const runs = runsOf(w, invoices.id);
    expect(runs).toMatchObject([{ flowVersion: 1, status: "Waiting" }]);
    expect(w.engine.getRun(runs[0]?.id ?? "")?.triggerOutputs).toMatchObject({
      body: { "Row Id": String(invoice?.id), "Requested By User Email": ACTOR },
    });
  });
});
