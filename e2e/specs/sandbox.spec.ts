import { buttonFlow, connector } from "../fixtures/button-flow";
import { callApi, runInstantFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { SandboxPage } from "../pages/sandbox";

const ALICIA = "alicia.thornton@cronus-demo.example";

/** Mails Alicia (and an outside address), then asks her for an approval. */
const mailAndApproval = buttonFlow({
  Send_an_email: {
    type: "OpenApiConnection",
    inputs: {
      ...connector("shared_office365", "SendEmailV2"),
      parameters: {
        "emailMessage/To": `${ALICIA};partner@contoso.example`,
        "emailMessage/Subject": "Vendor statement for October",
        "emailMessage/Body":
          '<p>Hello Alicia,</p><p>The statement is <strong>attached</strong>.</p><script>document.title="hacked"</script><p><a href="javascript:alert(1)">Open</a></p>',
      },
    },
    runAfter: {},
  },
  Start_and_wait_for_an_approval: {
    type: "OpenApiConnectionWebhook",
    inputs: {
      ...connector("shared_approvals", "StartAndWaitForAnApproval"),
      parameters: {
        approvalType: "CustomResponse",
        "WebhookApprovalCreationInput/responseOptions": ["Pay now", "Pay later"],
        "WebhookApprovalCreationInput/title": "How do we pay Birch Logistics?",
        "WebhookApprovalCreationInput/assignedTo": ALICIA,
        "WebhookApprovalCreationInput/details":
          "The statement shows **3 open invoices**.\n\n- PI-1001\n- PI-1010",
        "WebhookApprovalCreationInput/enableNotifications": false,
        "WebhookApprovalCreationInput/enableReassignment": false,
      },
    },
    runAfter: { Send_an_email: ["Succeeded"] },
  },
});

/** Waits two days on the sandbox's clock, then notifies the connection user (Daniel). */
const waitThenNotify = buttonFlow({
  Delay: { type: "Wait", inputs: { interval: { count: 2, unit: "Day" } }, runAfter: {} },
  Send_me_a_mobile_notification: {
    type: "OpenApiConnection",
    inputs: {
      ...connector("shared_flowpush", "SendNotification"),
      parameters: {
        "NotificationDefinition/notificationText": "Two days have passed",
        "NotificationDefinition/notificationLink/uri": "sandbox://businesscentral/purchaseInvoices",
        "NotificationDefinition/notificationLink/label": "Open purchase invoices",
      },
    },
    runAfter: { Delay: ["Succeeded"] },
  },
});

test.describe("Sandbox", () => {
  test("edits a customer on its card, refuses a bad value with the backend's message, and keeps the change after a reload", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openRecord("Customers", "C10000");
    await expect(sandbox.field("Name")).toHaveValue("Heron Living Ltd.");

    await sandbox.setField("Credit limit (LCY)", "lots");
    const error = await sandbox.saveExpectingError();
    await expect(error).toHaveText("Credit limit (LCY) must be a number.");
    await expect(sandbox.field("Credit limit (LCY)")).toHaveAttribute("aria-invalid", "true");
    await expect(sandbox.field("Credit limit (LCY)")).toHaveAccessibleDescription(
      "Credit limit (LCY) must be a number.",
    );

    await sandbox.setField("Credit limit (LCY)", "25000");
    await sandbox.setField("Name", "Heron Living Group");
    await sandbox.save();

    await app.page.reload();
    await expect(sandbox.field("Name")).toHaveValue("Heron Living Group");
    // Stored as a number, written as the card writes numbers.
    await expect(sandbox.field("Credit limit (LCY)")).toHaveValue("25,000.00");

    // The list shows the new name too; Escape on the card drops unsaved edits.
    await sandbox.setField("Name", "Typo");
    await sandbox.field("Name").press("Escape");
    await expect(sandbox.field("Name")).toHaveValue("Heron Living Group");
    await sandbox.openTable("Customers");
    await expect(sandbox.row("C10000")).toContainText("Heron Living Group");
  });

  test("a record list keeps its search, sort and page across a card and Back; sorting from the keyboard keeps the focus", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Customers");
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await nameHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await page.keyboard.press("Enter");
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(nameHeader.getByRole("button")).toBeFocused();
    await sandbox.search("Ltd");
    await expect(page).toHaveURL(/q=Ltd/);
    const firstNumber = await sandbox.rows().first().getByRole("link").textContent();
    await sandbox.rows().first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`${firstNumber}$`) })).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("searchbox", { name: /^Search / })).toHaveValue("Ltd");
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(sandbox.rows().first().getByRole("link")).toHaveText(firstNumber ?? "");

    // A search that finds nothing says so, and clearing it brings every customer back.
    await sandbox.search("zzzz");
    await expect(page.getByText("No records match “zzzz”.")).toBeVisible();
    await page.getByRole("button", { name: "Clear the search" }).click();
    await expect(page.getByRole("searchbox", { name: /^Search / })).toHaveValue("");
    await expect(page.getByRole("searchbox", { name: /^Search / })).toBeFocused();
    await expect(sandbox.rows()).toHaveCount(25);
  });

  test("a refused value in the folded Details of a document opens them and puts the keyboard on the field", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    const details = page
      .locator("details.sbx-card-details")
      .filter({ hasText: "Addresses and other details" });
    await details.locator("summary").click();
    await sandbox.setField("Invoice discount amount", "-5");
    await details.locator("summary").click();
    await expect(sandbox.field("Invoice discount amount")).toBeHidden();

    const error = await sandbox.saveExpectingError();
    await expect(error).toContainText("Invoice discount amount");
    await expect(sandbox.field("Invoice discount amount")).toBeVisible();
    await expect(sandbox.field("Invoice discount amount")).toBeFocused();
    await expect(sandbox.field("Invoice discount amount")).toHaveAttribute("aria-invalid", "true");
  });

  test("edits left unsaved on a card are kept when the person goes elsewhere, and come back with it", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Customers", "C10000");
    await sandbox.setField("Name", "Heron Living (draft)");
    await sandbox.openTab("Outlook");
    const toast = page.getByTestId("toast").filter({ hasText: "are not saved" });
    await expect(toast).toContainText("Your changes to customer C10000 are not saved");
    await toast.getByRole("button", { name: "Back to them" }).click();
    await expect(sandbox.field("Name")).toHaveValue("Heron Living (draft)");
    await expect(page.getByTestId("kept-edits")).toBeVisible();
    await sandbox.save();
    await expect(page.getByTestId("kept-edits")).toBeHidden();
    // Saved: leaving says nothing, and the list has the name.
    await sandbox.openTable("Customers");
    await expect(sandbox.row("C10000")).toContainText("Heron Living (draft)");
    await expect(toast).toHaveCount(0);
  });

  test("sends PI-1001 for approval: with no flow or workflow to answer, it waits Pending Approval and reaches nobody's inbox", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openRecord("purchaseInvoices", "PI-1001");
    await expect(sandbox.status()).toHaveText("Open");
    await expect(sandbox.action("Cancel approval request")).toBeDisabled();

    // Told at once that the request waits for nobody, and the card keeps saying so.
    const toast = await sandbox.sendForApproval();
    await expect(toast).toContainText("PI-1001 was sent for approval, but nothing answers it");
    await expect(sandbox.status()).toHaveText("Pending Approval");
    await expect(app.page.getByTestId("pending-hint")).toBeVisible();
    await expect(sandbox.approvalRequest()).toContainText("Sent by Daniel Reyes on");
    await expect(sandbox.approvalRequest()).toContainText(
      "Nothing answers this request: no enabled workflow or published flow reacts to it.",
    );
    await expect(sandbox.approvalRequest()).toContainText("Cancel the approval request to edit it.");
    await expect(sandbox.action("Send approval request")).toBeDisabled();
    await expect(sandbox.action("Release")).toBeDisabled();
    await expect(sandbox.action("Post")).toBeDisabled();
    // Nothing can be typed on a document waiting for approval: its fields are read-only text.
    await expect(app.page.getByRole("textbox", { name: "Vendor invoice no." })).toHaveCount(0);
    await expect(app.page.locator('[data-field="vendorInvoiceNumber"]')).toBeVisible();

    // Built-in workflows are off and no flow is armed: the approver has nothing to answer.
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openInbox();
    await expect(app.page.getByRole("heading", { name: "Nothing waits for your approval" })).toBeVisible();
    await expect(
      app.page.getByText("Send a purchase invoice for approval in Business Central"),
    ).toBeVisible();

    await sandbox.openTable("Purchase invoices");
    await expect(sandbox.row("PI-1001").getByTestId("status-badge")).toHaveText("Pending Approval");
    // Deleting it with another: the other goes, it stays (still ticked), and the toast says why.
    await sandbox.deleteRecords("PI-1001", "PI-1002");
    await expect(
      app.page.getByTestId("toast").filter({ hasText: "Purchase invoice PI-1002 deleted" }),
    ).toBeVisible();
    await expect(
      app.page.getByTestId("toast").filter({ hasText: "1 record was not deleted: PI-1001:" }),
    ).toContainText("pending approval");
    await expect(sandbox.row("PI-1002")).toHaveCount(0);
    await expect(sandbox.row("PI-1001").getByRole("checkbox")).toBeChecked();
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await sandbox.cancelApprovalRequest();
    await expect(sandbox.status()).toHaveText("Open");
    await expect(sandbox.action("Send approval request")).toBeEnabled();
  });

  test("a customer card knows its approval request: Cancel only while one is open, Send only while none is", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Marcus Bell");
    await sandbox.openRecord("Customers", "C10000");
    const send = sandbox.action("Send approval request");
    const cancel = sandbox.action("Cancel approval request");
    await expect(cancel).toBeDisabled();
    await expect(cancel).toHaveAttribute("title", /no approval request is open/);
    await expect(sandbox.approvalRequest()).toBeHidden();

    const toast = await sandbox.sendForApproval();
    await expect(toast).toContainText("C10000 was sent for approval, but nothing answers it");
    await expect(cancel).toBeEnabled();
    await expect(send).toBeDisabled();
    await expect(send).toHaveAttribute("title", /open already/);
    await expect(sandbox.approvalRequest()).toContainText("Sent by Marcus Bell on");
    await expect(sandbox.approvalRequest()).toContainText("Nothing answers this request");

    // Built-in workflow on: the next request is answered by it, and both say so.
    await sandbox.cancelApprovalRequest();
    await expect(cancel).toBeDisabled();
    await expect(send).toBeEnabled();
    await expect(sandbox.approvalRequest()).toBeHidden();
    const workflows = await callApi<{ items: { id: string; name: string }[] }>(page, "workflows.list", {
      search: "Customer credit limit approval",
    });
    const credit = workflows.items.find((w) => w.name === "Customer credit limit approval");
    await callApi(page, "workflows.setEnabled", { id: credit?.id, enabled: true });
    await expect(await sandbox.sendForApproval()).toContainText(
      "(built-in workflow “Customer credit limit approval”)",
    );
    await expect(sandbox.approvalRequest()).toContainText(
      "(built-in workflow “Customer credit limit approval”)",
    );
    await expect(sandbox.approvalRequest()).toContainText(/^Waiting for [A-Z][a-z]+ [A-Z][a-z]+ \(/);
    await expect(cancel).toBeEnabled();
  });

  test("writing an email: a wrong address is named and nothing is sent; closing asks before losing it; a reply reaches the sender", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.goto("Outlook");
    await sandbox.actAs("Marcus Bell");
    await page.getByRole("button", { name: "New email" }).click();
    const dialog = page.getByRole("dialog", { name: "New email" });
    await dialog.getByLabel(/^To/).fill(`${ALICIA}; bob`);
    await dialog.getByLabel("Subject").fill("Quarter close");
    await dialog.getByRole("button", { name: "Send", exact: true }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Parameter 'to': 'bob' is not an email address.");
    await expect(dialog.getByLabel(/^To/)).toHaveAttribute("aria-invalid", "true");

    await page.keyboard.press("Escape");
    const discard = page.getByRole("dialog", { name: "Discard this email?" });
    await discard.getByRole("button", { name: "Cancel" }).click();
    await dialog.getByLabel(/^To/).fill(ALICIA);
    await dialog.getByRole("button", { name: "Send", exact: true }).click();
    await expect(dialog).toBeHidden();

    await sandbox.actAs("Alicia Thornton");
    await sandbox.openMailbox(ALICIA);
    const mail = await sandbox.readMessage("Quarter close");
    await mail.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = page.getByRole("dialog", { name: "RE: Quarter close" });
    await expect(reply.getByLabel(/^To/)).toHaveValue("marcus.bell@cronus-demo.example");
    await reply.getByLabel("Message").press("Control+Home");
    await reply.getByLabel("Message").pressSequentially("Done on my side.");
    await reply.getByRole("button", { name: "Send", exact: true }).click();
    await expect(reply).toBeHidden();

    await sandbox.actAs("Marcus Bell");
    await sandbox.openMailbox("marcus.bell@cronus-demo.example");
    const answer = await sandbox.readMessage("RE: Quarter close");
    await expect(answer).toContainText("Done on my side.");
  });

  test("a snapshot brings back the world as it was saved", async ({ app }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.saveSnapshot("Before the test");

    await sandbox.openRecord("Vendors", "V20000");
    const original = await sandbox.field("Name").inputValue();
    await sandbox.setField("Name", "Changed during the test");
    await sandbox.save();

    await sandbox.restoreSnapshot("Before the test");
    await sandbox.openRecord("Vendors", "V20000");
    await expect(sandbox.field("Name")).toHaveValue(original);

    // Saving under the same name asks first: the snapshot it replaces is gone for good.
    await sandbox.openSimulation();
    await app.page.getByRole("textbox", { name: "Snapshot name" }).fill("Before the test");
    await app.page.getByRole("button", { name: "Replace snapshot" }).click();
    const replace = app.page.getByRole("dialog", { name: "Replace snapshot “Before the test”?" });
    await expect(replace).toContainText("cannot be restored afterwards");
    await expect(replace.getByRole("button", { name: "Cancel" })).toBeFocused();
    await replace.getByRole("button", { name: "Cancel" }).click();
    await expect(replace).toBeHidden();
    await app.page.getByRole("button", { name: "Replace snapshot" }).click();
    await replace.getByRole("button", { name: "Replace snapshot" }).click();
    await expect(
      app.page.getByTestId("toast").filter({ hasText: "Snapshot “Before the test” saved" }),
    ).toBeVisible();
    await expect(sandbox.snapshots()).toHaveCount(1);

    // Snapshots outlive a reload, and can be deleted.
    await app.page.reload();
    await sandbox.openSimulation();
    await expect(sandbox.snapshot("Before the test")).toBeVisible();
    await sandbox.deleteSnapshot("Before the test");
    await expect(app.page.getByText("No snapshots yet.")).toBeVisible();
  });

  test("reset to the demo data undoes changes, new records and deletions", async ({ app }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openTable("Items");
    await sandbox.newRecord({ Description: "Sandbox test chair", "Unit price": "99" });
    await expect(sandbox.field("Description")).toHaveValue("Sandbox test chair");
    await expect(app.page.getByRole("heading", { level: 2, name: /^Item \d+$/ })).toBeVisible();

    await sandbox.openTable("Customers");
    await sandbox.deleteRecords("C10010");
    await expect(sandbox.row("C10010")).toHaveCount(0);

    await sandbox.reset();
    await sandbox.openTable("Customers");
    await expect(sandbox.row("C10010")).toBeVisible();
    await sandbox.openTable("Items");
    await sandbox.search("Sandbox test chair");
    await expect(app.page.getByText("No records match")).toBeVisible();
  });

  test("a reset names the runs waiting on its approvals, cancels them with the reason, and leads to Runs", async ({
    app,
  }) => {
    const page = app.page;
    await runInstantFlow(page, "Ask Alicia", mailAndApproval);
    const sandbox = new SandboxPage(page);
    await sandbox.openSimulation();
    await page.getByRole("button", { name: "Reset to demo data" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset the sandbox to the demo data?" });
    await expect(dialog.getByTestId("runs-to-cancel")).toContainText("Ask Alicia");
    await expect(dialog.getByTestId("runs-to-cancel")).toContainText("Waiting on an approval");
    await dialog.getByRole("button", { name: "Reset to demo data" }).click();

    const cancelled = page.getByTestId("toast").filter({ hasText: "1 waiting run was cancelled" });
    await cancelled.getByRole("button", { name: "Runs" }).click();
    await expect(page).toHaveURL(/#\/runs$/);
    await page.getByRole("link", { name: "Ask Alicia" }).first().click();
    await expect(
      page.getByText("Cancelled: the sandbox was reset, and the approval it waited on is gone."),
    ).toBeVisible();
  });

  test("faults are added with their effect and count, and cleared one by one or all at once", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openSimulation();
    await expect(app.page.getByText("No faults: every call succeeds.")).toBeVisible();

    await sandbox.addFault({
      connector: "Office 365 Outlook",
      operation: "Send an email (V2)",
      mode: "fail",
      status: 429,
      calls: 3,
      retryAfterSeconds: 5,
    });
    await expect(sandbox.faults().first()).toContainText("Office 365 Outlook · Send an email (V2)");
    await expect(sandbox.faults().first()).toContainText(
      "Fails with 429 Too Many Requests, Retry-After 5 s · 3 calls left",
    );

    await sandbox.addFault({ connector: "Microsoft Teams", mode: "slow", delayMs: 1500, calls: 2 });
    await sandbox.addFault({ connector: "Approvals", mode: "fail", status: 500, calls: 1 });
    await expect(sandbox.faults()).toHaveCount(3);
    await expect(sandbox.faults().filter({ hasText: "Microsoft Teams" })).toContainText(
      "Answers 1,500 ms late · 2 calls left",
    );

    // Faults are the backend's: they are still there after a reload.
    await app.page.reload();
    await sandbox.openSimulation();
    await expect(sandbox.faults()).toHaveCount(3);
    await expect(app.page.getByTestId("simulation-notice")).toHaveCount(0);

    // The other sandbox pages say faults are on, with the way back to them.
    await sandbox.openTable("Vendors");
    await expect(app.page).toHaveTitle("Business Central · Sandbox — Flowsmith");
    const notice = app.page.getByTestId("simulation-notice");
    await expect(notice).toContainText("3 faults make connector calls fail or answer late");
    await notice.getByRole("link", { name: "Open Simulation" }).click();
    await expect(sandbox.faults()).toHaveCount(3);

    await sandbox.clearFault("Microsoft Teams");
    await expect(sandbox.faults()).toHaveCount(2);
    await expect(sandbox.faults().filter({ hasText: "Microsoft Teams" })).toHaveCount(0);
    await sandbox.clearFault();
    await expect(app.page.getByText("No faults: every call succeeds.")).toBeVisible();
    await sandbox.openTable("Vendors");
    await expect(app.page.getByRole("heading", { level: 2, name: "Vendors" })).toBeVisible();
    await expect(app.page.getByTestId("simulation-notice")).toHaveCount(0);
  });

  test("the form says every wrong field at once, under each, and the keyboard goes to the first", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openSimulation();
    const form = app.page.getByRole("form", { name: "New fault" });
    await form.getByLabel("For the next N calls").fill("0");
    await form.getByRole("button", { name: "Add fault" }).click();
    const connector = form.getByLabel("Connector");
    const calls = form.getByLabel("For the next N calls");
    await expect(connector).toBeFocused();
    await expect(connector).toHaveAccessibleDescription("Choose a connector.");
    await expect(calls).toHaveAttribute("aria-invalid", "true");
    await expect(calls).toHaveAccessibleDescription("The number of calls is a whole number from 1 to 1,000.");
    await expect(sandbox.faults()).toHaveCount(0);
    // Fixing one field clears its message, and only its own.
    await connector.selectOption({ label: "Microsoft Teams" });
    await expect(connector).not.toHaveAttribute("aria-invalid", "true");
    await expect(calls).toHaveAttribute("aria-invalid", "true");
    await calls.fill("2");
    await form.getByRole("button", { name: "Add fault" }).click();
    await expect(sandbox.faults()).toHaveCount(1);
  });

  test("acting as another person shows their mailbox and inbox; mail and requests arrive live and are answered as them", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openMailbox(ALICIA);
    await expect(app.page.getByRole("heading", { name: "No mail here" })).toBeVisible();

    // A flow mails Alicia and asks her: both appear without reloading the page.
    await runInstantFlow(app.page, "Ask Alicia", mailAndApproval);
    await expect(sandbox.message("Vendor statement for October")).toBeVisible();
    await expect(sandbox.message("Vendor statement for October")).toHaveClass(/unread/);

    const pane = await sandbox.readMessage("Vendor statement for October");
    await expect(pane).toContainText("The statement is attached.");
    await expect(pane.locator("strong")).toHaveText("attached");
    // The flow's script and javascript: link are shown as nothing and as plain text.
    await expect(pane.locator("script")).toHaveCount(0);
    await expect(pane.getByText("Open", { exact: true })).not.toHaveAttribute("href", /.*/);
    expect(await app.page.title()).not.toBe("hacked");
    await expect(sandbox.message("Vendor statement for October")).not.toHaveClass(/unread/);

    // The copy to the outside address lands in the external outbox.
    await sandbox.openMailbox("outbox/external");
    await expect(sandbox.message("Vendor statement for October")).toBeVisible();

    // Daniel (the connection user, who sent it) has it in Sent Items, and no request to answer.
    await sandbox.actAs("Daniel Reyes");
    await sandbox.openMailbox("daniel.reyes@cronus-demo.example", "Sent Items");
    await expect(sandbox.message("Vendor statement for October")).toBeVisible();
    await sandbox.openInbox();
    await expect(sandbox.approvals()).toHaveCount(0);

    await sandbox.actAs("Alicia Thornton");
    await sandbox.openInbox();
    const detail = await sandbox.openApproval("How do we pay Birch Logistics?");
    await expect(detail.locator("strong", { hasText: "3 open invoices" })).toBeVisible();
    await expect(detail.locator(".sbx-approval-details").getByRole("listitem")).toHaveText([
      "PI-1001",
      "PI-1010",
    ]);
    // Who is asked, and that nobody has answered yet.
    await expect(detail.getByRole("region", { name: "Approvers" }).getByTestId("approver")).toHaveText([
      /Alicia Thornton\s*Waiting/,
    ]);
    await sandbox.respond("How do we pay Birch Logistics?", "Pay later", "After the audit, please.");
    await expect(sandbox.approvals()).toHaveCount(0);
    await expect(app.page.getByRole("heading", { name: "Nothing waits for your approval" })).toBeVisible();

    await sandbox.openApprovalHistory();
    const answered = await sandbox.openApproval("How do we pay Birch Logistics?");
    const alicia = answered.getByTestId("approver");
    await expect(alicia).toHaveCount(1);
    await expect(alicia).toContainText("Alicia Thornton");
    await expect(alicia).toContainText("Pay later");
    await expect(alicia).toContainText("After the audit, please.");

    // The person acted as is remembered on this computer.
    await app.page.reload();
    await expect(sandbox.actingAs()).toHaveText("Alicia Thornton");
  });

  test("an approver outside the company: the waiting run says so, and anyone answers for them in Approvals", async ({
    app,
  }) => {
    const page = app.page;
    const flow = await callApi<{ id: string }>(page, "flows.create", {
      name: "Ask a partner",
      kind: "instant",
      definition: buttonFlow({
        Ask: {
          type: "OpenApiConnectionWebhook",
          inputs: {
            ...connector("shared_approvals", "StartAndWaitForAnApproval"),
            parameters: {
              approvalType: "Basic",
              "WebhookApprovalCreationInput/title": "Countersign the framework contract",
              "WebhookApprovalCreationInput/assignedTo": "pat.jones@partner.example",
            },
          },
          runAfter: {},
        },
      }),
    });
    const { runId } = await callApi<{ runId: string }>(page, "runs.start", {
      flowId: flow.id,
      source: { draft: true },
      triggerOutputs: { body: {} },
    });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/runs/${runId}`);
    await expect(page.getByTestId("run-waiting")).toContainText(
      "pat.jones@partner.example is not in the sandbox company: answer for them in Sandbox → Approvals → Outside",
    );

    const sandbox = new SandboxPage(page);
    await sandbox.goto("Approvals");
    // Nobody's inbox has it; the list of requests waiting outside the company does, with its count.
    const outside = page.getByRole("link", { name: /^Outside/ });
    await expect(outside).toContainText("1");
    await outside.click();
    const detail = await sandbox.openApproval("Countersign the framework contract");
    await expect(detail.getByTestId("answer-as")).toHaveValue("pat.jones@partner.example");
    await detail.getByLabel("Comments").fill("Signed on behalf of the partner.");
    await detail.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(
      page.getByTestId("toast").filter({ hasText: "Answered Approve for pat.jones@partner.example" }),
    ).toBeVisible();
    await expect(page.getByText("No request waits on anyone outside the company.")).toBeVisible();

    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/runs/${runId}`);
    await expect(page.getByTestId("run-panel")).toContainText("Succeeded");
  });

  test("the clock moves forward, fires a flow's delay and says so; the notification after it links into the sandbox", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openSimulation();
    await expect(app.page.getByTestId("clock-now")).toContainText("real time");
    await expect(app.page.getByRole("button", { name: "Advance to the next wait" })).toBeDisabled();
    expect(await sandbox.advanceClock("1 day")).toBe(0);
    await expect(app.page.getByTestId("clock-now")).toContainText("24 hours ahead");

    await runInstantFlow(app.page, "Wait two days", waitThenNotify);
    await expect(app.page.getByTestId("clock-next")).not.toHaveText("None");
    expect(await sandbox.advanceClock("next wait")).toBeGreaterThanOrEqual(1);
    await expect(app.page.getByTestId("clock-now")).toContainText("3 days ahead");

    const notifications = await sandbox.openNotifications();
    await expect(notifications.filter({ hasText: "Two days have passed" })).toBeVisible();
    await expect(app.page.getByTestId("simulation-notice")).toHaveText(
      /The simulated clock is 3 days ahead of real time/,
    );
    await notifications.getByRole("link", { name: "Open purchase invoices" }).click();
    await expect(app.page.getByRole("heading", { level: 2, name: "Purchase invoices" })).toBeVisible();
  });

  test("back to real time: asked first while a delay waits ahead, which keeps its time and still fires on an advance", async ({
    app,
  }) => {
    const sandbox = new SandboxPage(app.page);
    await sandbox.openSimulation();
    const back = app.page.getByTestId("clock").getByRole("button", { name: "Back to real time" });
    await expect(back).toBeDisabled();
    expect(await sandbox.advanceClock("1 day")).toBe(0);
    await expect(back).toBeEnabled();

    await runInstantFlow(app.page, "Wait two days", waitThenNotify);
    await sandbox.openNotifications();
    await expect(app.page.getByTestId("simulation-notice")).toContainText("24 hours ahead of real time");
    await sandbox.openSimulation();
    const next = app.page.getByTestId("clock-next");
    await expect(next).not.toHaveText("None");
    const due = (await next.textContent()) ?? "";
    const question = await sandbox.backToRealTime();
    expect(question).toContain("3 days ahead of real time");
    expect(question).toContain(due);
    await expect(back).toBeDisabled();
    await expect(next).toHaveText(due);

    // The other pages no longer say the clock runs ahead.
    await sandbox.openNotifications();
    await expect(app.page.getByText(/The simulated clock is .* ahead of real time/)).toHaveCount(0);

    expect(await sandbox.advanceClock("next wait")).toBeGreaterThanOrEqual(1);
    const notifications = await sandbox.openNotifications();
    await expect(notifications.filter({ hasText: "Two days have passed" })).toBeVisible();
    // Without a wait pending, it goes back at once.
    expect(await sandbox.backToRealTime()).toBeNull();
  });

  test("a deep link opens a document's card with its lines", async ({ app }) => {
    const invoices = await callApi<{ items: { id: string; number: string }[] }>(
      app.page,
      "sandbox.records.list",
      {
        table: "purchaseInvoices",
        search: "PI-1002",
      },
    );
    const id = invoices.items[0]?.id ?? "";
    await app.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/sandbox/bc/purchaseInvoices/${id}`);
    await expect(app.page.getByRole("heading", { level: 2, name: "Purchase invoice PI-1002" })).toBeVisible();
    await expect(app.page.getByTestId("lines-table").locator("tbody tr").first()).toBeVisible();
  });

  test("edits an open document's lines in place: quantity, a new item line, a deleted line, totals computed again", async ({
    app,
  }, testInfo) => {
    type Doc = { id: string; number: string; totalAmountExcludingTax: number };
    type Line = { id: string; sequence: number; quantity: number; lineObjectNumber: string };
    const [invoice] = (
      await callApi<{ items: Doc[] }>(app.page, "sandbox.records.list", {
        table: "purchaseInvoices",
        filter: "status eq 'Open'",
        top: 1,
      })
    ).items;
    if (!invoice) throw new Error("no open purchase invoice in the demo company");
    const linesOf = async () =>
      (await callApi<{ record: Doc; lines: Line[] }>(app.page, "sandbox.records.get", {
        table: "purchaseInvoices",
        id: invoice.id,
      })) as { record: Doc; lines: Line[] };
    const before = await linesOf();
    const first = before.lines[0];
    if (!first) throw new Error("the invoice has no lines");

    await app.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/sandbox/bc/purchaseInvoices/${invoice.id}`);
    const lines = app.page.getByTestId("lines-table");
    await expect(lines.locator("tbody tr")).toHaveCount(before.lines.length);

    // The quantity of the first line, saved with Enter.
    const quantity = app.page.getByLabel(`Quantity of line ${first.sequence}`);
    await quantity.fill(String(first.quantity + 5));
    await quantity.press("Enter");
    await expect.poll(async () => (await linesOf()).lines[0]?.quantity).toBe(first.quantity + 5);
    const afterQuantity = await linesOf();
    expect(afterQuantity.record.totalAmountExcludingTax).toBeGreaterThan(
      before.record.totalAmountExcludingTax,
    );
    // The card shows the new total once it has reloaded (so the next edit starts from the saved value).
    const total = afterQuantity.record.totalAmountExcludingTax.toLocaleString("en-US", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    await expect(app.page.locator('[data-field="totalAmountExcludingTax"]')).toHaveText(total);

    // A value that is not a number is refused at the cell, which says why; Escape puts it back.
    await quantity.fill("lots");
    await quantity.press("Enter");
    await expect(quantity).toHaveAttribute("aria-invalid", "true");
    await expect(quantity).toHaveAccessibleDescription(`Line ${first.sequence}: Quantity must be a number.`);
    await quantity.press("Escape");
    await expect(quantity).toHaveValue(String(first.quantity + 5));
    await expect(quantity).not.toHaveAttribute("aria-invalid", "true");

    // A new line for item 1000, its description filled from the item.
    await app.page.getByLabel("Item no.").fill("1000");
    await app.page.getByRole("group", { name: "Add line" }).getByLabel("Quantity").fill("2");
    await app.page.getByRole("button", { name: "Add line" }).click();
    await expect(lines.locator("tbody tr")).toHaveCount(before.lines.length + 1);
    const added = (await linesOf()).lines.at(-1);
    expect(added).toMatchObject({ lineObjectNumber: "1000", quantity: 2 });
    await app.page.getByRole("group", { name: "Add line" }).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: testInfo.outputPath("sandbox-document-lines.png") });

    // Deleting it asks first, then the totals go back.
    await app.page.getByRole("button", { name: `Delete line ${added?.sequence}` }).click();
    await app.page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(lines.locator("tbody tr")).toHaveCount(before.lines.length);
    expect((await linesOf()).record.totalAmountExcludingTax).toBe(
      afterQuantity.record.totalAmountExcludingTax,
    );
  });
});
