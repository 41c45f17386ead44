import { INVOICE_MAIL_FLOW } from "../fixtures/mail-flow";
import { PURCHASE_APPROVAL_FLOW } from "../fixtures/purchase-approval";
import { callApi, createFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";
import { SandboxPage } from "../pages/sandbox";

test.describe("test runs against the sandbox", () => {
  test("approve: the test waits for the approval, survives a restart, and releases the invoice and posts to Teams", async ({
    app,
  }) => {
    test.setTimeout(180_000);
    let page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.testByPerformingTrigger();

    // Perform the trigger action: send the invoice for approval in the sandbox.
    await page.getByTestId("test-armed").getByRole("button", { name: "Open the sandbox" }).click();
    // The sandbox says which test waits, and for what, wherever the person goes in it.
    const armed = page.getByTestId("sandbox-armed");
    await expect(armed).toContainText("“Purchase invoice approval” is waiting for its trigger");
    let sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await expect(armed).toBeVisible();
    await sandbox.sendForApproval();
    await expect(sandbox.status()).toContainText("Pending Approval");
    // Started: the banner goes, a toast leads back to watch it.
    await expect(armed).toHaveCount(0);
    const started = page
      .getByTestId("toast")
      .filter({ hasText: "The test of “Purchase invoice approval” started." });
    await expect(started).toBeVisible();

    // The designer shows the run waiting on the approval step.
    await started.getByRole("button", { name: "Watch it" }).click();
    await designer.expectOpen("Purchase invoice approval");
    await expect(designer.runPanel()).toContainText("Waiting");
    await expect(designer.card("Start and wait for an approval")).toHaveClass(/status-waiting/);

    // Quit while the run waits; start again.
    page = await app.restart();
    sandbox = new SandboxPage(page);
    await sandbox.goto("Approvals");
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openInbox();
    await sandbox.respond(/Approve purchase document/, "Approve", "Looks right to me.");

    // The run resumed and finished: the invoice is Released, the channel has the message.
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await expect(sandbox.status()).toContainText("Released", { timeout: 15_000 });
    const channel = await sandbox.channel("Purchasing", "General");
    await expect(channel).toContainText("Purchase document released after approval.");

    // Runs: the run's page, each step's inputs and outputs.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    const row = page.getByTestId("run-row").filter({ hasText: "Purchase invoice approval" }).first();
    await expect(row).toContainText("Succeeded");
    await row.getByRole("link").click();
    await expect(page.getByTestId("run-panel")).toContainText("Succeeded");
    await page.getByTestId("run-step").filter({ hasText: "Start and wait for an approval" }).click();
    await expect(page.getByTestId("step-outputs")).toContainText("outcome");
    await expect(page.getByTestId("step-inputs")).toContainText("alicia.thornton@cronus-demo.example");
    // The run's canvas is a record of what ran: no "+" to insert a step into it.
    await expect(page.getByTestId("drop-target")).toHaveCount(0);

    // And the designer colours the finished run's steps.
    const designerAgain = new DesignerPage(page);
    await page.getByRole("link", { name: "Open the flow" }).click();
    await expect(designerAgain.cards().first()).toBeVisible();
  });

  test("reject: the requester finds the email with the approver's comments", async ({ app }) => {
    test.setTimeout(120_000);
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.testByPerformingTrigger();

    const sandbox = new SandboxPage(page);
    await sandbox.goto("Business Central");
    await sandbox.actAs("Marcus Bell");
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await sandbox.sendForApproval();

    // From the waiting run to the request it waits on, and to its approver, in two clicks.
    await designer.open(flowId);
    await expect(designer.runPanel().getByTestId("run-waiting")).toContainText("Waiting for Alicia Thornton");
    await designer.runPanel().getByRole("link", { name: "Open the request in the sandbox" }).click();
    await page.getByRole("button", { name: "Act as Alicia Thornton to answer" }).click();
    await expect(page.getByTestId("act-as")).toHaveValue("alicia.thornton@cronus-demo.example");
    await sandbox.respond(/Approve purchase document/, "Reject", "Price is above the agreed rate.");

    await sandbox.openTab("Outlook");
    await sandbox.actAs("Marcus Bell");
    await sandbox.openMailbox("marcus.bell@cronus-demo.example");
    const mail = await sandbox.readMessage("Your purchase document was rejected");
    await expect(mail).toContainText("Price is above the agreed rate.");

    await designer.open(flowId);
    await expect(designer.runPanel()).toContainText("Succeeded");
    await expect(designer.card("Send an email (V2)")).toHaveClass(/status-succeeded/);
    await expect(designer.card("Update record (V3)")).toHaveClass(/status-skipped/);
  });

  test("a mail flow's test starts on the email written in Outlook, and the canvas shows the run", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Invoices by mail", "automated", INVOICE_MAIL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.testByPerformingTrigger();
    await expect(page.getByTestId("test-armed")).toContainText(
      "send an email to daniel.reyes@cronus-demo.example",
    );

    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Marcus Bell");
    await sandbox.sendEmail({ to: "daniel.reyes@cronus-demo.example", subject: "Invoice 7 attached" });

    await designer.open(flowId);
    await expect(designer.runPanel()).toContainText("Succeeded");
    await expect(designer.card("Subject")).toHaveClass(/status-succeeded/);
  });

  test("a call retried into success is green on the canvas, as is its scope, and each attempt can be read", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Notify with retries", "instant", {
      $schema:
        "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      contentVersion: "1.0.0.0",
      triggers: { manual: { type: "Request", kind: "Button", inputs: { schema: { type: "object" } } } },
      actions: {
        Try: {
          type: "Scope",
          actions: {
            Notify: {
              type: "OpenApiConnection",
              inputs: {
                host: {
                  apiId: "/providers/Microsoft.PowerApps/apis/shared_flowpush",
                  operationId: "SendNotification",
                },
                parameters: { "NotificationDefinition/notificationText": "Hello" },
                retryPolicy: { type: "fixed", count: 3, interval: "PT1S" },
              },
              runAfter: {},
            },
          },
          runAfter: {},
        },
      },
    });
    await callApi(page, "sandbox.faults.set", {
      mode: "fail",
      connectorId: "shared_flowpush",
      statusCode: 500,
      count: 2,
    });
    const { runId } = await callApi<{ runId: string }>(page, "runs.start", {
      flowId,
      source: { draft: true },
      triggerOutputs: { body: {} },
    });
    await page.goto(`${new URL(page.url()).origin}/#/runs/${runId}`);
    const designer = new DesignerPage(page);
    await expect(designer.runPanel().getByTestId("run-step")).toHaveCount(4);
    await expect(designer.card("Notify")).toHaveClass(/status-succeeded/);
    // The scope around it takes its contents' status.
    await expect(page.locator('[data-testid="scope-node"][data-node-id="Try"]')).toHaveClass(
      /status-succeeded/,
    );

    const attempts = designer.runPanel().getByTestId("run-step").filter({ hasText: "Notify" });
    await expect(attempts.nth(0)).toContainText("attempt 1");
    await attempts.nth(1).click();
    const details = page.getByTestId("step-details");
    await expect(details).toContainText("Failed");
    await expect(details).toContainText("InternalServerError");
    await attempts.nth(2).click();
    await expect(details).toContainText("Succeeded");
  });

  test("an Apply to each shows the list it went over, is red when one of its iterations failed, and its run can be cut to what failed", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Loop over amounts", "instant", {
      $schema:
        "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      contentVersion: "1.0.0.0",
      triggers: { manual: { type: "Request", kind: "Button", inputs: { schema: { type: "object" } } } },
      actions: {
        Apply_to_each: {
          type: "Foreach",
          foreach: "@createArray(10, 0, 5, 4, 2, 1, 8, 20, 25, 50, 100, 0)",
          actions: { Share: { type: "Compose", inputs: "@div(100, item())", runAfter: {} } },
          runAfter: {},
        },
      },
    });
    const { runId } = await callApi<{ runId: string }>(page, "runs.start", {
      flowId,
      source: { draft: true },
      triggerOutputs: { body: {} },
    });
    await page.goto(`${new URL(page.url()).origin}/#/runs/${runId}`);
    const loop = page.locator('[data-testid="scope-node"][data-node-id="Apply_to_each"]');
    await expect(loop).toHaveClass(/status-failed/);
    // The run opens on the step that failed first (not the loop around it), named in the banner too.
    await expect(page.getByTestId("step-details")).toContainText("Share");
    await expect(page.getByTestId("step-details")).toContainText("divide by zero");
    await expect(page.locator(".run-error")).toContainText("First to fail: Share");
    await page.getByTestId("run-step").filter({ hasText: "Apply to each" }).first().click();
    await expect(page.getByTestId("step-inputs")).toContainText("0: 10");
    await expect(page.getByTestId("step-inputs")).toContainText("2: 5");

    // Thirteen rows: the list can be cut to what failed (the loop and its two divisions by zero).
    const rows = page.getByTestId("run-step");
    await expect(rows).toHaveCount(13);
    await page.getByTestId("run-steps-filter").getByLabel("Failed only").check();
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "Share" })).toHaveCount(2);
    await page.getByTestId("run-steps-filter").getByLabel("Failed only").uncheck();
    await page.getByLabel("Find a step").fill("share");
    await expect(rows).toHaveCount(12);
  });

  test("an armed test says when an email fails the trigger's condition, and starts on the next that passes", async ({
    app,
  }) => {
    const page = app.page;
    const guarded = structuredClone(INVOICE_MAIL_FLOW);
    const [trigger] = Object.values(guarded.triggers) as { conditions?: unknown }[];
    if (trigger) trigger.conditions = [{ expression: "@contains(triggerBody()?['subject'], 'urgent')" }];
    const flowId = await createFlow(page, "Urgent invoices", "automated", guarded);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.testByPerformingTrigger();
    const send = (subject: string) =>
      callApi(page, "sandbox.mail.send", {
        from: "marcus.bell@cronus-demo.example",
        to: "daniel.reyes@cronus-demo.example",
        subject,
        body: "",
      });
    await send("Invoice 7");
    await expect(page.getByTestId("test-not-matched")).toContainText(
      "The last event did not start the test: The trigger condition '@contains(triggerBody()?['subject'], 'urgent')' is false",
    );
    await expect(page.getByTestId("test-armed")).toBeVisible();
    await send("Invoice 8, urgent");
    await expect(designer.runPanel()).toContainText("Succeeded");
    await expect(page.getByTestId("test-armed")).toHaveCount(0);
  });

  test("a test on a purchase invoice picked from the sandbox runs on what the trigger would report for it", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    const dialog = await designer.openTest();
    await dialog.getByText("Use a record from the sandbox").click();
    await dialog.getByRole("combobox", { name: "Table" }).selectOption({ label: "Purchase invoices" });
    await dialog.getByRole("searchbox", { name: "Search records" }).fill("PI-1001");
    await dialog.getByRole("radio", { name: /Purchase invoice PI-1001/ }).click();
    await expect(dialog.getByText("Trigger data for this record")).toBeVisible();
    await expect(dialog.getByRole("textbox").last()).toHaveValue(/"Row Id"/);
    await dialog.getByRole("button", { name: "Run test" }).click();

    await expect(designer.runPanel()).toContainText("Waiting");
    await expect(designer.card("Start and wait for an approval")).toHaveClass(/status-waiting/);
  });

  test("a flow run on a selected record is tested on a vendor picked from the sandbox and the Run flow form", async ({
    app,
  }) => {
    const page = app.page;
    await new FlowListPage(page).createFromTemplate("Block vendor payments");
    const designer = new DesignerPage(page);
    await designer.expectOpen("Block vendor payments");
    const dialog = await designer.openTest();
    // The record is asked for first, then the form's answers.
    await expect(dialog.getByRole("radio", { name: "Use a record from the sandbox" })).toBeChecked();
    await dialog.getByRole("radio", { name: /Vendor V20010/ }).click();
    await dialog.getByRole("button", { name: "Run test" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Fill in 1 field: Reason.");
    await expect(dialog.getByLabel(/Reason/)).toHaveAccessibleDescription(/“Reason” is required\./);
    await expect(dialog.getByLabel(/Reason/)).toBeFocused();
    await dialog.getByLabel(/Reason/).fill("Bank details under review");
    await dialog.getByRole("button", { name: "Run test" }).click();

    await expect(designer.runPanel()).toContainText("Succeeded", { timeout: 15_000 });
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Vendors", "V20010");
    await expect(page.getByLabel("Blocked")).toHaveValue("Payment");
  });

  test("the run panel is made taller with the keyboard or by dragging its top edge, collapses, and stays so", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Notify me", "instant", {
      $schema:
        "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      contentVersion: "1.0.0.0",
      triggers: { manual: { type: "Request", kind: "Button", inputs: { schema: { type: "object" } } } },
      actions: {
        Notify: {
          type: "OpenApiConnection",
          inputs: {
            host: {
              apiId: "/providers/Microsoft.PowerApps/apis/shared_flowpush",
              operationId: "SendNotification",
            },
            parameters: { "NotificationDefinition/notificationText": "Hello" },
          },
          runAfter: {},
        },
      },
    });
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.testNow();
    await expect(designer.runPanel()).toContainText("Succeeded", { timeout: 15_000 });
    const height = async () => Math.round((await designer.runPanel().boundingBox())?.height ?? 0);
    const edge = designer.runPanelEdge();
    await expect(edge).toHaveAttribute("aria-orientation", "horizontal");
    await expect(edge).toHaveAttribute("aria-valuenow", "320");

    // Up makes it taller, by a step or, with Shift, by a bigger one; End is the tallest the window allows.
    await edge.focus();
    await page.keyboard.press("ArrowUp");
    await expect(edge).toHaveAttribute("aria-valuenow", "336");
    await page.keyboard.press("Shift+ArrowUp");
    await expect(edge).toHaveAttribute("aria-valuenow", "400");
    await page.keyboard.press("End");
    const max = Number(await edge.getAttribute("aria-valuemax"));
    await expect(edge).toHaveAttribute("aria-valuenow", String(max));
    expect(max).toBeGreaterThan(400);
    await page.keyboard.press("Home");
    await expect(edge).toHaveAttribute("aria-valuenow", "160");

    // Dragged up by 100 px.
    await designer.dragRunPanelEdge(-100);
    await expect(edge).toHaveAttribute("aria-valuenow", /^2[56]\d$/);
    const dragged = Number(await edge.getAttribute("aria-valuenow"));
    expect(await height()).toBe(dragged);

    // A reload and a new test: the panel comes back as tall.
    await page.reload();
    await designer.open(flowId);
    await designer.testNow();
    await expect(designer.runPanel()).toContainText("Succeeded", { timeout: 15_000 });
    await expect(edge).toHaveAttribute("aria-valuenow", String(dragged));
    await expect.poll(height).toBe(dragged);

    // Collapsed to its header, and expanded back to the same height; a double-click gives the first height.
    await designer.runPanel().getByRole("button", { name: "Collapse the run panel" }).click();
    await expect(edge).toHaveCount(0);
    await expect(designer.runPanel().getByTestId("run-step")).toHaveCount(0);
    expect(await height()).toBeLessThan(100);
    await designer.runPanel().getByRole("button", { name: "Expand the run panel" }).click();
    await expect.poll(height).toBe(dragged);
    await edge.dblclick();
    await expect(edge).toHaveAttribute("aria-valuenow", "320");
  });
});
