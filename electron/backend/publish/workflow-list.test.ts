import { describe, expect, it } from "vitest";
import { definitionOf } from "../runs/test-runs";
import { ACTOR, buttonFlow, createFlow, recordFlow, scheduledFlow, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

describe("the workflow list", () => {
  it("sorts by name, status, publish date or last run, either way; entries without one come last", async () => {
    const w = open();
    const user = { name: "Marcus Bell", email: ACTOR };
    const names = ["Alpha button", "Bravo button", "Charlie button"];
    const [alpha, bravo, charlie] = names.map((name) => createFlow(w, name, "instant", buttonFlow()));
    if (!alpha || !bravo || !charlie) throw new Error("flows missing");
    for (const flow of [charlie, alpha, bravo]) {
      w.publisher.publish(flow.id, { publishedBy: ACTOR });
      await w.advanceBy(60_000);
    }
    w.publisher.setEnabled(bravo.id, false);
    for (const flow of [bravo, alpha]) {
      w.publisher.setEnabled(flow.id, true);
      w.publisher.runInstant(flow.id, { inputs: {}, user });
      await w.settle();
      await w.advanceBy(60_000);
    }
    w.publisher.setEnabled(bravo.id, false);
    const order = (query: Parameters<typeof w.publisher.listWorkflows>[0]) =>
      w.publisher.listWorkflows({ kind: "instant", ...query }).items.map((e) => e.name);

    expect(order({})).toEqual(names);
    expect(order({ sort: "name", direction: "descending" })).toEqual([...names].reverse());
    expect(order({ sort: "status" })).toEqual(["Alpha button", "Charlie button", "Bravo button"]);
    expect(order({ sort: "published" })).toEqual(["Charlie button", "Alpha button", "Bravo button"]);
    expect(order({ sort: "published", direction: "descending" })).toEqual([
      "Bravo button",
      "Alpha button",
      "Charlie button",
    ]);
    // Charlie never ran: last, whichever way.
    expect(order({ sort: "lastRun" })).toEqual(["Bravo button", "Alpha button", "Charlie button"]);
    expect(order({ sort: "lastRun", direction: "descending" })).toEqual([
      "Alpha button",
      "Bravo button",
      "Charlie button",
    ]);
    // Paged by last run, each page carries its entries' last runs.
    const second = w.publisher.listWorkflows({ kind: "instant", sort: "lastRun", limit: 1, page: 2 });
    expect(second.items.map((e) => [e.name, e.lastRun?.status])).toEqual([["Alpha button", "Succeeded"]]);
    // Built-in workflows have no publish date: after every published flow.
    const all = w.publisher.listWorkflows({ sort: "published", direction: "descending" }).items;
    expect(all.slice(0, 3).every((e) => !e.builtIn)).toBe(true);
    expect(all.slice(3).every((e) => e.builtIn)).toBe(true);
  });

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
    expect(all.all).toBe(4 + builtIns);
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
    // "1 of N": what the filters kept, out of the whole list.
    expect(w.publisher.listWorkflows({ search: "élan" })).toMatchObject({ total: 1, all: 4 + builtIns });
    expect(w.publisher.listWorkflows({ kind: "scheduled", excludeBuiltIn: true })).toMatchObject({
      total: 1,
      all: 4,
    });
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

  it("says which draft revision the running version was published from, so My flows can flag later edits", () => {
    const w = open();
    const flow = createFlow(w, "Edited later", "instant", buttonFlow());
    w.publisher.publish(flow.id, { publishedBy: ACTOR });
    const published = () => w.publisher.listWorkflows({ search: "Edited later" }).items[0];
    expect(published()?.publishedFromRevision).toBe(flow.revision);
    expect(w.publisher.getWorkflow(flow.id).publishedFromRevision).toBe(flow.revision);

    const current = w.flows.get(flow.id);
    const edited = w.flows.saveDraft({
      id: flow.id,
      revision: current.revision,
      definition: { ...current.definition, description: "an edit" },
    });
    expect(edited.revision).toBeGreaterThan(published()?.publishedFromRevision ?? Number.POSITIVE_INFINITY);
    // The edit taken back (an Undo, a restore undone): the draft is what runs, nothing to publish.
    const undone = w.flows.saveDraft({
      id: flow.id,
      revision: edited.revision,
      definition: current.definition,
    });
    expect(published()?.publishedFromRevision).toBe(undone.revision);
    const saved = w.flows.saveDraft({
      id: flow.id,
      revision: undone.revision,
      definition: { ...current.definition, description: "edited again" },
    });
    expect(saved.revision).toBeGreaterThan(published()?.publishedFromRevision ?? Number.POSITIVE_INFINITY);
    // Published again: the version that runs is from the newest draft.
    w.publisher.publish(flow.id, { publishedBy: ACTOR });
    expect(published()).toMatchObject({ version: 2, publishedFromRevision: saved.revision });
    expect(w.publisher.listWorkflows().items.find((e) => e.builtIn)?.publishedFromRevision).toBeNull();
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
