// "Weekly overdue-customers mail": every Monday at 08:00 (US Eastern time), find the customers with
// a balance past due, make an HTML table of them and mail it to the credit controller.
import { action, call, definition, expr, literal, member, operation, ref, text, trigger } from "./build";
import { DEMO_COMPANY, DEMO_ENVIRONMENT, DEMO_PEOPLE, DEMO_TIME_ZONE } from "./demo";
import type { Template } from "./types";

/** Business Central's "Balance Due (LCY)": what the customer owes past its due dates. */
export const OVERDUE_FILTER = "balanceDue gt 0";

function build(): Template {
  const start = trigger("Recurrence", operation("builtin_schedule", "Recurrence"), {
    values: {
      "recurrence/interval": 1,
      "recurrence/frequency": "Week",
      "recurrence/timeZone": DEMO_TIME_ZONE,
      "recurrence/schedule/weekDays": ["Monday"],
      "recurrence/schedule/hours": ["8"],
      "recurrence/schedule/minutes": [0],
    },
  });

  const find = action("Find_overdue_customers", operation("shared_dynamicssmbsaas", "GetItemsV3"), {
    values: {
      bcenvironment: DEMO_ENVIRONMENT,
      company: DEMO_COMPANY,
      table: "customers",
      $filter: OVERDUE_FILTER,
      $orderby: "balanceDue desc",
    },
  });
  const customers = ref(find, "body/value");

  // item(): the customer Select is working on.
  const field = (name: string) => member(call("item"), name);
  const amount = (name: string) => expr(call("formatNumber", field(name), literal("N2")));
  const select = action("Select_the_columns", operation("builtin_dataoperations", "Select"), {
    values: {
      "inputs/from": expr(customers),
      "inputs/select": {
        "No.": expr(field("number")),
        Customer: expr(field("displayName")),
        "Balance due": amount("balanceDue"),
        "Credit limit": amount("creditLimit"),
        "Payment terms": expr(field("paymentTermsCode")),
        Salesperson: expr(field("salespersonCode")),
        Phone: expr(field("phoneNumber")),
        Email: expr(field("email")),
      },
    },
    after: [find],
  });

  const table = action("Create_HTML_table", operation("builtin_dataoperations", "TableHtml"), {
    values: { "inputs/from": expr(ref(select, "body")) },
    after: [select],
  });

  const today = call(
    "formatDateTime",
    call("convertFromUtc", call("utcNow"), literal(DEMO_TIME_ZONE)),
    literal("MMMM d, yyyy"),
  );
  const mail = action("Send_an_email_(V2)", operation("shared_office365", "SendEmailV2"), {
    values: {
      "emailMessage/To": DEMO_PEOPLE.creditController,
      "emailMessage/Subject": text`Overdue customers - ${today}`,
      "emailMessage/Body": [
        "<p>Good morning,</p>",
        text`<p>Customers with a balance past due this week: ${call("length", customers)}, largest first.</p>`,
        text`${ref(table, "body")}`,
        "<p>Please follow up with each of them, and tell Finance about any you expect not to pay.</p>",
      ].join("\n"),
      "emailMessage/Cc": DEMO_PEOPLE.financeManager,
    },
    after: [table],
  });

  return {
    id: "weekly-overdue-customers",
    title: "Weekly overdue-customers mail",
    description:
      "Every Monday at 8:00, emails the credit controller a table of the Business Central customers with a balance past due, largest first.",
    kind: "scheduled",
    category: "Scheduled",
    definition: definition(start, find, select, table, mail),
  };
}

export const OVERDUE_CUSTOMERS_TEMPLATE: Template = build();
