import { describe, expect, it } from "vitest";
import { starterDefinition } from "../../../shared/templates/starters";
import { caught, createFlow, recordFlow, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

describe("publish: versions", () => {
  it("writes version 1, then 2; each keeps its definition, note, who and when; the draft goes on", () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    const first = w.publisher.publish(flow.id, {
      note: "first version",
      publishedBy: "marcus.bell@cronus-demo.example",
    });
    expect(first).toMatchObject({ version: 1, enabled: true });
    expect(first.workflow).toMatchObject({
      id: flow.id,
      name: "Item watcher",
      kind: "automated",
      status: "enabled",
      version: 1,
      triggerSummary: "When a record is modified in Items",
      publishedBy: "marcus.bell@cronus-demo.example",
      publishedAt: new Date(w.clock.now()).toISOString(),
      lastRun: null,
    });

    const changed = recordFlow("vendors");
    w.flows.saveDraft({ id: flow.id, revision: flow.revision, definition: changed });
    const second = w.publisher.publish(flow.id, { note: "vendors instead", publishedBy: "alicia" });
    expect(second.version).toBe(2);
    expect(w.publisher.versions(flow.id).map((v) => [v.version, v.note, v.current, v.draftRevision])).toEqual(
      [
        [2, "vendors instead", true, 2],
        [1, "first version", false, 1],
      ],
    );
    const v1 = w.publisher.version(flow.id, 1);
    expect(v1.definition).toEqual(recordFlow("items"));
    expect(w.publisher.version(flow.id, 2).definition).toEqual(changed);
    expect(caught(() => w.publisher.version(flow.id, 3)).code).toBe("not_found");
  });

  it("a version cannot be changed: SQLite refuses the UPDATE", () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(() =>
      w.db.prepare("UPDATE flow_versions SET note = 'rewritten' WHERE flow_id = ?").run(flow.id),
    ).toThrow(/A published version cannot be changed/);
    expect(() =>
      w.db.prepare("UPDATE flow_versions SET definition = '{}' WHERE flow_id = ?").run(flow.id),
    ).toThrow(/cannot be changed/);
    expect(w.publisher.versions(flow.id)[0]?.note).toBe("");
  });

  it("restoring a version makes a new draft revision from it; the version stays untouched", () => {
    const w = open();
    const flow = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const saved = w.flows.saveDraft({
      id: flow.id,
      revision: flow.revision,
      definition: recordFlow("customers"),
    });
    const restored = w.publisher.restoreVersionAsDraft(flow.id, 1);
    expect(restored.revision).toBe(saved.revision + 1);
    expect(w.flows.get(flow.id).definition).toEqual(recordFlow("items"));
    expect(w.publisher.versions(flow.id)).toHaveLength(1);
    expect(w.publisher.version(flow.id, 1).draftRevision).toBe(1);
  });

  it("is refused while the checker finds errors, naming them; nothing is written", () => {
    const w = open();
    // The automated starter has no table yet: trigger-no-table.
    const flow = createFlow(w, "Unfinished", "automated", starterDefinition("automated"));
    const error = caught(() => w.publisher.publish(flow.id, { publishedBy: "me" }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/^“Unfinished” cannot be published: the checker found \d+ errors?\. /);
    expect(error.message).toMatch(/table/i);
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(w.publisher.versions(flow.id)).toEqual([]);
    expect(w.publisher.listWorkflows({ excludeBuiltIn: true }).total).toBe(0);
  });

  it("is refused when the flow breaks the administrator's connector policy", () => {
    const w = open();
    const flow = templateFlow(w, "approve-purchase-invoice");
    const error = caught(() =>
      w.publisher.publish(flow.id, {
        publishedBy: "me",
        policy: { connectors: { shared_office365: "blocked" }, default: "business" },
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("uses Office 365 Outlook, which your administrator has blocked");
    expect(w.publisher.versions(flow.id)).toEqual([]);

    const mixed = caught(() =>
      w.publisher.publish(flow.id, {
        publishedBy: "me",
        policy: {
          connectors: { shared_dynamicssmbsaas: "business", shared_approvals: "business" },
          default: "non-business",
        },
      }),
    );
    expect(mixed.message).toContain("business connectors");
  });

  it("the workflow list reads each version's kind and trigger in plain words", () => {
    const w = open();
    const names = {
      "approve-purchase-invoice": "Approve purchase invoices",
      "weekly-overdue-customers": "Email overdue customers every Monday",
      "block-vendor-payments": "Block vendor payments",
      "approve-customer": "Approve customer changes",
    };
    for (const [id, name] of Object.entries(names)) {
      w.publisher.publish(templateFlow(w, id, name).id, { publishedBy: "me" });
    }
    const entries = w.publisher.listWorkflows({ excludeBuiltIn: true }).items;
    expect(entries.map((e) => [e.name, e.kind, e.triggerSummary, e.pages])).toEqual([
      ["Approve customer changes", "automated", "When a customer approval is requested", null],
      [
        "Approve purchase invoices",
        "automated",
        "When a purchase document approval is requested (Purchase invoices)",
        null,
      ],
      ["Block vendor payments", "instant", "Vendors page", ["vendors"]],
      [
        "Email overdue customers every Monday",
        "scheduled",
        "Every Monday at 08:00 (Eastern Standard Time)",
        null,
      ],
    ]);
  });
});
