// "Block vendor payments": an instant flow of the Vendors page. The person picks a vendor, chooses
// Automate → Block vendor payments, gives a reason and says whether to tell the buyers; the flow
// blocks payments to the vendor (Blocked = Payment), emails the vendor's contact, and the buyers.
import { addRunFlowInput } from "../connectors";
import { action, branches, definition, expr, operation, ref, text, trigger } from "./build";
import { DEMO_COMPANY, DEMO_ENVIRONMENT, DEMO_GROUPS } from "./demo";
import type { Template } from "./types";

/** The Business Central table of vendors (table 23): the trigger's page parameter, "table23". */
export const VENDORS_PAGE_PARAMETER = "table23";

function runFlowForm() {
  const reason = addRunFlowInput(undefined, "text", {
    title: "Reason",
    description: "Why payments to this vendor are blocked; the vendor and the buyers are told",
    required: true,
  });
  const notify = addRunFlowInput(reason.schema, "boolean", {
    title: "Notify buyers",
    description: "Also tell the buyers by email",
  });
  return { schema: notify.schema, reason: reason.key, notify: notify.key };
}

function build(): Template {
  const bc = (operationId: string) => operation("shared_dynamicssmbsaas", operationId);
  const where = { bcenvironment: DEMO_ENVIRONMENT, company: DEMO_COMPANY, table: "vendors" };
  const form = runFlowForm();

  const start = trigger("manual", bc("ForASelectedRecordV3"), {
    values: {
      bcenvironment: DEMO_ENVIRONMENT,
      company: DEMO_COMPANY,
      page: VENDORS_PAGE_PARAMETER,
      "inputs/schema": form.schema,
    },
  });
  const vendorId = expr(ref(start, "body/SystemId"));
  const reason = ref(start, `body/${form.reason}`);
  const user = ref(start, "headers/x-ms-user-name");

  const get = action("Get_vendor", bc("GetItemV3"), { values: { ...where, id: vendorId } });
  const name = ref(get, "body/displayName");
  const number = ref(get, "body/number");

  const block = action("Block_payments", bc("PatchItemV3"), {
    values: { ...where, id: vendorId },
    fields: { blocked: "Payment" },
    after: [get],
  });

  const office = operation("shared_office365", "SendEmailV2");
  const mailVendor = action("Email_the_vendor", office, {
    values: {
      "emailMessage/To": expr(ref(get, "body/email")),
      "emailMessage/Subject": text`Payments to ${name} are on hold`,
      "emailMessage/Body": [
        "<p>Dear supplier,</p>",
        text`<p>We have put payments to your account <strong>${number}</strong> on hold.</p>`,
        text`<p>Reason: ${reason}</p>`,
        "<p>Please contact your buyer at our company if you have any questions.</p>",
      ].join("\n"),
    },
    after: [block],
  });

  const mailBuyers = action("Email_the_buyers", office, {
    values: {
      "emailMessage/To": DEMO_GROUPS.buyers,
      "emailMessage/Subject": text`Vendor ${number} ${name}: payments blocked`,
      "emailMessage/Body": [
        text`<p>${user} blocked payments to vendor <strong>${number} ${name}</strong>.</p>`,
        text`<p>Reason: ${reason}</p>`,
        text`<p><a href="${ref(start, "body/WebClientUrl")}">Open the vendor in Business Central</a></p>`,
      ].join("\n"),
    },
  });

  const condition = action("If_buyers_are_to_be_notified", operation("builtin_control", "If"), {
    values: { expression: { and: [{ equals: [expr(ref(start, `body/${form.notify}`)), true] }] } },
    after: [mailVendor],
    extra: branches([mailBuyers], []),
  });

  return {
    id: "block-vendor-payments",
    title: "Block vendor payments",
    description:
      "From the Vendors page, blocks payments to the selected vendor with the reason you give, emails the vendor's contact and, if you choose, the buyers.",
    kind: "instant",
    category: "Instant",
    page: "vendors",
    definition: definition(start, get, block, mailVendor, condition),
  };
}

export const BLOCK_VENDOR_PAYMENTS_TEMPLATE: Template = build();
