import { describe, expect, it } from "vitest";
import { twinOf, WORLD_TABLES } from "./snapshots";
import { eventsOf, START, testWorld, waiting } from "./test-support";

const MARCUS = "marcus.bell@cronus-demo.example";

describe("reset and snapshots", () => {
  it("every world table has a snapshot twin with the same columns", () => {
    const { db } = testWorld();
    for (const table of WORLD_TABLES) {
      const columns = (name: string) =>
        (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns(twinOf(table))).toEqual(["snapshot_name", ...columns(table)]);
    }
  });

  it("reset brings back the demo company and says so", () => {
    const w = testWorld();
    const before = w.sandbox.listRecords("vendors").items;
    const vendor = before[0];
    w.sandbox.updateRecord("vendors", String(vendor?.id), { blocked: "All" }, MARCUS);
    w.sandbox.createRecord("customers", { displayName: "New Ltd." }, MARCUS);
    w.sandbox.setFault({ connectorId: "shared_office365", mode: "fail", statusCode: 500, count: 1 });
    w.sandbox.reset();
    expect(w.sandbox.listRecords("vendors").items).toEqual(before);
    expect(w.sandbox.listRecords("customers").total).toBe(50);
    // A new record takes the first free number again.
    expect(w.sandbox.createRecord("customers", { displayName: "Again Ltd." }, MARCUS).number).toBe("C10500");
    expect(eventsOf(w.events, "sandbox.reset")).toEqual([{ reason: "reset", snapshot: null }]);
    // Faults are test settings, not demo data.
    expect(w.sandbox.listFaults()).toHaveLength(1);
  });

  it("saves, lists, restores and deletes named snapshots", async () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    w.sandbox.sendForApproval("purchaseInvoices", String(pi?.id), MARCUS);
    const snapshot = w.sandbox.saveSnapshot("PI-1001 pending");
    expect(snapshot).toEqual({ name: "PI-1001 pending", createdAt: new Date(START).toISOString() });

    w.sandbox.cancelApprovalRequest("purchaseInvoices", String(pi?.id), MARCUS);
    w.sandbox.deleteRecord("vendors", String(w.sandbox.findRecord("vendors", "V20290")?.id), MARCUS);
    await w.clock.advanceBy(1000);
    w.sandbox.saveSnapshot("later");
    expect(w.sandbox.listSnapshots().map((s) => s.name)).toEqual(["later", "PI-1001 pending"]);

    w.sandbox.restoreSnapshot("PI-1001 pending");
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Pending Approval");
    expect(w.sandbox.findRecord("vendors", "V20290")).toBeDefined();
    expect(w.sandbox.listApprovalRequests({ status: "Open", table: "purchaseInvoices" })).toHaveLength(1);
    expect(eventsOf(w.events, "sandbox.reset").at(-1)).toEqual({
      reason: "snapshot",
      snapshot: "PI-1001 pending",
    });

    w.sandbox.restoreSnapshot("later");
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Open");
    expect(w.sandbox.findRecord("vendors", "V20290")).toBeUndefined();

    w.sandbox.deleteSnapshot("later");
    expect(w.sandbox.listSnapshots().map((s) => s.name)).toEqual(["PI-1001 pending"]);
    expect(() => w.sandbox.restoreSnapshot("later")).toThrow("no snapshot 'later'");
    expect(() => w.sandbox.saveSnapshot("  ")).toThrow("1 to 100 characters");
  });

  it("saving under an existing name replaces that snapshot", () => {
    const w = testWorld();
    w.sandbox.saveSnapshot("s");
    w.sandbox.createRecord("customers", { displayName: "New Ltd." }, MARCUS);
    w.sandbox.saveSnapshot("s");
    w.sandbox.reset();
    w.sandbox.restoreSnapshot("s");
    expect(w.sandbox.listRecords("customers").total).toBe(51);
    expect(w.sandbox.listSnapshots()).toHaveLength(1);
  });

  it("a restore loses the waits whose request is not pending in the snapshot, and only those", async () => {
    const w = testWorld();
    const ask = (title: string) =>
      w.call("shared_approvals", "StartAndWaitForAnApproval", {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": title,
        "WebhookApprovalCreationInput/assignedTo": MARCUS,
      });
    const kept = waiting(await ask("Kept"));
    waiting(await ask("Answered since"));
    w.sandbox.saveSnapshot("both pending");
    const [answeredApproval] = w.sandbox
      .listApprovals({ status: "Pending" })
      .items.filter((a) => a.title === "Answered since");
    const lost = waiting(await ask("Not in it"));
    // Waits made in the same (virtual) millisecond come in token order: compare as sets.
    const tokens = (list: { token: string }[]) => list.map((wait) => wait.token).sort();
    // Answered: its waiter is gone already (the answer was delivered), so nothing is lost for it.
    w.sandbox.respondToApproval(answeredApproval?.id ?? "", { responder: MARCUS, response: "Approve" });
    expect(tokens(w.sandbox.lostWaits("both pending"))).toEqual([lost.token]);
    expect(tokens(w.sandbox.lostWaits())).toEqual([kept.token, lost.token].sort());

    expect(tokens(w.sandbox.restoreSnapshot("both pending"))).toEqual([lost.token]);
    expect(w.sandbox.lostWaits("both pending")).toEqual([]);
    // The kept request is answered as before; the answer reaches its step.
    const keptApproval = w.sandbox.listApprovals({ status: "Pending" }).items.find((a) => a.title === "Kept");
    w.sandbox.respondToApproval(keptApproval?.id ?? "", { responder: MARCUS, response: "Approve" });
    expect(w.sink.committed().map((d) => d.token)).toContain(kept.token);

    expect(tokens(w.sandbox.reset())).toEqual([]);
  });

  it("keeps the world across reopening the database", () => {
    const w = testWorld();
    w.sandbox.createRecord("customers", { displayName: "Persistent Ltd." }, MARCUS);
    w.db.close();
    const again = testWorld({ file: w.file });
    expect(again.sandbox.listRecords("customers", { search: "persistent" }).total).toBe(1);
  });
});
