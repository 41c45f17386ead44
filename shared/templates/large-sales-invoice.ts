// "Notify a channel when a large sales invoice is posted": Business Central's record-modified
// trigger on sales invoices, narrowed by trigger conditions to posted invoices over 10,000, posts a
// message in the Sales team's "Big deals" channel.
//
// Posting is told by the invoice's "posted" field, which the sandbox's records carry beyond the
// catalog's fields (posted documents never change again, so the flow fires once per invoice).
import {
  action,
  call,
  definition,
  expr,
  literal,
  operation,
  ref,
  refUndeclared,
  text,
  trigger,
  value,
} from "./build";
import { DEMO_COMPANY, DEMO_ENVIRONMENT, DEMO_SALES_CHANNEL } from "./demo";
import type { Template } from "./types";

/** Invoices above this amount (including tax, in the invoice's currency) are announced. */
export const LARGE_INVOICE_AMOUNT = 10000;

function build(): Template {
  const modified = operation("shared_dynamicssmbsaas", "CreateOnUpdatedItemsSubscriptionV3");
  const start = trigger("When_a_record_is_modified_(V3)", modified, {
    values: { bcenvironment: DEMO_ENVIRONMENT, company: DEMO_COMPANY, table: "salesInvoices" },
  });
  const amount = ref(start, "body/totalAmountIncludingTax");
  // Trigger conditions: every one must hold, or no run is created.
  start.object = {
    ...start.object,
    conditions: [
      { expression: expr(call("equals", refUndeclared(start, "body/posted"), value(true))) },
      { expression: expr(call("greater", amount, value(LARGE_INVOICE_AMOUNT))) },
    ],
  };

  const number = ref(start, "body/number");
  const post = action(
    "Post_message_in_a_chat_or_channel",
    operation("shared_teams", "PostMessageToConversation"),
    {
      values: {
        poster: "Flow bot",
        location: "Channel",
        "body/recipient/groupId": DEMO_SALES_CHANNEL.team,
        "body/recipient/channelId": DEMO_SALES_CHANNEL.channel,
        "body/messageBody": [
          text`<p>Sales invoice <strong>${number}</strong> for <strong>${ref(start, "body/customerName")}</strong> was posted: <strong>${call("formatNumber", amount, literal("N2"))} ${ref(start, "body/currencyCode")}</strong>.</p>`,
          text`<p>Salesperson: ${ref(start, "body/salesperson")} · Due date: ${ref(start, "body/dueDate")} · Customer no. ${ref(start, "body/customerNumber")}</p>`,
        ].join("\n"),
      },
    },
  );

  return {
    id: "notify-large-sales-invoice",
    title: "Notify a channel when a large sales invoice is posted",
    description: `Posts a message in the Sales team's "${DEMO_SALES_CHANNEL.channel}" channel in Teams whenever a sales invoice over ${LARGE_INVOICE_AMOUNT.toLocaleString("en-US")} is posted in Business Central.`,
    kind: "automated",
    category: "Notifications",
    definition: definition(start, post),
  };
}

export const LARGE_SALES_INVOICE_TEMPLATE: Template = build();
