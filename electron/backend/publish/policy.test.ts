import { describe, expect, it } from "vitest";
import type { ConnectorPolicy } from "../../../shared/checker";
import { ACTOR, caught, createFlow, recordFlow, runsOf, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

const BLOCK_OUTLOOK: ConnectorPolicy = { connectors: { shared_office365: "blocked" }, default: "business" };

describe("the administrator's connector policy", () => {
  it("a new policy suspends the enabled flows that break it, with the reason; the others go on", async () => {
    const w = open();
    const mailing = templateFlow(w, "approve-purchase-invoice", "Invoice approvals");
    const watcher = createFlow(w, "Item watcher", "automated", recordFlow("items"));
    w.publisher.publish(mailing.id, { publishedBy: "me" });
    w.publisher.publish(watcher.id, { publishedBy: "me" });

    // Read first, as the administrator does before saving: the same answer, nothing changed.
    const preview = w.publisher.previewPolicy(BLOCK_OUTLOOK);
    expect(w.publisher.getWorkflow(mailing.id).status).toBe("enabled");
    const result = w.publisher.applyPolicy(BLOCK_OUTLOOK);
    expect(preview).toEqual(result);
    expect(result).toEqual({
      checked: 2,
      suspended: [
        {
          id: mailing.id,
          name: "Invoice approvals",
          reason: "Uses Office 365 Outlook, which the administrator blocked",
        },
      ],
      allowed: [],
    });
    expect(w.publisher.getWorkflow(mailing.id)).toMatchObject({
      status: "suspended",
      suspendedReason: "Uses Office 365 Outlook, which the administrator blocked",
    });
    expect(w.publisher.listWorkflows({ status: "suspended" }).items.map((e) => e.id)).toEqual([mailing.id]);

    // A suspended flow does not fire; the compliant one does.
    const invoice = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    w.sandbox.sendForApproval("purchaseInvoices", String(invoice?.id), ACTOR);
    const item = w.sandbox.listRecords("items", { top: 1 }).items[0];
    w.sandbox.updateRecord("items", String(item?.id), { unitPrice: 3 }, ACTOR);
    await w.settle();
    expect(runsOf(w, mailing.id)).toHaveLength(0);
    expect(runsOf(w, watcher.id)).toHaveLength(1);

    // Turning it on checks again: still forbidden under the same policy…
    const error = caught(() => w.publisher.setEnabled(mailing.id, true));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(
      "“Invoice approvals” cannot be turned on: Uses Office 365 Outlook, which the administrator blocked.",
    );
    // …allowed once the administrator relents: still off (its owner turns it on), and its reason
    // says so instead of naming a block that is gone.
    expect(w.publisher.applyPolicy({ connectors: {}, default: "business" })).toMatchObject({
      suspended: [],
      allowed: [{ id: mailing.id, name: "Invoice approvals" }],
    });
    expect(w.publisher.getWorkflow(mailing.id)).toMatchObject({
      status: "suspended",
      suspendedReason:
        "Suspended under an earlier connector policy; the current one allows it, so it can be turned on again",
    });
    // A policy that blocks it for another reason says that reason instead.
    w.publisher.applyPolicy({ connectors: { shared_approvals: "blocked" }, default: "business" });
    expect(w.publisher.getWorkflow(mailing.id).suspendedReason).toBe(
      "Uses Approvals, which the administrator blocked",
    );
    w.publisher.applyPolicy({ connectors: {}, default: "business" });
    expect(w.publisher.setEnabled(mailing.id, true)).toMatchObject({
      status: "enabled",
      suspendedReason: null,
    });
  });

  it("mixing business and non-business connectors is a reason too; the constructor's policy is used to publish", () => {
    let policy: ConnectorPolicy | undefined;
    const w = open({ policy: () => policy });
    const flow = templateFlow(w, "approve-purchase-invoice", "Invoice approvals");
    w.publisher.publish(flow.id, { publishedBy: "me" });
    const mixed: ConnectorPolicy = {
      connectors: { shared_dynamicssmbsaas: "business", shared_approvals: "business" },
      default: "non-business",
    };
    expect(w.publisher.applyPolicy(mixed).suspended[0]?.reason).toBe(
      "Mixes business connectors (Dynamics 365 Business Central and Approvals) with non-business ones (Office 365 Outlook), which the administrator's data policy does not allow",
    );
    policy = BLOCK_OUTLOOK;
    const refused = caught(() => w.publisher.publish(flow.id, { publishedBy: "me" }));
    expect(refused.code).toBe("invalid_input");
    expect(w.publisher.versions(flow.id)).toHaveLength(1);
  });
});
