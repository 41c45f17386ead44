import { describe, expect, it } from "vitest";
import { caught, type PublishWorld, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

function builtInId(w: PublishWorld, name: string): string {
  const found = w.sandbox.listBuiltInWorkflows().find((b) => b.name === name);
  if (!found) throw new Error(`no built-in ${name}`);
  return found.id;
}

describe("only one enabled workflow answers one approval event", () => {
  it("a second flow for purchase invoices is published but off, and turning it on names the first", () => {
    const w = open();
    const first = templateFlow(w, "approve-purchase-invoice", "Invoice approvals (Alicia)");
    const second = templateFlow(w, "approve-purchase-invoice", "Invoice approvals (Grace)");
    expect(w.publisher.publish(first.id, { publishedBy: "me" }).enabled).toBe(true);
    const published = w.publisher.publish(second.id, { publishedBy: "me" });
    expect(published.enabled).toBe(false);
    expect(published.workflow.status).toBe("disabled");
    expect(published.notEnabledReason).toBe(
      "The flow “Invoice approvals (Alicia)” already answers approval requests for purchase invoices. Only one enabled workflow may answer an approval request: turn the flow “Invoice approvals (Alicia)” off first.",
    );
    const error = caught(() => w.publisher.setEnabled(second.id, true));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("“Invoice approvals (Alicia)” already answers");

    w.publisher.setEnabled(first.id, false);
    expect(w.publisher.setEnabled(second.id, true).status).toBe("enabled");
    expect(caught(() => w.publisher.setEnabled(first.id, true)).message).toContain(
      "“Invoice approvals (Grace)”",
    );
  });

  it("Document Type narrows the tables: purchase invoices and purchase orders do not conflict", () => {
    const w = open();
    const invoices = templateFlow(w, "approve-purchase-invoice");
    const orders = templateFlow(w, "approve-purchase-order");
    const salesInvoices = templateFlow(w, "approve-sales-invoice");
    expect(w.publisher.publish(invoices.id, { publishedBy: "me" }).enabled).toBe(true);
    expect(w.publisher.publish(orders.id, { publishedBy: "me" }).enabled).toBe(true);
    expect(w.publisher.publish(salesInvoices.id, { publishedBy: "me" }).enabled).toBe(true);
  });

  it("a flow without a Document Type condition covers every document of its kind", () => {
    const w = open();
    const orders = templateFlow(w, "approve-purchase-order", "Orders");
    w.publisher.publish(orders.id, { publishedBy: "me" });
    const all = templateFlow(w, "approve-purchase-invoice", "Every purchase document");
    const definition = structuredClone(all.definition);
    const trigger = Object.values(definition.triggers)[0] as {
      inputs: { parameters: Record<string, unknown> };
    };
    delete trigger.inputs.parameters["subscription/HeaderFirstConditionField"];
    delete trigger.inputs.parameters["subscription/HeaderFirstConditionFieldValue"];
    w.flows.saveDraft({ id: all.id, revision: all.revision, definition });
    const published = w.publisher.publish(all.id, { publishedBy: "me" });
    expect(published.workflow.triggerSummary).toBe("When a purchase document approval is requested");
    expect(published.enabled).toBe(false);
    expect(published.notEnabledReason).toContain(
      "The flow “Orders” already answers approval requests for purchase orders",
    );
  });

  it("built-in workflows count, both ways, and are turned on and off through the sandbox", () => {
    const w = open();
    const builtIn = builtInId(w, "Purchase invoice approval");
    expect(w.publisher.setEnabled(builtIn, true)).toMatchObject({ builtIn: true, status: "enabled" });
    expect(w.sandbox.listBuiltInWorkflows().find((b) => b.id === builtIn)?.enabled).toBe(true);

    const flow = templateFlow(w, "approve-purchase-invoice", "My invoice approvals");
    const published = w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(published.enabled).toBe(false);
    expect(published.notEnabledReason).toContain(
      "The built-in workflow “Purchase invoice approval” already answers approval requests for purchase invoices",
    );

    w.publisher.setEnabled(builtIn, false);
    w.publisher.setEnabled(flow.id, true);
    const error = caught(() => w.publisher.setEnabled(builtIn, true));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain(
      "The flow “My invoice approvals” already answers approval requests for purchase invoices",
    );
    expect(w.sandbox.listBuiltInWorkflows().find((b) => b.id === builtIn)?.enabled).toBe(false);

    // A built-in for another table is no problem.
    expect(w.publisher.setEnabled(builtInId(w, "Purchase order approval"), true).status).toBe("enabled");
  });

  it("the list shows built-ins beside published flows, marked, with their event", () => {
    const w = open();
    const list = w.publisher.listWorkflows({ search: "purchase invoice approval" });
    expect(list.items).toEqual([
      expect.objectContaining({
        name: "Purchase invoice approval",
        builtIn: true,
        kind: "automated",
        status: "disabled",
        version: null,
        triggerSummary: "When a purchase document approval is requested (Purchase invoices)",
      }),
    ]);
    expect(w.publisher.getWorkflow(list.items[0]?.id ?? "").builtIn).toBe(true);
  });
});
