// The sandbox's Microsoft-like apps as a business user meets them: an everyone-must-approve request
// after one answer, approval details with a table and links, Outlook's reading pane, Teams and Excel
// keeping their place, Excel's numbers, and notifications that can be read.
import { buttonFlow, connector } from "../fixtures/button-flow";
import { callApi, runInstantFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { SandboxPage } from "../pages/sandbox";

const ALICIA = "alicia.thornton@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";
const VICTOR = "victor.almeida@cronus-demo.example";

const ask = (parameters: Record<string, unknown>) =>
  buttonFlow({
    Ask: {
      type: "OpenApiConnectionWebhook",
      inputs: { ...connector("shared_approvals", "StartAndWaitForAnApproval"), parameters },
      runAfter: {},
    },
  });

const TITLE =
  "Approve purchase invoice PI-1001 from Birch Logistics Co. for 13,235.11 USD — quarterly warehouse racking replacement";

/** Daniel (the connection user) asks Alicia, Grace and Victor; everyone must approve. */
const everyoneMustApprove = ask({
  approvalType: "BasicAwaitAll",
  "WebhookApprovalCreationInput/title": TITLE,
  "WebhookApprovalCreationInput/assignedTo": `${ALICIA};${GRACE};${VICTOR}`,
  "WebhookApprovalCreationInput/details":
    "The statement shows **2 open invoices**:\n\n| Invoice | Amount |\n|---|---:|\n| PI-1001 | 13,235.11 |\n| PI-1010 | 5,595.11 |\n\nSee https://intranet.example/racking/aisle-4.",
  "WebhookApprovalCreationInput/enableNotifications": false,
});

test.describe("Sandbox apps", () => {
  test("an everyone-must-approve request: answered, it leaves Received for History; everyone sees who answered", async ({
    app,
  }) => {
    const page = app.page;
    await runInstantFlow(page, "Ask three", everyoneMustApprove);
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openInbox();
    // Received opens on the newest request, which the address keeps.
    const detail = sandbox.approvalDetail();
    await expect(detail.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(page).toHaveURL(/#\/sandbox\/approvals\/inbox\/[^/]+$/);
    await expect(page.getByTestId("tab-approvals").locator(".sbx-count")).toHaveText("1");

    // The details' table is a table, and its address a link that leaves the app safely.
    const table = detail.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText(["Invoice", "Amount"]);
    await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText(["PI-1001", "13,235.11"]);
    const link = detail.getByRole("link", { name: "https://intranet.example/racking/aisle-4" });
    await expect(link).toHaveAttribute("href", "https://intranet.example/racking/aisle-4");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(link).toHaveAttribute("target", "_blank");

    await detail.getByLabel("Comments").fill("Fine by me.");
    await detail.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(
      page
        .getByTestId("toast")
        .filter({ hasText: /^You approved “Approve purchase invoice PI-1001 from Birch…”/ }),
    ).toBeVisible();
    await expect(detail.getByTestId("answer-note")).toContainText("You answered Approve");
    await expect(sandbox.approvals()).toHaveCount(0);
    await expect(page.getByTestId("tab-approvals").locator(".sbx-count")).toHaveCount(0);

    await sandbox.openApprovalHistory();
    const answered = sandbox.approval(TITLE);
    await expect(answered).toContainText("Pending");
    await expect(answered).toContainText("1 of 3 answered");

    // Grace still has it to answer; Daniel, who asked, sees each approver's mark.
    await sandbox.actAs("Grace Okafor");
    await sandbox.openInbox();
    await expect(sandbox.approval(TITLE)).toBeVisible();
    await sandbox.actAs("Daniel Reyes");
    await sandbox.openSentApprovals();
    const sent = await sandbox.openApproval(TITLE);
    await expect(sent.getByTestId("approval-progress")).toContainText("1 of 3 answered");
    const approvers = sent.getByRole("region", { name: "Approvers" }).getByTestId("approver");
    await expect(approvers).toHaveText([
      /Alicia Thornton\s*Approved.*Fine by me\./,
      /Grace Okafor\s*Waiting/,
      /Victor Almeida\s*Waiting/,
    ]);
    await expect(approvers.first()).toHaveAttribute("data-state", "approved");

    // "Act as Grace Okafor to answer" opens the request in her Received box.
    await sent.getByRole("button", { name: "Act as Grace Okafor to answer" }).click();
    await expect(sandbox.actingAs()).toHaveText("Grace Okafor");
    await expect(page.getByRole("link", { name: "Received", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(sandbox.approvalDetail().getByRole("button", { name: "Reject", exact: true })).toBeVisible();
  });

  test("Outlook keeps the open message in the address; replies to all, forwards, marks unread and deletes", async ({
    app,
  }) => {
    const page = app.page;
    await callApi(page, "sandbox.mail.send", {
      from: "marcus.bell@cronus-demo.example",
      to: `${ALICIA}; ${GRACE}`,
      cc: VICTOR,
      subject: "Quarterly vendor review",
      body: "Hello both,\n\nPlease check the list.",
      importance: "High",
    });
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openMailbox(ALICIA);
    const item = sandbox.message("Quarterly vendor review");
    await expect(item.getByRole("img", { name: "High importance" })).toBeVisible();
    // An approval notice comes from Flowsmith, by name.
    await runInstantFlow(
      page,
      "Ask Alicia",
      ask({
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": "Approve the racking",
        "WebhookApprovalCreationInput/assignedTo": ALICIA,
      }),
    );
    await expect(sandbox.message("Approval requested: Approve the racking")).toContainText("Flowsmith");

    const view = await sandbox.readMessage("Quarterly vendor review");
    await expect(page).toHaveURL(/#\/sandbox\/outlook\?message=/);
    await page.reload();
    await expect(view.getByRole("heading", { name: "Quarterly vendor review" })).toBeVisible();
    // Another tab and back: the same message is open.
    await sandbox.openTab("Teams");
    await sandbox.openTab("Outlook");
    await expect(view.getByRole("heading", { name: "Quarterly vendor review" })).toBeVisible();
    await expect(page).toHaveURL(/#\/sandbox\/outlook\?message=/);

    await view.getByRole("button", { name: "Reply all", exact: true }).click();
    const reply = page.getByRole("dialog", { name: "RE: Quarterly vendor review" });
    await expect(reply.getByLabel(/^To/)).toHaveValue(`marcus.bell@cronus-demo.example; ${GRACE}`);
    await expect(reply.getByLabel(/^Cc/)).toHaveValue(VICTOR);
    await reply.getByRole("button", { name: "Cancel" }).click();

    await view.getByRole("button", { name: "Forward", exact: true }).click();
    const forward = page.getByRole("dialog", { name: "FW: Quarterly vendor review" });
    await expect(forward.getByLabel(/^To/)).toHaveValue("");
    await expect(forward.getByLabel("Message")).toHaveValue(/Please check the list\./);
    await forward.getByRole("button", { name: "Cancel" }).click();

    const unread = async () =>
      (await callApi<{ address: string; unread: number }[]>(page, "sandbox.mail.mailboxes", {})).find(
        (m) => m.address === ALICIA,
      )?.unread;
    const before = await unread();
    await view.getByRole("button", { name: "Mark as unread" }).click();
    await expect(view.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await expect(item).toHaveClass(/unread/);
    expect(await unread()).toBe((before ?? 0) + 1);

    await view.getByRole("button", { name: "Delete", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Delete this email?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(item).toHaveCount(0);
    await expect(page).toHaveURL(/#\/sandbox\/outlook$/);
    await expect(page.getByRole("heading", { name: "No message open" })).toBeVisible();
  });

  test("Teams and Excel keep their place across tabs and a reload; Excel reads numbers as numbers", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.channel("Finance", "Payments");
    const payments = page
      .locator('[data-testid="teams-channel"][data-team="Finance"]')
      .filter({ hasText: "Payments" });
    await expect(payments).toHaveAttribute("aria-current", "true");

    const rows = await sandbox.openExcelTable("ApprovalsLog");
    // File names as typed, not shouted.
    await expect(page.getByRole("navigation", { name: "Workbooks and tables" })).toContainText(
      "Approvals log.xlsx",
    );
    const firstAmount = rows.first().locator("td").nth(4);
    await expect(firstAmount).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(firstAmount).toHaveCSS("text-align", "right");
    await expect(rows.first().locator("td").nth(1)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    // The side pane makes way for wide tables, and comes back.
    const workbooks = page.getByRole("navigation", { name: "Workbooks and tables" });
    await page.getByRole("button", { name: "Hide workbooks" }).click();
    await expect(workbooks).toBeHidden();
    await expect(page.getByRole("button", { name: "Show workbooks" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    await page.getByRole("button", { name: "Show workbooks" }).click();
    await expect(workbooks).toBeVisible();
    // An empty table still shows its columns.
    const empty = await sandbox.openExcelTable("BlockedVendors");
    await expect(empty).toHaveCount(0);
    await expect(page.getByTestId("excel-rows").getByRole("columnheader")).toContainText([
      "Date",
      "Vendor number",
      "Vendor name",
    ]);
    await expect(page.getByRole("heading", { name: "This table has no rows" })).toBeVisible();

    // Back to Teams by its tab: still on Payments; after a reload too.
    await sandbox.openTab("Teams");
    await expect(payments).toHaveAttribute("aria-current", "true");
    await expect(page).toHaveURL(/#\/sandbox\/teams\/channel\//);
    await page.reload();
    await expect(payments).toHaveAttribute("aria-current", "true");
    await sandbox.openTab("Excel");
    await expect(
      page
        .getByRole("navigation", { name: "Workbooks and tables" })
        .getByRole("button", { name: /BlockedVendors/ }),
    ).toHaveAttribute("aria-current", "true");
  });

  test("Teams loads older messages on request", async ({ app }) => {
    const page = app.page;
    await runInstantFlow(
      page,
      "Chatty",
      buttonFlow({
        Each: {
          type: "Foreach",
          foreach: "@range(0, 105)",
          actions: {
            Post: {
              type: "OpenApiConnection",
              inputs: {
                ...connector("shared_teams", "PostMessageToConversation"),
                parameters: {
                  poster: "Flow bot",
                  location: "Channel",
                  "body/recipient/groupId": "Sales",
                  "body/recipient/channelId": "Big deals",
                  "body/messageBody": "<p>Deal number @{add(item(), 1)}</p>",
                },
              },
              runAfter: {},
            },
          },
          runAfter: {},
          runtimeConfiguration: { concurrency: { repetitions: 1 } },
        },
      }),
    );
    const sandbox = new SandboxPage(page);
    const messages = await sandbox.channel("Sales", "Big deals");
    await expect(messages.filter({ hasText: "Deal number 105" })).toBeVisible({ timeout: 30_000 });
    const shown = await messages.count();
    expect(shown).toBe(100);
    await expect(messages.filter({ hasText: /^.*Deal number 1$/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Load older messages" }).click();
    await expect(messages.filter({ hasText: /Deal number 1$/ })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Load older messages" })).toHaveCount(0);
  });

  test("notifications: counted on the tab while unread, read one by one or all, cleared; times follow the sandbox's clock", async ({
    app,
  }) => {
    const page = app.page;
    const notify = (text: string) =>
      buttonFlow({
        Note: {
          type: "OpenApiConnection",
          inputs: {
            ...connector("shared_flowpush", "SendNotification"),
            parameters: { "NotificationDefinition/notificationText": text },
          },
          runAfter: {},
        },
      });
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Daniel Reyes");
    await runInstantFlow(page, "First", notify("Invoice PI-1002 was approved"));
    await expect(page.getByTestId("tab-notifications").locator(".sbx-count")).toHaveText("1");
    await sandbox.advanceClock("3 days");
    await runInstantFlow(page, "Second", notify("Invoice PI-1003 was rejected"));
    await expect(page.getByTestId("tab-notifications").locator(".sbx-count")).toHaveText("2");

    const notifications = await sandbox.openNotifications();
    const older = notifications.filter({ hasText: "PI-1002" });
    await expect(older).toContainText("3 days ago");
    await expect(notifications.filter({ hasText: "PI-1003" })).toContainText("just now");
    await expect(older).toHaveAttribute("data-unread", "true");
    await older.getByRole("button", { name: "Mark as read" }).click();
    await expect(older).not.toHaveAttribute("data-unread", "true");
    await expect(page.getByTestId("tab-notifications").locator(".sbx-count")).toHaveText("1");
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByTestId("tab-notifications").locator(".sbx-count")).toHaveCount(0);

    await page.getByRole("button", { name: "Clear all" }).click();
    await page
      .getByRole("dialog", { name: "Clear all notifications?" })
      .getByRole("button", { name: "Clear all" })
      .click();
    await expect(page.getByRole("heading", { name: "No notifications" })).toBeVisible();
  });
});
