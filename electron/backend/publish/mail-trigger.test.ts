import { describe, expect, it } from "vitest";
import type { DefinitionPayload } from "../../../shared/api";
import { instantiate } from "../../../shared/connectors";
import type { WdlDefinition } from "../../../shared/flow";
import { CONNECTION_USER } from "../sandbox/seed/people";
import {
  ACTOR,
  buttonFlow,
  catalogOperation,
  createFlow,
  mailFlow,
  type PublishWorld,
  runsOf,
  templateFlow,
} from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();
const OTHER = "zoe.papadakis@cronus-demo.example";
const FINANCE = "grace.okafor@cronus-demo.example";

function send(w: PublishWorld, mail: Partial<Parameters<PublishWorld["sandbox"]["sendMail"]>[1]> = {}) {
  return w.sandbox.sendMail(ACTOR, {
    to: CONNECTION_USER,
    subject: "Invoice 1042",
    body: "See attached.",
    ...mail,
  });
}

const subjects = (w: PublishWorld, flowId: string) =>
  runsOf(w, flowId).map((run) => w.engine.getRun(run.id)?.steps.find((s) => s.action === "Compose")?.outputs);

describe("“When a new email arrives (V3)” fires on mail delivered in the sandbox", () => {
  it("starts one run per email in the connection user's Inbox, the email as the trigger's body", async () => {
    const w = open();
    const flow = createFlow(w, "Mail watcher", "automated", mailFlow());
    w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(w.publisher.getWorkflow(flow.id).triggerSummary).toBe("When a new email arrives in Inbox");

    const sent = send(w, { cc: OTHER, importance: "High" });
    await w.settle();
    const runs = runsOf(w, flow.id);
    expect(runs).toMatchObject([{ mode: "published", status: "Succeeded" }]);
    const detail = w.engine.getRun(runs[0]?.id ?? "");
    expect(detail?.triggerOutputs).toMatchObject({
      headers: { "x-ms-event": "mail.delivered" },
      body: {
        from: ACTOR,
        toRecipients: CONNECTION_USER,
        ccRecipients: OTHER,
        subject: "Invoice 1042",
        body: "<p>See attached.</p>",
        bodyPreview: "See attached.",
        importance: "High",
        hasAttachments: false,
        internetMessageId: sent.messageId,
      },
    });
    expect(subjects(w, flow.id)).toEqual(["Invoice 1042"]);

    // Mail to someone else's mailbox only: nothing.
    send(w, { to: OTHER, cc: "" });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
  });

  it("watches whoever the flows' connection belongs to, now", async () => {
    const w = open();
    const flow = createFlow(w, "Mail watcher", "automated", mailFlow());
    w.publisher.publish(flow.id, { publishedBy: "me" });
    w.sandbox.setConnectionUser(OTHER);
    send(w, { to: `${CONNECTION_USER}; ${OTHER}` });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
    send(w, { to: CONNECTION_USER });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
  });

  it("applies the trigger's filters: from, to, subject, importance, attachments", async () => {
    const w = open();
    const flow = createFlow(
      w,
      "Invoices from Marcus",
      "automated",
      mailFlow({
        from: ACTOR.toUpperCase(),
        subjectFilter: "invoice",
        importance: "High",
        fetchOnlyWithAttachment: true,
      }),
    );
    w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(w.publisher.getWorkflow(flow.id).triggerSummary).toBe(
      `When a new email arrives in Inbox, from ${ACTOR}, subject contains “invoice”, high importance, with attachments`,
    );
    const pdf = [{ name: "invoice.pdf", contentBytes: "JVBERi0xLjQ=" }];
    send(w, { importance: "High" }); // no attachment
    send(w, { importance: "Normal", attachments: pdf }); // not important
    send(w, { importance: "High", attachments: pdf, subject: "Lunch" }); // another subject
    w.sandbox.sendMail(OTHER, {
      to: CONNECTION_USER,
      subject: "Invoice",
      body: "",
      importance: "High",
      attachments: pdf,
    });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(0);

    send(w, { importance: "High", attachments: pdf, subject: "Your INVOICE 7" });
    await w.settle();
    const runs = runsOf(w, flow.id);
    expect(runs).toHaveLength(1);
    // Without includeAttachments, the attachments are listed without their content.
    expect(w.engine.getRun(runs[0]?.id ?? "")?.triggerOutputs).toMatchObject({
      body: { hasAttachments: true, attachments: [{ name: "invoice.pdf", contentType: "application/pdf" }] },
    });
    expect(JSON.stringify(w.engine.getRun(runs[0]?.id ?? "")?.triggerOutputs)).not.toContain("JVBERi0");
  });

  it("without splitOn the run gets the batch; a splitOn that gives no array starts nothing and is reported on the workflow", async () => {
    const w = open();
    const whole = mailFlow();
    delete (whole.triggers.When_a_new_email_arrives_V3 as { splitOn?: string }).splitOn;
    whole.actions = {
      Compose: { type: "Compose", inputs: "@length(triggerBody()?['value'])", runAfter: {} },
    };
    const batch = createFlow(w, "Batch", "automated", whole);
    const broken = mailFlow();
    (broken.triggers.When_a_new_email_arrives_V3 as { splitOn?: string }).splitOn =
      "@triggerBody()?['values']";
    const bad = createFlow(w, "Broken split", "automated", broken);
    w.publisher.publish(batch.id, { publishedBy: "me" });
    w.publisher.publish(bad.id, { publishedBy: "me" });
    send(w);
    await w.settle();
    expect(subjects(w, batch.id)).toEqual([1]);
    expect(runsOf(w, bad.id)).toHaveLength(0);
    const reason = "The trigger's splitOn '@triggerBody()?['values']' must give an array, but gave null.";
    expect(w.logs).toEqual([`“Broken split” did not start: ${reason}`]);
    // The workflow list says so on the flow, counting them until the person dismisses them.
    expect(w.publisher.getWorkflow(bad.id).startProblems).toEqual({
      count: 1,
      last: reason,
      lastAt: new Date(w.clock.now()).toISOString(),
    });
    expect(w.publisher.getWorkflow(batch.id).startProblems).toBeNull();
    send(w, { subject: "Invoice 1043" });
    await w.settle();
    expect(w.publisher.getWorkflow(bad.id).startProblems).toMatchObject({ count: 2, last: reason });
    expect(w.publisher.dismissStartProblems(bad.id).startProblems).toBeNull();
    expect(w.publisher.getWorkflow(bad.id).startProblems).toBeNull();
    // A new version starts with a clean slate.
    send(w);
    await w.settle();
    expect(w.publisher.getWorkflow(bad.id).startProblems?.count).toBe(1);
    w.publisher.publish(bad.id, { publishedBy: "me", note: "same again" });
    expect(w.publisher.getWorkflow(bad.id).startProblems).toBeNull();
    expect(() => w.publisher.dismissStartProblems("no-such-flow")).toThrow(/published flow/);
  });

  it("mail a flow sends starts no flow; trigger conditions apply to each email", async () => {
    const w = open();
    const guarded = mailFlow();
    (guarded.triggers.When_a_new_email_arrives_V3 as { conditions?: unknown }).conditions = [
      { expression: "@not(startsWith(triggerBody()?['subject'], 'Re:'))" },
    ];
    const flow = createFlow(w, "Guarded", "automated", guarded);
    w.publisher.publish(flow.id, { publishedBy: "me" });
    send(w, { subject: "Re: Invoice 1042" });
    send(w, { subject: "Invoice 1043" });
    await w.settle();
    expect(subjects(w, flow.id)).toEqual(["Invoice 1043"]);

    // A flow's email to the connection user: delivered, but no run.
    const before = runsOf(w, flow.id).length;
    const mailer = buttonFlow();
    mailer.actions = {
      Send: instantiate(catalogOperation("shared_office365", "SendEmailV2"), {
        values: {
          "emailMessage/To": CONNECTION_USER,
          "emailMessage/Subject": "From a flow",
          "emailMessage/Body": "<p>x</p>",
        },
      }) as DefinitionPayload["actions"][string],
    };
    const runId = w.engine.startRun({
      flow: { id: "adhoc", name: "Adhoc mail" },
      mode: "test",
      definition: mailer as WdlDefinition,
      triggerOutputs: { body: {} },
    });
    expect(runId.started).toBe(true);
    await w.settle();
    expect(w.sandbox.listMessages(CONNECTION_USER, { folder: "Inbox", search: "From a flow" }).total).toBe(1);
    expect(runsOf(w, flow.id)).toHaveLength(before);
  });
});

describe("the “Approve invoices that arrive by email” template", () => {
  it("asks the finance manager, then replies to the sender with the outcome and the comments", async () => {
    const w = open();
    const flow = templateFlow(w, "approve-emailed-invoices");
    w.publisher.publish(flow.id, { publishedBy: "me" });
    send(w, { subject: "Invoice 1042 from Birch Logistics", body: "Amount due: 1,250.00" });
    await w.settle();
    const approval = w.sandbox.listApprovals({ status: "Pending" }).items[0];
    expect(approval).toMatchObject({
      title: "Approve the emailed invoice: Invoice 1042 from Birch Logistics",
      assignedTo: [FINANCE],
    });
    w.sandbox.respondToApproval(approval?.id ?? "", {
      responder: FINANCE,
      response: "Approve",
      comments: "Matches the PO.",
    });
    await w.settle();
    expect(runsOf(w, flow.id)).toMatchObject([{ status: "Succeeded" }]);
    const reply = w.sandbox.listMessages(ACTOR, { folder: "Inbox", search: "RE: Invoice 1042" }).items[0];
    expect(reply).toMatchObject({ from: CONNECTION_USER, subject: "RE: Invoice 1042 from Birch Logistics" });
    expect(reply?.body).toContain("Your invoice is approved");
    expect(reply?.body).toContain("Matches the PO.");
    expect(reply?.body).toContain("Amount due: 1,250.00");
  });
});

describe("“When an email is flagged (V3)” fires when an email is flagged in the sandbox", () => {
  it("starts one run per email flagged in the connection user's mailbox, with its filters", async () => {
    const w = open();
    const definition = mailFlow({ importance: "High" });
    const trigger = definition.triggers.When_a_new_email_arrives_V3 as {
      inputs: { host: { operationId: string } };
    };
    trigger.inputs.host.operationId = "OnFlaggedEmailV3";
    const flow = createFlow(w, "Flag watcher", "automated", definition);
    w.publisher.publish(flow.id, { publishedBy: "me" });
    expect(w.publisher.getWorkflow(flow.id).triggerSummary).toBe(
      "When an email is flagged in Inbox, high importance",
    );

    send(w, { subject: "Urgent", importance: "High" });
    send(w, { subject: "Routine" });
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(0); // arriving is not flagging
    const inbox = w.sandbox.listMessages(CONNECTION_USER, { folder: "Inbox" }).items;
    for (const message of inbox) w.sandbox.flagMessage(message.id, true, CONNECTION_USER);
    await w.settle();
    expect(subjects(w, flow.id)).toEqual(["Urgent"]);
    const detail = w.engine.getRun(runsOf(w, flow.id)[0]?.id ?? "");
    expect(detail?.triggerOutputs).toMatchObject({ headers: { "x-ms-event": "mail.flagged" } });
  });
});
