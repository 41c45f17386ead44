import { describe, expect, it } from "vitest";
import { definitionOf } from "../runs/test-runs";
import { ACTOR, buttonFlow, createFlow, recordFlow, scheduledFlow, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

describe("the workflow list", () => {
  it("filters by kind, status and name, pages, and shows each flow's last published run", async () => {
    const w = open();
    const items = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    const vendors = createFlow(w, "Vendor watcher", "automated", recordFlow("vendors"));
    const weekly = createFlow(
      w,
      "Weekly report",
      "scheduled",
      scheduledFlow({ frequency: "Week", interval: 1 }),
    );
    const button = createFlow(w, "Élan button", "instant", buttonFlow());
    for (const flow of [items, vendors, weekly, button]) w.publisher.publish(flow.id, { publishedBy: ACTOR });
    w.publisher.setEnabled(vendors.id, false);

    const builtIns = w.sandbox.listBuiltInWorkflows().length;
    const all = w.publisher.listWorkflows();
    expect(all.total).toBe(4 + builtIns);
    expect(all.items.filter((e) => !e.builtIn).map((e) => e.name)).toEqual([
      "Élan button",
      "Item watcher",
      "Vendor watcher",
      "Weekly report",
    ]);
    expect(w.publisher.listWorkflows({ kind: "scheduled" }).items.map((e) => e.name)).toEqual([
      "Weekly report",
    ]);
    expect(w.publisher.listWorkflows({ kind: "automated", excludeBuiltIn: true }).total).toBe(2);
    expect(
      w.publisher.listWorkflows({ status: "disabled", excludeBuiltIn: true }).items.map((e) => e.name),
    ).toEqual(["Vendor watcher"]);
    expect(w.publisher.listWorkflows({ search: "WATCHER" }).items.map((e) => e.name)).toEqual([
      "Item watcher",
      "Vendor watcher",
    ]);
    expect(w.publisher.listWorkflows({ search: "élan" }).total).toBe(1);
    const paged = w.publisher.listWorkflows({ excludeBuiltIn: true, limit: 3, page: 2 });
    expect(paged).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(paged.items.map((e) => e.name)).toEqual(["Weekly report"]);

    // A designer test run does not count as the last run; a published one does.
    w.engine.startRun({
      flow: { id: items.id, name: "Item watcher" },
      mode: "test",
      definition: definitionOf(w.publisher.version(items.id, 1)),
      triggerOutputs: { body: {} },
    });
    await w.settle();
    expect(w.publisher.getWorkflow(items.id).lastRun).toBeNull();
    const item = w.sandbox.listRecords("items", { top: 1 }).items[0];
    w.sandbox.updateRecord("items", String(item?.id), { unitPrice: 7 }, ACTOR);
    await w.settle();
    const entry = w.publisher.listWorkflows({ search: "item watcher" }).items[0];
    expect(entry?.lastRun).toMatchObject({ status: "Succeeded", version: 1 });
    expect(entry).toMatchObject({
      publishedBy: ACTOR,
      version: 1,
      status: "enabled",
      missed: null,
      pages: null,
    });
    expect(w.publisher.getWorkflow(weekly.id).missed).toMatchObject({ policy: "run-once", count: 0 });
    expect(w.publisher.getWorkflow(button.id).pages).toEqual(["*"]);
  });

  it("names who published each flow and version, as the company's directory knows them", () => {
    const w = open();
    const known = createFlow(w, "Known", "instant", buttonFlow());
    const stranger = createFlow(w, "Stranger", "instant", buttonFlow());
    w.publisher.publish(known.id, { publishedBy: "alicia.thornton@cronus-demo.example" });
    w.publisher.publish(stranger.id, { publishedBy: "someone@elsewhere.example" });
    const entries = w.publisher.listWorkflows({ excludeBuiltIn: true }).items;
    expect(entries.map((e) => [e.name, e.publishedBy, e.publishedByName])).toEqual([
      ["Known", "alicia.thornton@cronus-demo.example", "Alicia Thornton"],
      ["Stranger", "someone@elsewhere.example", "someone@elsewhere.example"],
    ]);
    expect(w.publisher.getWorkflow(known.id).publishedByName).toBe("Alicia Thornton");
    expect(w.publisher.versions(known.id).map((v) => v.publishedByName)).toEqual(["Alicia Thornton"]);
    expect(w.sandbox.listBuiltInWorkflows().length).toBeGreaterThan(0);
    expect(w.publisher.listWorkflows().items.find((e) => e.builtIn)?.publishedByName).toBeNull();
  });

  it("Manage flows of a page: the instant flows offered there", () => {
    const w = open();
    const block = templateFlow(w, "block-vendor-payments", "Block vendor payments");
    w.publisher.publish(block.id, { publishedBy: ACTOR });
    w.publisher.publish(createFlow(w, "Item watcher", "automated", recordFlow("items")).id, {
      publishedBy: ACTOR,
    });
    expect(w.publisher.listWorkflows({ forPage: "vendors" }).items.map((e) => e.name)).toEqual([
      "Block vendor payments",
    ]);
    expect(w.publisher.listWorkflows({ forPage: "customers" }).total).toBe(0);
  });
});
