import { describe, expect, it } from "vitest";
import { addRunFlowInput } from "../../../shared/connectors";
import { DEMO_GROUPS } from "../../../shared/templates/demo";
import { companyId } from "../triggers/instant";
import { buttonFlow, caught, createFlow, runsOf, scheduledFlow, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

const USER = { name: "Marcus Bell", email: "marcus.bell@cronus-demo.example" };

describe("instant flows: the Automate menu and the Run flow pane", () => {
  it("Block vendor payments: offered on Vendors, the form enforced, the vendor blocked and both mails sent", async () => {
    const w = open();
    const flow = templateFlow(w, "block-vendor-payments", "Block vendor payments");
    w.publisher.publish(flow.id, { publishedBy: "me" });

    const menu = w.publisher.instantFlowsFor("vendors");
    expect(menu).toEqual([
      {
        flowId: flow.id,
        name: "Block vendor payments",
        version: 1,
        everywhere: false,
        trigger: "selected-record",
        fields: [
          expect.objectContaining({ key: "text", title: "Reason", kind: "text", required: true }),
          expect.objectContaining({
            key: "boolean",
            title: "Notify buyers",
            kind: "boolean",
            required: false,
          }),
        ],
      },
    ]);
    expect(w.publisher.instantFlowsFor("table23")).toHaveLength(1);
    expect(w.publisher.instantFlowsFor("page26")).toHaveLength(1);
    expect(w.publisher.instantFlowsFor("customers")).toEqual([]);
    expect(caught(() => w.publisher.instantFlowsFor("nowhere")).code).toBe("invalid_input");

    const vendor = w.sandbox.listRecords("vendors", { top: 1 }).items[0];
    const id = String(vendor?.id);
    const missing = caught(() =>
      w.publisher.runInstant(flow.id, { records: [{ table: "vendors", id }], inputs: {}, user: USER }),
    );
    expect(missing.code).toBe("invalid_input");
    expect(missing.message).toBe("“Reason” is required: fill it in to run this flow.");
    expect(missing.issues).toEqual([{ path: "inputs.text", message: missing.message }]);
    expect(
      caught(() => w.publisher.runInstant(flow.id, { inputs: { text: "x" }, user: USER })).message,
    ).toMatch(/^Select a record first/);
    expect(
      caught(() =>
        w.publisher.runInstant(flow.id, {
          records: [{ table: "customers", id }],
          inputs: { text: "x" },
          user: USER,
        }),
      ).message,
    ).toBe("“Block vendor payments” is not offered on the Customers page.");

    const result = w.publisher.runInstant(flow.id, {
      records: [{ table: "vendors", id }],
      inputs: { text: "Duplicate bank details", boolean: true, unknown: "ignored" },
      user: USER,
      page: "page27",
    });
    expect(result.runIds).toEqual([result.runId]);
    await w.settle();
    const run = w.engine.getRun(result.runId);
    expect(run).toMatchObject({ status: "Succeeded", flowVersion: 1, mode: "published" });
    expect(run?.triggerOutputs).toEqual({
      headers: {
        "x-ms-user-name": USER.name,
        "x-ms-user-email": USER.email,
        "x-ms-user-name-encoded": Buffer.from(USER.name).toString("base64"),
        "x-ms-user-email-encoded": Buffer.from(USER.email).toString("base64"),
        "x-ms-user-timestamp": new Date(w.clock.now()).toISOString(),
      },
      body: {
        EnvironmentName: "PRODUCTION",
        CompanyId: companyId("CRONUS Demo Ltd."),
        TableId: 23,
        PageId: 27,
        SystemId: id,
        WebClientUrl: expect.stringContaining("page=26&filter="),
        text: "Duplicate bank details",
        boolean: true,
      },
    });
    expect(w.sandbox.getRecord("vendors", id).blocked).toBe("Payment");
    // Steps send as the connections' user; the buyers and the vendor's contact get one mail each.
    const sent = w.sandbox.listMessages(w.sandbox.connectionUser(), { folder: "Sent Items" }).items;
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => m.toRecipients)).toContain(DEMO_GROUPS.buyers);
  });

  it("refuses when Automate is off, when the flow is off, and for flows that are not instant", () => {
    let off = false;
    const w = open({ automateOff: () => off });
    const flow = templateFlow(w, "block-vendor-payments");
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const vendor = String(w.sandbox.listRecords("vendors", { top: 1 }).items[0]?.id);
    const args = { records: [{ table: "vendors", id: vendor }], inputs: { text: "why" }, user: USER };
    off = true;
    expect(caught(() => w.publisher.runInstant(flow.id, args)).code).toBe("forbidden");
    off = false;
    w.publisher.setEnabled(flow.id, false);
    expect(w.publisher.instantFlowsFor("vendors")).toEqual([]);
    expect(caught(() => w.publisher.runInstant(flow.id, args)).code).toBe("conflict");
    w.publisher.unpublish(flow.id);
    expect(caught(() => w.publisher.runInstant(flow.id, args)).code).toBe("not_found");
    const approval = templateFlow(w, "approve-vendor");
    w.publisher.publish(approval.id, { publishedBy: "me" });
    expect(caught(() => w.publisher.runInstant(approval.id, args)).message).toMatch(/is not an instant flow/);
  });

  it("a “Manually trigger a flow” flow is offered on every page, after the page's own, with its form's values", async () => {
    const w = open();
    const form = addRunFlowInput(
      addRunFlowInput(undefined, "number", { title: "Amount", required: true }).schema,
      "date",
      { title: "When" },
    );
    const button = createFlow(w, "Anywhere button", "instant", buttonFlow(form.schema));
    const vendorsFlow = templateFlow(w, "block-vendor-payments", "Block vendor payments");
    w.publisher.publish(button.id, { publishedBy: "me" });
    w.publisher.publish(vendorsFlow.id, { publishedBy: "me" });
    expect(w.publisher.instantFlowsFor("vendors").map((e) => [e.name, e.everywhere, e.trigger])).toEqual([
      ["Block vendor payments", false, "selected-record"],
      ["Anywhere button", true, "button"],
    ]);
    expect(w.publisher.instantFlowsFor("salesInvoices").map((e) => e.name)).toEqual(["Anywhere button"]);
    expect(w.publisher.getWorkflow(button.id).triggerSummary).toBe(
      "Run by a person, from any page's Automate menu",
    );
    expect(w.publisher.listWorkflows({ forPage: "vendors" }).items.map((e) => e.name)).toEqual([
      "Anywhere button",
      "Block vendor payments",
    ]);

    const wrong = caught(() =>
      w.publisher.runInstant(button.id, { inputs: { number: "lots", date: "tomorrow" }, user: USER }),
    );
    expect(wrong.message).toBe("“Amount” must be a number. (and 1 more)");
    expect(wrong.issues?.map((i) => i.path)).toEqual(["inputs.number", "inputs.date"]);
    const { runId } = w.publisher.runInstant(button.id, {
      inputs: { number: "12.5", date: "2026-02-01" },
      user: USER,
    });
    await w.settle();
    expect(w.engine.getRun(runId)?.triggerOutputs).toMatchObject({
      headers: { "x-ms-user-email": USER.email },
      body: { number: 12.5, date: "2026-02-01" },
    });
    expect(runsOf(w, button.id)).toHaveLength(1);
  });
});

describe("Run in the workflow list", () => {
  const ME = { name: "Daniel Reyes", email: "daniel.reyes@cronus-demo.example" };

  it("runs a schedule at once and a button flow with its form, as the person who runs it", async () => {
    const w = open();
    const weekly = createFlow(w, "Weekly", "scheduled", scheduledFlow({ frequency: "Week", interval: 1 }));
    // The entry that publishing returns says how it starts, as the list does.
    expect(w.publisher.publish(weekly.id, { publishedBy: "me" }).workflow.startsBy).toBe("schedule");
    expect(w.publisher.runForm(weekly.id)).toEqual({ name: "Weekly", fields: [] });
    expect(w.publisher.getWorkflow(weekly.id).startsBy).toBe("schedule");
    const now = w.publisher.runFromList(weekly.id, { user: ME });
    await w.settle();
    expect(w.engine.getRun(now.runId)).toMatchObject({
      status: "Succeeded",
      flowVersion: 1,
      triggerOutputs: { body: { scheduledTime: new Date(w.clock.now()).toISOString() } },
    });

    const asked = createFlow(
      w,
      "Ask",
      "instant",
      buttonFlow(addRunFlowInput(undefined, "text", { title: "Reason", required: true }).schema),
    );
    w.publisher.publish(asked.id, { publishedBy: "me" });
    expect(w.publisher.listWorkflows({ search: "Ask" }).items.map((e) => e.startsBy)).toEqual(["button"]);
    expect(w.publisher.runForm(asked.id).fields).toEqual([
      expect.objectContaining({ key: "text", title: "Reason", required: true }),
    ]);
    expect(caught(() => w.publisher.runFromList(asked.id, { user: ME })).message).toMatch(/Reason/);
    const run = w.publisher.runFromList(asked.id, { user: ME, inputs: { text: "Quarter end" } });
    await w.settle();
    expect(w.engine.getRun(run.runId)).toMatchObject({
      status: "Succeeded",
      triggerOutputs: { headers: { "x-ms-user-email": ME.email }, body: { text: "Quarter end" } },
    });
  });

  it("says where the other flows run from, and refuses a flow that is off", () => {
    const w = open();
    const vendors = templateFlow(w, "block-vendor-payments", "Block vendor payments");
    w.publisher.publish(vendors.id, { publishedBy: "me" });
    expect(caught(() => w.publisher.runForm(vendors.id)).message).toBe(
      "“Block vendor payments” runs on a record: open the Vendors page in the sandbox, select a record, then Automate.",
    );
    const approval = templateFlow(w, "approve-purchase-invoice", "Invoice approval");
    w.publisher.publish(approval.id, { publishedBy: "me" });
    expect(caught(() => w.publisher.runForm(approval.id)).message).toMatch(
      /starts when its trigger's event happens/,
    );
    expect([vendors, approval].map((f) => w.publisher.getWorkflow(f.id).startsBy)).toEqual([
      "record",
      "event",
    ]);
    w.publisher.disable(approval.id);
    expect(w.publisher.getWorkflow(approval.id).startsBy).toBeNull();
    expect(caught(() => w.publisher.runFromList(approval.id, { user: ME })).message).toMatch(/is turned off/);
  });
});
