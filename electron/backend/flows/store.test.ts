import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError, FLOW_NAME_MAX } from "../../../shared/api";
import { openDatabase } from "../db/open";
import { copyName, FlowStore, uniqueFlowName } from "./store";

let clock = Date.parse("2026-11-01T08:00:00Z");
let store: FlowStore;
beforeEach(() => {
  clock = Date.parse("2026-11-01T08:00:00Z");
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), "flowsmith-store-")), "f.db"));
  let n = 0;
  store = new FlowStore(db, { now: () => clock, newId: () => `flow-${++n}` });
});

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("FlowStore", () => {
  it("creates each kind with the matching starter trigger and lists newest first", () => {
    const a = store.create({ name: "A", kind: "automated" });
    clock += 1000;
    const s = store.create({ name: "S", kind: "scheduled" });
    clock += 1000;
    const i = store.create({ name: "I", kind: "instant" });
    expect(a.triggerType).toBe("OpenApiConnectionWebhook");
    expect(s.definition.triggers.Recurrence?.type).toBe("Recurrence");
    expect(i.triggerName).toBe("manual");
    expect(store.list().map((f) => f.name)).toEqual(["I", "S", "A"]);
    expect(store.get(a.id).definition).toEqual(a.definition);
  });

  it("saves a draft only against the current revision", () => {
    const flow = store.create({ name: "Flow", kind: "instant" });
    const definition = {
      ...flow.definition,
      actions: { Compose: { type: "Compose", inputs: "hi", runAfter: {} } },
    };
    const saved = store.saveDraft({ id: flow.id, revision: 1, definition });
    expect(saved.revision).toBe(2);
    expect(store.get(flow.id).definition.actions).toHaveProperty("Compose");

    const stale = apiError(() => store.saveDraft({ id: flow.id, revision: 1, definition: flow.definition }));
    expect(stale.code).toBe("conflict");
    expect(stale.currentRevision).toBe(2);
    // The refused save changed nothing.
    expect(store.get(flow.id).definition.actions).toHaveProperty("Compose");
    expect(store.get(flow.id).revision).toBe(2);
  });

  it("renames with a revision check", () => {
    const flow = store.create({ name: "Old", kind: "scheduled" });
    expect(store.rename(flow.id, 1, "New").name).toBe("New");
    expect(apiError(() => store.rename(flow.id, 1, "Newer")).code).toBe("conflict");
    expect(store.get(flow.id).name).toBe("New");
  });

  it("duplicates the definition and designer data under a new id and name", () => {
    const flow = store.create({ name: "Original", kind: "instant", designer: { notes: [] } });
    const copy = store.duplicate(flow.id);
    expect(copy.id).not.toBe(flow.id);
    expect(copy.name).toBe("Copy of Original");
    expect(copy.revision).toBe(1);
    expect(store.get(copy.id).definition).toEqual(flow.definition);
    expect(store.get(copy.id).designer).toEqual({ notes: [] });
  });

  it("numbers a second copy of the same flow, and reuses a name freed by the recycle bin", () => {
    const flow = store.create({ name: "Original", kind: "instant" });
    const first = store.duplicate(flow.id);
    const second = store.duplicate(flow.id);
    expect([first.name, second.name]).toEqual(["Copy of Original", "Copy of Original (2)"]);
    expect(store.duplicate(flow.id).name).toBe("Copy of Original (3)");
    store.delete(second.id);
    expect(store.duplicate(flow.id).name).toBe("Copy of Original (2)");
  });

  it("keeps a numbered copy's name within the longest name a flow may have", () => {
    const long = "x".repeat(FLOW_NAME_MAX);
    expect(copyName(long)).toHaveLength(FLOW_NAME_MAX);
    const numbered = copyName(long, new Set([copyName(long)]));
    expect(numbered).toHaveLength(FLOW_NAME_MAX);
    expect(numbered.endsWith(" (2)")).toBe(true);
  });

  it("numbers a name the person's flows already have, as Automate's Create a flow names its flows", () => {
    expect(uniqueFlowName("New flow for Vendors", new Set())).toBe("New flow for Vendors");
    store.create({ name: "New flow for Vendors", kind: "instant" });
    expect(uniqueFlowName("New flow for Vendors", store.liveNames())).toBe("New flow for Vendors (2)");
    const second = store.create({ name: "New flow for Vendors (2)", kind: "instant" });
    expect(uniqueFlowName("New flow for Vendors", store.liveNames())).toBe("New flow for Vendors (3)");
    // A flow in the recycle bin gives its name back.
    store.delete(second.id);
    expect(uniqueFlowName("New flow for Vendors", store.liveNames())).toBe("New flow for Vendors (2)");
    // Shortened to fit with its number.
    const long = "y".repeat(FLOW_NAME_MAX);
    expect(uniqueFlowName(long, new Set([long]))).toBe(`${"y".repeat(FLOW_NAME_MAX - 4)} (2)`);
  });

  it("moves deleted flows to the recycle bin, restores them, and lets go of them after 30 days", () => {
    const flow = store.create({ name: "Bin me", kind: "automated" });
    const deleted = store.delete(flow.id);
    expect(deleted.purgeAt).toBe(new Date(clock + 30 * 86_400_000).toISOString());
    expect(store.list()).toEqual([]);
    expect(store.listDeleted().map((f) => f.id)).toEqual([flow.id]);
    expect(apiError(() => store.get(flow.id)).code).toBe("not_found");
    expect(
      apiError(() => store.saveDraft({ id: flow.id, revision: 1, definition: flow.definition })).code,
    ).toBe("not_found");

    store.restore(flow.id);
    expect(store.list().map((f) => f.id)).toEqual([flow.id]);
    expect(store.get(flow.id).definition).toEqual(flow.definition);

    store.delete(flow.id);
    clock += 29 * 86_400_000;
    expect(store.purgeExpired()).toBe(0);
    clock += 2 * 86_400_000;
    expect(store.purgeExpired()).toBe(1);
    expect(store.listDeleted()).toEqual([]);
  });

  it("says not found for unknown ids", () => {
    expect(apiError(() => store.get("nope")).code).toBe("not_found");
    expect(apiError(() => store.rename("nope", 1, "x")).code).toBe("not_found");
    expect(apiError(() => store.delete("nope")).code).toBe("not_found");
    expect(apiError(() => store.restore("nope")).code).toBe("not_found");
  });
});
