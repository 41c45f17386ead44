import type { Page } from "@playwright/test";
import { buttonFlow, flowDefinition } from "../fixtures/button-flow";
import { INVOICE_MAIL_FLOW } from "../fixtures/mail-flow";
import { PURCHASE_APPROVAL_FLOW } from "../fixtures/purchase-approval";
import { callApi, createFlow, startDraftRun } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";
import { SandboxPage } from "../pages/sandbox";

async function goToWorkflows(page: import("@playwright/test").Page) {
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Workflow list" })
    .click();
  await expect(page.getByRole("heading", { name: "Workflow list", level: 1 })).toBeVisible();
}

/** On the workflow list, a workflow's "More" menu → the item. */
async function chooseFromWorkflowMenu(page: import("@playwright/test").Page, workflow: string, item: string) {
  await goToWorkflows(page);
  await page
    .getByTestId("workflow-row")
    .filter({ hasText: workflow })
    .getByRole("button", { name: "More" })
    .click();
  await page.getByRole("menuitem", { name: item }).click();
}

test.describe("publishing", () => {
  test("a published flow that fails says so, and Runs counts it until it is opened", async ({ app }) => {
    const page = app.page;
    const stop = {
      Stop: {
        type: "Terminate",
        inputs: { runStatus: "Failed", runError: { code: "NoBudget", message: "The budget is spent." } },
        runAfter: {},
      },
    };
    const flowId = await createFlow(page, "Budget guard", "instant", buttonFlow(stop));
    await callApi(page, "publish.publish", { flowId });

    // A designer test that fails is shown on its canvas, not counted here.
    await startDraftRun(page, flowId);
    await callApi(page, "workflows.run", { flowId });
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(page.getByTestId("toast").filter({ hasText: "“Budget guard” failed." })).toBeVisible();
    await expect(page.getByTestId("failed-runs-count")).toHaveText("1");
    await expect(nav.getByRole("link", { name: "Runs, 1 failed run not seen yet" })).toBeVisible();

    // Still counted after a restart, until Runs is opened.
    await page.reload();
    await expect(page.getByTestId("failed-runs-count")).toHaveText("1");
    await nav.getByRole("link", { name: /^Runs/ }).click();
    await expect(page.getByTestId("run-row").filter({ hasText: "Budget guard" }).first()).toContainText(
      "Failed",
    );
    await expect(page.getByTestId("failed-runs-count")).toHaveCount(0);
    // Runs keeps to one kind of run when asked.
    const rows = page.getByTestId("run-row").filter({ hasText: "Budget guard" });
    await expect(rows).toHaveCount(2);
    await page.getByLabel("Kind of run").selectOption("published");
    await expect(rows).toHaveCount(1);
    await page.getByLabel("Kind of run").selectOption("test");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("Test");
    // The workflow list's View runs shows the workflow's own runs: the published ones.
    await chooseFromWorkflowMenu(page, "Budget guard", "View runs");
    await expect(page.getByLabel("Kind of run")).toHaveValue("published");
    await expect(rows).toHaveCount(1);
    await page.reload();
    await expect(nav.getByRole("link", { name: "Runs", exact: true })).toBeVisible();
    await expect(page.getByTestId("failed-runs-count")).toHaveCount(0);

    // Dates the wrong way round say so; a click anywhere on a row (not only its name) opens the run.
    const [from, to] = [page.getByLabel("From", { exact: true }), page.getByLabel("To", { exact: true })];
    await from.fill("2030-05-02");
    await to.fill("2030-05-01");
    await expect(page.getByRole("alert")).toContainText("From is after To");
    await expect(page.getByText("No run matches these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(from).toHaveValue("");
    await expect(page.getByRole("alert")).toHaveCount(0);
    await page.getByLabel("Kind of run").selectOption("test");
    await rows.first().getByText("Failed").click();
    await expect(page).toHaveURL(/#\/runs\/[^?]+$/);
    await expect(page.getByTestId("run-panel")).toContainText("Failed");
    // Back from the run: the same filter, the same rows.
    await page.goBack();
    await expect(page.getByLabel("Kind of run")).toHaveValue("test");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("Test");
  });

  test("runs ticked in Runs are resubmitted together, each from its own trigger data", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(
      page,
      "Echo",
      "instant",
      buttonFlow({ Say: { type: "Compose", inputs: "@triggerBody()?['text']", runAfter: {} } }),
    );
    for (const text of ["first", "second", "third"])
      await callApi(page, "runs.start", {
        flowId,
        source: { draft: true },
        triggerOutputs: { body: { text } },
      });
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: /^Runs/ })
      .click();
    const rows = page.getByTestId("run-row").filter({ hasText: "Echo" });
    await expect(rows).toHaveCount(3);
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(2).getByRole("checkbox").check();
    const bar = page.getByRole("region", { name: "Selected runs" });
    await expect(bar).toContainText("2 runs selected");
    await bar.getByRole("button", { name: "Resubmit" }).click();
    await page
      .getByRole("dialog", { name: "Resubmit 2 runs?" })
      .getByRole("button", { name: "Resubmit" })
      .click();
    await expect(page.getByTestId("toast").filter({ hasText: "2 runs resubmitted." })).toBeVisible();
    await expect(rows).toHaveCount(5);
    await expect(bar).toBeHidden();

    // Each new run ran on what its own trigger gave: the newest and the oldest of the three.
    const { runs } = await callApi<{ runs: { id: string; resubmittedFrom: string | null }[] }>(
      page,
      "runs.list",
      {
        flowId,
      },
    );
    const again = runs.filter((run) => run.resubmittedFrom !== null);
    expect(again).toHaveLength(2);
    const said = await Promise.all(
      again.map(async (run) => {
        const detail = await callApi<{ steps: { action: string; outputs: unknown }[] }>(page, "runs.get", {
          runId: run.id,
        });
        return detail.steps.find((step) => step.action === "Say")?.outputs;
      }),
    );
    expect(said.sort()).toEqual(["first", "third"]);

    // The header box ticks every run shown, and clears them again.
    await page.getByRole("checkbox", { name: "Select every run shown" }).check();
    await expect(bar).toContainText("5 runs selected");
    await bar.getByRole("button", { name: "Clear the selection" }).click();
    await expect(bar).toBeHidden();
  });

  test("workflows ticked in the list are disabled and enabled together", async ({ app }) => {
    const page = app.page;
    for (const name of ["Tick one", "Tick two"]) {
      const flowId = await createFlow(
        page,
        name,
        "instant",
        buttonFlow({ Say: { type: "Compose", inputs: name, runAfter: {} } }),
      );
      await callApi(page, "publish.publish", { flowId });
    }
    await goToWorkflows(page);
    await page.getByRole("searchbox", { name: "Search workflows" }).fill("Tick");
    const rows = page.getByTestId("workflow-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "Enabled" })).toHaveCount(2);
    await page.getByRole("checkbox", { name: "Select every workflow shown" }).check();
    const bar = page.getByRole("region", { name: "Selected workflows" });
    await expect(bar).toContainText("2 workflows selected");
    await bar.getByRole("button", { name: "Disable" }).click();
    // Turning several off asks first, naming them, and starts on Cancel.
    const confirm = page.getByRole("dialog", { name: "Disable 2 workflows?" });
    await expect(confirm.getByTestId("workflows-to-disable")).toContainText("Tick one");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await confirm.getByRole("button", { name: "Disable 2 workflows" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "2 workflows disabled." })).toBeVisible();
    await expect(rows.filter({ hasText: "Disabled" })).toHaveCount(2);
    await expect(bar).toBeHidden();
    await rows.filter({ hasText: "Tick two" }).getByRole("checkbox", { name: "Select Tick two" }).check();
    await bar.getByRole("button", { name: "Enable" }).click();
    await expect(rows.filter({ hasText: "Tick two" })).toContainText("Enabled");
    await expect(rows.filter({ hasText: "Tick one" })).toContainText("Disabled");
  });

  test("a schedule says ahead what happens to runs missed while Flowsmith is closed, and keeps the choice", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(
      page,
      "Weekly overdue reminder",
      "scheduled",
      flowDefinition(
        { Recurrence: { type: "Recurrence", recurrence: { frequency: "Week", interval: 1 } } },
        { Say: { type: "Compose", inputs: "overdue", runAfter: {} } },
      ),
    );
    await callApi(page, "publish.publish", { flowId });
    await goToWorkflows(page);
    const row = page.getByTestId("workflow-row").filter({ hasText: "Weekly overdue reminder" });
    const policy = row.getByLabel("If Flowsmith is closed at run time:");
    await expect(policy).toHaveValue("run-once");
    await policy.selectOption("skip");
    await expect(page.getByTestId("toast").filter({ hasText: "skips what it missed" })).toBeVisible();
    await page.reload();
    await expect(row.getByLabel("If Flowsmith is closed at run time:")).toHaveValue("skip");
  });

  test("the workflow list sorts by a column's header and opens sorted the same way", async ({ app }) => {
    const page = app.page;
    for (const name of ["Zulu report", "Alpha report"]) {
      const flowId = await createFlow(page, name, "instant", buttonFlow({}));
      await callApi(page, "publish.publish", { flowId });
    }
    await goToWorkflows(page);
    await page.getByLabel("Type").selectOption("instant");
    const names = () => page.getByTestId("workflow-row").locator(".flow-name").allTextContents();
    await expect(page.getByTestId("workflow-row")).toHaveCount(2);
    expect(await names()).toEqual(["Alpha report", "Zulu report"]);

    // Newest publish first.
    const published = page.getByRole("columnheader", { name: "Published" });
    await published.getByRole("button").click();
    await expect(published).toHaveAttribute("aria-sort", "descending");
    await expect.poll(names).toEqual(["Alpha report", "Zulu report"]);
    await published.getByRole("button").click();
    await expect(published).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(names).toEqual(["Zulu report", "Alpha report"]);

    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Published" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    // The filter is in the address: the reload kept it, and so does Back from a flow.
    await expect(page.getByLabel("Type")).toHaveValue("instant");
    await expect(page.getByTestId("workflow-count")).toHaveText(/^2 of \d+ workflows$/);
    await page.getByRole("searchbox", { name: "Search workflows" }).fill("zulu");
    await expect(page.getByTestId("workflow-row")).toHaveCount(1);
    await page.getByRole("link", { name: "Zulu report" }).click();
    await expect(page).toHaveURL(/#\/flows\//);
    await page.goBack();
    await expect(page.getByRole("searchbox", { name: "Search workflows" })).toHaveValue("zulu");
    await expect(page.getByLabel("Type")).toHaveValue("instant");
    await expect(page.getByTestId("workflow-row")).toHaveCount(1);
    await expect(page.getByTestId("workflow-count")).toHaveText(/^1 of \d+ workflows$/);
  });

  test("a published approval flow runs when a purchase invoice is sent for approval", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.publish("first version");
    await expect(
      page.getByTestId("toast").filter({ hasText: "Version 1 is published and enabled." }),
    ).toBeVisible();

    await goToWorkflows(page);
    const row = page
      .getByTestId("workflow-row")
      .filter({ hasText: "Purchase invoice approval" })
      .filter({ hasText: "1" })
      .last();
    await expect(row).toContainText("Enabled");
    await expect(row).toContainText("When a purchase document approval is requested");

    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1002");
    await sandbox.sendForApproval();

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    const run = page.getByTestId("run-row").filter({ hasText: "Purchase invoice approval" });
    await expect(run).toHaveCount(1);
    await expect(run).toContainText("v1");
    await run.getByRole("link").click();
    await expect(page.getByText("version 1", { exact: false }).first()).toBeVisible();
    // The run's version opens as it was published.
    await page.getByTestId("run-version").click();
    await expect(page.getByTestId("read-only-version")).toContainText("Version 1");
  });

  test("Block vendor payments from the Automate menu of the Vendors page: the vendor is blocked and two emails go out", async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const page = app.page;
    await new FlowListPage(page).createFromTemplate("Block vendor payments");
    const designer = new DesignerPage(page);
    await designer.expectOpen("Block vendor payments");
    await designer.publish("first version");

    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Vendors");
    await sandbox.row("V20010").getByRole("checkbox").check();
    await page.getByRole("button", { name: "Automate", exact: true }).click();
    // First use: the privacy statement, then the menu.
    await expect(page.getByTestId("automate-consent")).toBeVisible();
    await page.getByRole("button", { name: "Accept and continue" }).click();
    await page
      .getByTestId("automate-menu")
      .getByRole("menuitem", { name: /Block vendor payments/ })
      .click();

    const pane = page.getByTestId("run-flow-pane");
    await expect(pane).toContainText("“Block vendor payments” runs on Vendor V20010 · ");
    await pane.getByRole("button", { name: "Continue" }).click();
    await expect(pane.getByRole("alert")).toHaveText("Fill in 1 field: Reason.");
    await expect(pane.getByLabel(/Reason/)).toHaveAttribute("aria-invalid", "true");
    await pane.getByLabel(/Reason/).fill("Bank details under review");
    await pane.getByLabel(/Notify buyers/).check();
    await pane.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("run-outcome")).toContainText("The flow ran successfully.", {
      timeout: 15_000,
    });
    // See the run leaves the sandbox for the run's own page.
    await page.getByTestId("run-outcome").getByRole("link", { name: "See the run" }).click();
    await expect(page).toHaveURL(/#\/runs\/[^/?]+$/);
    await expect(page.getByTestId("run-panel")).toContainText("Succeeded");

    await sandbox.openRecord("Vendors", "V20010");
    await expect(sandbox.field("Blocked")).toHaveValue("Payment");

    await sandbox.openTab("Outlook");
    await sandbox.openMailbox("outbox/external");
    await expect(sandbox.messages().first()).toContainText("Payments to Bluebird Fittings Ltd. are on hold");
    await sandbox.actAs("Marcus Bell");
    await sandbox.openMailbox("marcus.bell@cronus-demo.example");
    await expect(sandbox.messages().first()).toContainText(/V20010|Bluebird|block/i);

    // Manage flows: the workflow list of this page's flows, until "Show all".
    await sandbox.openTable("Vendors");
    await page.getByRole("button", { name: "Automate", exact: true }).click();
    await page
      .getByTestId("automate-menu")
      .getByRole("menuitem", { name: /Manage flows/ })
      .click();
    const banner = page.locator(".banner-info").filter({ hasText: "Vendors" });
    await expect(banner).toBeVisible();
    await expect(page.getByTestId("workflow-row")).toHaveCount(1);
    await banner.getByRole("button", { name: "Show all" }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByTestId("workflow-row")).not.toHaveCount(1);
    // And it stays cleared on the next visit.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "My flows" })
      .click();
    await goToWorkflows(page);
    await expect(banner).toBeHidden();
  });

  test("declining the privacy statement is remembered, and can be changed in Settings", async ({ app }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Vendors");
    await page.getByRole("button", { name: "Automate", exact: true }).click();
    const consent = page.getByRole("dialog", { name: "Before you use Automate" });
    await expect(consent).toContainText("Flows act on your behalf");
    await expect(consent.getByRole("button", { name: "Accept and continue" })).toBeVisible();
    await consent.getByRole("button", { name: "Decline" }).click();
    await expect(consent).toBeHidden();
    const automate = page.getByRole("button", { name: "Automate", exact: true });
    const menu = page.getByTestId("automate-menu");
    await automate.click();
    await expect(menu).toContainText("You declined");

    // Open Settings lands on Settings' Automate section, with the keyboard there.
    await menu.getByRole("menuitem", { name: "Open Settings" }).click();
    await expect(page).toHaveURL(/#\/settings\?section=automate$/);
    await expect(page.locator("#settings-automate")).toBeFocused();
    await expect(page.getByTestId("consent-state")).toHaveText("Declined");
    await page.getByRole("button", { name: "Accept" }).click();
    await expect(page.getByTestId("consent-state")).toHaveText("Accepted");

    // The menu from the keyboard: Enter opens it on its first item, ↓ moves, Escape closes it and
    // gives the keyboard back to the button; ↓ on the button opens it too.
    await sandbox.openTable("Vendors");
    await automate.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toContainText("Create a flow");
    await expect(automate).toHaveAttribute("aria-expanded", "true");
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem").nth(1)).toBeFocused();
    await page.keyboard.press("End");
    await expect(menu.getByRole("menuitem", { name: "Manage flows" })).toBeFocused();
    // Typing a name's first letters moves to it.
    await page.keyboard.type("cr");
    await expect(menu.getByRole("menuitem", { name: "Create a flow" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(automate).toBeFocused();
    await expect(automate).toHaveAttribute("aria-expanded", "false");

    // Create a flow, twice: the second is numbered, not a twin of the first.
    for (const name of ["New flow for Vendors", "New flow for Vendors (2)"]) {
      await sandbox.openTable("Vendors");
      await automate.focus();
      await page.keyboard.press("ArrowDown");
      await menu.getByRole("menuitem", { name: "Create a flow" }).focus();
      await page.keyboard.press("Enter");
      await new DesignerPage(page).expectOpen(name);
    }
  });

  test("administration takes the passphrase: chosen once, a wrong one refused, the right one opens it", async ({
    app,
  }) => {
    const page = app.page;
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    const admin = page.locator("#settings-admin");
    await expect(admin).toContainText("No one administers Flowsmith on this computer yet.");
    // Too short, then not repeated the same: each said at its field, nothing chosen.
    await admin.getByLabel("New passphrase", { exact: true }).fill("short");
    await admin.getByRole("button", { name: "Become administrator" }).click();
    await expect(admin.getByRole("alert")).toHaveText("The passphrase needs at least 8 characters.");
    await admin.getByLabel("New passphrase", { exact: true }).fill("correct horse");
    await admin.getByLabel("Repeat the new passphrase").fill("correct hose");
    await admin.getByRole("button", { name: "Become administrator" }).click();
    await expect(admin.getByRole("alert")).toHaveText("The two passphrases are not the same.");
    await admin.getByLabel("Repeat the new passphrase").fill("correct horse");
    await admin.getByRole("button", { name: "Become administrator" }).click();
    await expect(admin.getByTestId("admin-state")).toHaveText("You are signed in as the administrator.");
    // An edit left unsaved at sign-out is not there for the next administrator.
    await page.getByLabel("Office 365 Outlook classification").selectOption("blocked");
    await expect(page.getByTestId("policy-unsaved")).toBeVisible();

    await admin.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByLabel("Office 365 Outlook classification")).toBeHidden();
    await admin.getByLabel("Administrator passphrase").fill("wrong horse");
    await admin.getByLabel("Administrator passphrase").press("Enter");
    await expect(admin.getByRole("alert")).toHaveText("That is not the administrator passphrase.");
    await expect(page.getByLabel("Office 365 Outlook classification")).toBeHidden();
    await admin.getByLabel("Administrator passphrase").fill("correct horse");
    await admin.getByRole("button", { name: "Sign in as administrator" }).click();
    await expect(page.getByLabel("Office 365 Outlook classification")).toHaveValue("non-business");
    await expect(page.getByTestId("policy-unsaved")).toBeHidden();

    // After a reload the door is still shut once signed out, and the passphrase still opens it.
    await admin.getByRole("button", { name: "Sign out" }).click();
    await page.reload();
    await admin.getByLabel("Administrator passphrase").fill("correct horse");
    await admin.getByRole("button", { name: "Sign in as administrator" }).click();
    await expect(page.getByLabel("Office 365 Outlook classification")).toBeVisible();
  });

  test("a connector the administrator blocked stops a publish, and the checker says why", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await becomeAdministrator(page);
    await expect(page.getByRole("button", { name: "Save the policy" })).toBeDisabled();
    await page.getByLabel("Office 365 Outlook classification").selectOption("blocked");
    await expect(page.getByTestId("policy-unsaved")).toBeVisible();
    // Going elsewhere and back keeps what was changed, still to be saved.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await expect(page.getByLabel("Office 365 Outlook classification")).toHaveValue("blocked");
    await page.getByRole("button", { name: "Save the policy" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "The policy is saved." })).toBeVisible();
    await expect(page.getByTestId("policy-unsaved")).toBeHidden();

    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await expect(designer.checkerCount()).toContainText("1 error");
    await page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: "Publish" }).click();
    await expect(
      page.getByTestId("toast").filter({ hasText: "Fix the flow checker's errors before publishing." }),
    ).toBeVisible();
    await expect(page.getByTestId("finding")).toContainText("blocked");
    const versions = await callApi<unknown[]>(page, "publish.versions", { flowId });
    expect(versions).toHaveLength(0);
  });

  test("a policy that would suspend published flows names them before it is saved", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    await callApi(page, "publish.publish", { flowId });
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await becomeAdministrator(page);
    await page.getByLabel("Office 365 Outlook classification").selectOption("blocked");
    await page.getByRole("button", { name: "Save the policy" }).click();
    const dialog = page.getByRole("dialog", { name: "Save the policy and suspend 1 flow?" });
    await expect(dialog.getByTestId("flows-to-suspend")).toContainText(
      "Purchase invoice approval Uses Office 365 Outlook, which the administrator blocked",
    );
    // Kept as it was: nothing saved, the flow still on.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const statusOf = async () =>
      (await callApi<{ items: { id: string; status: string }[] }>(page, "workflows.list", {})).items.find(
        (w) => w.id === flowId,
      )?.status;
    expect(await statusOf()).toBe("enabled");

    await page.getByRole("button", { name: "Save the policy" }).click();
    await dialog.getByRole("button", { name: "Save and suspend" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "1 published flow breaks it" })).toBeVisible();
    await expect.poll(statusOf).toBe("suspended");
  });

  test("an email written in the sandbox's Outlook starts the published mail flow, one run per matching email", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Invoices by mail", "automated", INVOICE_MAIL_FLOW);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    await goToWorkflows(page);
    const row = page.getByTestId("workflow-row").filter({ hasText: "Invoices by mail" });
    await expect(row).toContainText("When a new email arrives in Inbox, subject contains “invoice”");

    // Marcus writes to Daniel, whose mailbox the flows' connection opens.
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Marcus Bell");
    await sandbox.sendEmail({
      to: "daniel.reyes@cronus-demo.example",
      subject: "Lunch on Friday?",
      withKeyboard: true,
    });
    await sandbox.sendEmail({
      to: "daniel.reyes@cronus-demo.example",
      subject: "Invoice 1042 from Birch Logistics",
      body: "Please approve.",
    });
    await sandbox.openMailbox("daniel.reyes@cronus-demo.example");
    await expect(sandbox.messages()).toHaveCount(2);
    // Flagging one marks it in the list (and would start "When an email is flagged" flows).
    const lunch = await sandbox.readMessage("Lunch on Friday?");
    await lunch.getByRole("button", { name: "Flag" }).click();
    await expect(lunch.getByRole("button", { name: "Clear flag" })).toHaveAttribute("aria-pressed", "true");
    await expect(sandbox.message("Lunch on Friday?").getByLabel("Flagged")).toBeVisible();

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    const run = page.getByTestId("run-row").filter({ hasText: "Invoices by mail" });
    await expect(run).toHaveCount(1);
    await expect(run).toContainText("Succeeded");
    await run.getByRole("link").click();
    await page.getByTestId("step-card").filter({ hasText: "Subject" }).click();
    await expect(page.getByText("Invoice 1042 from Birch Logistics").first()).toBeVisible();
    // What started the run: the trigger's card (or its entry) shows the email it reported.
    await page.getByTestId("step-card").filter({ hasText: "When a new email arrives" }).click();
    await expect(page.getByTestId("trigger-details")).toBeVisible();
    await expect(page.getByTestId("trigger-outputs")).toContainText("marcus.bell@cronus-demo.example");
    await expect(page.getByTestId("trigger-outputs")).toContainText("Please approve.");
  });

  test("a flow whose trigger fires but cannot start says why on the workflow list, until dismissed", async ({
    app,
  }) => {
    const page = app.page;
    // Its splitOn names a list the email does not have.
    const broken = structuredClone(INVOICE_MAIL_FLOW);
    const [trigger] = Object.values(broken.triggers) as { splitOn: string }[];
    if (trigger) trigger.splitOn = "@triggerBody()?['values']";
    const flowId = await createFlow(page, "Invoices by mail", "automated", broken);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    for (const subject of ["Invoice 1042", "Invoice 1043"]) {
      await callApi(page, "sandbox.mail.send", {
        from: "marcus.bell@cronus-demo.example",
        to: "daniel.reyes@cronus-demo.example",
        subject,
        body: "Please approve.",
      });
    }
    await goToWorkflows(page);
    const note = page.getByTestId("start-problems");
    await expect(note).toContainText("Its trigger fired 2 times without starting");
    await expect(note).toContainText("must give an array, but gave null");
    await note.getByRole("button", { name: "Dismiss the start problems of “Invoices by mail”" }).click();
    await expect(note).toHaveCount(0);
    const row = page.getByTestId("workflow-row").filter({ hasText: "Invoices by mail" });
    await expect(row).toContainText("Never ran");
  });

  test("a published flow started by an HTTP request shows its address, and calling it answers with its Response", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(
      page,
      "Greeter",
      "instant",
      flowDefinition(
        { manual: { type: "Request", kind: "Http", inputs: { schema: {}, method: "POST" } } },
        {
          Response: {
            type: "Response",
            kind: "Http",
            inputs: { statusCode: 201, body: { greeting: "@{concat('Hello ', triggerBody()?['name'])}" } },
            runAfter: {},
          },
        },
      ),
    );
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.trigger().click();
    const address = page.getByTestId("http-address");
    await expect(address).toContainText("Publish and enable this flow to get its address");
    await designer.publish("first version");
    const url = page.getByRole("textbox", { name: "The flow's HTTP address" });
    await expect(url).toHaveValue(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/hooks/${flowId}\\?sig=`));
    await expect(address).toContainText("POST");

    const answer = await page.request.post(await url.inputValue(), { data: { name: "Ada" } });
    expect(answer.status()).toBe(201);
    expect(await answer.json()).toEqual({ greeting: "Hello Ada" });
    // The workflow list offers its address too (it runs when called, not from the list).
    await goToWorkflows(page);
    await page
      .getByTestId("workflow-row")
      .filter({ hasText: "Greeter" })
      .getByRole("button", { name: "More" })
      .click();
    await expect(page.getByRole("menuitem", { name: "Copy HTTP address" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Run…" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    await expect(page.getByTestId("run-row").filter({ hasText: "Greeter" })).toContainText("Succeeded");
  });

  test("Run in the workflow list asks a button flow's form and runs it; a flow that runs on a record says where", async ({
    app,
  }) => {
    const page = app.page;
    const asking = flowDefinition(
      {
        manual: {
          type: "Request",
          kind: "Button",
          inputs: {
            schema: {
              type: "object",
              properties: {
                text: { type: "string", title: "Reason", "x-ms-content-hint": "TEXT" },
                number: { type: "number", title: "Amount", "x-ms-content-hint": "NUMBER" },
                date: {
                  type: "string",
                  format: "date",
                  title: "Due date",
                  description: "Please enter or select a date (YYYY-MM-DD)",
                  "x-ms-content-hint": "DATE",
                },
                email: { type: "string", format: "email", title: "Email", "x-ms-content-hint": "EMAIL" },
                text_1: { type: "string", title: "Note", "x-ms-content-hint": "TEXT" },
                boolean: { type: "boolean", title: "Urgent", "x-ms-content-hint": "BOOLEAN" },
              },
              required: ["text", "number", "date", "email"],
            },
          },
        },
      },
      {
        Note: {
          type: "Compose",
          inputs: "@{triggerBody()?['text']} for @{triggerBody()?['number']} to @{triggerBody()?['email']}",
          runAfter: {},
        },
      },
    );
    const flowId = await createFlow(page, "Month end", "instant", asking);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    await goToWorkflows(page);
    const row = page.getByTestId("workflow-row").filter({ hasText: "Month end" });
    await row.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitem", { name: "Run…" }).click();
    const pane = page.getByTestId("run-flow-pane");
    // Who it runs as, by name: the person the flows' connections belong to.
    await expect(pane).toContainText("“Month end” runs now, on its published version, as Daniel Reyes");
    // The date box's hint does not ask for a format the browser's date box does not show.
    await expect(pane).toContainText("Please enter or select a date");
    await expect(pane).not.toContainText("YYYY-MM-DD");
    const reason = pane.getByRole("textbox", { name: /Reason/ });
    const amount = pane.getByRole("textbox", { name: /Amount/ });
    const email = pane.getByRole("textbox", { name: /Email/ });
    const due = pane.getByLabel(/Due date/);
    // The pane opens on its first field, where typing starts, not on its close button.
    await expect(reason).toBeFocused();
    // Continue with nothing filled in: every required field is marked at once, the first focused.
    await pane.getByRole("button", { name: "Continue" }).click();
    await expect(pane.getByRole("alert")).toHaveText("Fill in 4 fields: Reason, Amount, Due date, Email.");
    for (const [box, title] of [
      [reason, "Reason"],
      [amount, "Amount"],
      [due, "Due date"],
      [email, "Email"],
    ] as const) {
      await expect(box).toHaveAttribute("aria-invalid", "true");
      await expect(box).toHaveAccessibleDescription(new RegExp(`“${title}” is required\\.$`));
    }
    await expect(pane.getByRole("textbox", { name: /Note/ })).not.toHaveAttribute("aria-invalid", "true");
    await expect(reason).toBeFocused();
    // A field's message goes as soon as it is filled in; a value of the wrong kind is said to be wrong.
    await reason.fill("Quarter closing");
    await expect(reason).not.toHaveAttribute("aria-invalid", "true");
    await expect(pane.getByRole("alert")).toHaveText("Fill in 3 fields: Amount, Due date, Email.");
    await amount.fill("ten");
    await due.fill("2025-03-31");
    await email.fill("accounts at cronus");
    await pane.getByRole("button", { name: "Continue" }).click();
    await expect(pane.getByRole("alert")).toHaveText("Correct 2 fields: Amount, Email.");
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAccessibleDescription(/takes a number/);
    await expect(email).toHaveAccessibleDescription(/takes an email address/);
    await amount.fill("250");
    await email.fill("accounts@cronus-demo.example");
    await expect(pane.getByRole("alert")).toHaveCount(0);
    await pane.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("run-outcome")).toContainText("The flow ran successfully.");
    await page.getByTestId("run-outcome").getByRole("link").click();
    await expect(
      page.getByText("Quarter closing for 250 to accounts@cronus-demo.example").first(),
    ).toBeVisible();

    // A flow for a selected record runs from its page's Automate menu: Run says so.
    const vendors = await callApi<{ id: string }>(page, "automate.newFlow", {
      page: "vendors",
      name: "Vendor check",
    });
    await callApi(page, "publish.publish", { flowId: vendors.id, note: "first version" });
    await chooseFromWorkflowMenu(page, "Vendor check", "Run…");
    await expect(page.getByTestId("run-blocked")).toHaveText(
      "“Vendor check” runs on a record: open the Vendors page in the sandbox, select a record, then Automate.",
    );
  });

  test("a disabled flow does not run on an event, not even when it is enabled again", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    await goToWorkflows(page);
    const row = page
      .getByTestId("workflow-row")
      .filter({ has: page.getByRole("link", { name: "Purchase invoice approval" }) });
    await row.getByRole("switch").click();
    await expect(row).toContainText("Disabled");
    // My flows says the same of the flow.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "My flows" })
      .click();
    await expect(new FlowListPage(page).row("Purchase invoice approval")).toContainText("v1 · Disabled");

    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1002");
    await sandbox.sendForApproval();
    await expect(sandbox.status()).toContainText("Pending Approval");

    await goToWorkflows(page);
    await row.getByRole("switch").click();
    await expect(row).toContainText("Enabled");
    await page.waitForTimeout(500);
    const runs = await callApi<{ runs: unknown[] }>(page, "runs.list", { flowId });
    expect(runs.runs).toHaveLength(0);
    await expect(row).toContainText("Never ran");
  });

  test("My flows flags a draft edited since its version was published, until it is published again", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    const list = new FlowListPage(page);
    await list.goto();
    const state = list.row("Purchase invoice approval").getByTestId("published-state");
    await expect(state).toHaveText("v1 · Enabled");

    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.select("Start and wait for an approval");
    await designer.fill("Title", "Approve the invoice, please");
    await designer.saved();
    await list.goto();
    await expect(state).toHaveText("v1 · Enabled draft edited");

    await callApi(page, "publish.publish", { flowId, note: "new title" });
    await expect(state).toHaveText("v2 · Enabled");
  });

  test("a published flow moved to the recycle bin leaves the workflow list and comes back turned off", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
    await callApi(page, "publish.publish", { flowId, note: "first version" });
    const list = new FlowListPage(page);
    await list.goto();
    const more = list.row("Purchase invoice approval").getByRole("button", { name: "More actions" });
    await more.click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Purchase invoice approval”?" });
    await expect(dialog).toContainText(
      "Its published version 1 is turned off now and leaves the workflow list",
    );
    // Cancelled, the keyboard is back on the menu's button that led there (the menu item is gone).
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(more).toBeFocused();
    await more.click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Move to recycle bin" }).click();

    // Not in the workflow list, so nothing there can turn it back on.
    await goToWorkflows(page);
    // (The demo company's built-in workflow of the same name stays; it has no designer link.)
    await expect(
      page
        .getByTestId("workflow-row")
        .filter({ has: page.getByRole("link", { name: "Purchase invoice approval" }) }),
    ).toHaveCount(0);

    // A link to it (a bookmark, another window) says where it is and restores it on the spot.
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/flows/${flowId}`);
    await expect(page.getByRole("alert")).toContainText(
      "“Purchase invoice approval” is in the recycle bin. Restore it from My flows → Recycle bin",
    );
    await page.getByRole("button", { name: "Restore and open" }).click();
    await expect(
      page.getByTestId("toast").filter({ hasText: "is back in the workflow list, turned off" }),
    ).toBeVisible();
    await expect(page.getByTestId("draft-state")).toContainText("Version 1 is turned off");

    await goToWorkflows(page);
    const row = page
      .getByTestId("workflow-row")
      .filter({ has: page.getByRole("link", { name: "Purchase invoice approval" }) });
    await expect(row).toContainText("Disabled");
  });

  test("an old version opens read-only and can be restored as the draft", async ({ app }) => {
    const page = app.page;
    const list = new FlowListPage(page);
    await list.createFlow("Versioned flow", "Instant");
    const designer = new DesignerPage(page);
    await designer.dragStep("Compose", "start:#root");
    await designer.fill("Inputs", "first value");
    await designer.saved();
    await designer.publish("first version");

    await designer.select("Compose");
    await designer.fill("Inputs", "second value");
    await designer.saved();
    await designer.publish("second version");
    // An edit not published yet: restoring an old version must not lose it for good.
    await designer.select("Compose");
    await designer.fill("Inputs", "draft value");
    await designer.saved();

    await page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: "Versions" }).click();
    const dialog = page.getByRole("dialog", { name: /Versions of/ });
    await expect(dialog.getByTestId("version")).toHaveCount(2);
    await expect(dialog.getByTestId("version").first()).toContainText("second version");
    const first = dialog.getByTestId("version").filter({ hasText: "first version" });
    await first.getByRole("button", { name: "Open read-only" }).click();
    await expect(page.getByTestId("read-only-version")).toContainText("Version 1");
    await expect(page.getByTestId("version-runs")).toHaveCount(0);
    await designer.card("Compose").click();
    await expect(designer.field("Inputs")).toHaveText("first value");
    // A published version cannot be edited: the canvas offers no "+" to insert a step.
    await expect(page.getByTestId("drop-target")).toHaveCount(0);

    // It can be tested as it is, apart from the draft: the run says which version ran.
    await page.getByRole("button", { name: "Test this version" }).click();
    const testDialog = page.getByRole("dialog", { name: "Test the flow" });
    await expect(testDialog).toContainText("Run published version 1 as it is.");
    await testDialog.getByRole("button", { name: "Run test" }).click();
    await expect(designer.runPanel()).toContainText("Succeeded");
    await expect(designer.runPanel()).toContainText("version 1");
    await expect(designer.card("Compose")).toHaveClass(/status-succeeded/);
    await expect(designer.runPanel()).toContainText("first value");

    await page.getByRole("button", { name: "Versions" }).click();
    await page
      .getByRole("dialog", { name: /Versions of/ })
      .getByTestId("version")
      .filter({ hasText: "first version" })
      .getByRole("button", { name: "Restore as draft" })
      .click();
    await page
      .getByRole("dialog", { name: /Restore version 1/ })
      .getByRole("button", { name: "Restore as draft" })
      .click();
    await expect(page.getByText("Version 1 is now the draft.")).toBeVisible();
    await designer.expectOpen("Versioned flow");
    await designer.select("Compose");
    await expect(designer.field("Inputs")).toHaveText("first value");

    // Undo brings back the draft the restore replaced, and it is saved as the draft again.
    await designer.undo();
    await designer.select("Compose");
    await expect(designer.field("Inputs")).toHaveText("draft value");
    await designer.saved();
    await page.reload();
    await designer.expectOpen("Versioned flow");
    await designer.select("Compose");
    await expect(designer.field("Inputs")).toHaveText("draft value");
  });

  test("publishing says what changed since the version that runs; an old version compares with the one before and the draft", async ({
    app,
  }) => {
    const page = app.page;
    const list = new FlowListPage(page);
    await list.createFlow("Compared flow", "Instant");
    const designer = new DesignerPage(page);
    await designer.dragStep("Compose", "start:#root");
    await designer.fill("Inputs", "first value");
    await designer.saved();
    const draftState = page.getByTestId("draft-state");
    await expect(draftState).toHaveText("Not published");
    const toolbar = page.getByRole("toolbar", { name: "Designer" });
    await toolbar.getByRole("button", { name: "Publish" }).click();
    const dialog = page.getByRole("dialog", { name: /^Publish/ });
    await expect(dialog.getByTestId("publish-changes")).toHaveText("This will be the first version.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await designer.publish("first version");
    await expect(draftState).toHaveText("Version 1 runs");

    await designer.select("Compose");
    await designer.fill("Inputs", "second value");
    await designer.saved();
    // The header says the draft is ahead of what runs; it opens the same list of changes.
    await draftState.getByRole("button", { name: "Unpublished changes" }).click();
    const changes = dialog.getByTestId("publish-changes");
    await expect(changes).toContainText("Changes since version 1 · 1 changed");
    const change = changes.getByTestId("change");
    await expect(change).toHaveCount(1);
    await expect(change).toContainText("Changed");
    await expect(change).toContainText("Compose");
    await expect(change.getByRole("deletion")).toHaveText("first value");
    await expect(change.getByRole("insertion")).toHaveText("second value");
    await dialog.getByRole("button", { name: "Describe the changes for me" }).click();
    await expect(dialog.getByLabel("What changed (optional)")).toHaveValue("Changed Compose");
    await dialog.getByLabel("What changed (optional)").fill("second version");
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect(dialog).toBeHidden();
    await expect(draftState).toHaveText("Version 2 runs");

    await toolbar.getByRole("button", { name: "Versions" }).click();
    await page
      .getByRole("dialog", { name: /Versions of/ })
      .getByTestId("version")
      .filter({ hasText: "second version" })
      .getByRole("button", { name: "Open read-only" })
      .click();
    await expect(page.getByTestId("read-only-version")).toContainText("Version 2");
    await expect(page.getByTestId("version-runs")).toHaveText("Runs now");
    await page.getByRole("button", { name: "Changes" }).click();
    const panel = page.getByTestId("changes-panel");
    await expect(panel).toContainText("What version 2 changed from version 1.");
    await expect(designer.card("Compose").getByTestId("card-change")).toHaveText("Changed");
    await panel.getByRole("button", { name: "Compose" }).click();
    await expect(designer.card("Compose")).toHaveClass(/selected/);

    await panel.getByLabel("Compare with").selectOption("draft");
    await expect(panel).toContainText("The draft is the same as this version.");
    await expect(page.getByTestId("card-change")).toHaveCount(0);

    // The Versions dialog opens a version with its changes at once; the first has none before it.
    await page.getByRole("button", { name: "Versions" }).click();
    await page
      .getByRole("dialog", { name: /Versions of/ })
      .getByTestId("version")
      .filter({ hasText: "first version" })
      .getByRole("button", { name: "Changes" })
      .click();
    await expect(page.getByTestId("read-only-version")).toContainText("Version 1");
    await expect(page.getByTestId("changes-panel")).toContainText("This is the first version");
  });
});

/** Settings → Administration: chooses the first administrator passphrase, which signs the person in. */
async function becomeAdministrator(page: Page): Promise<void> {
  const admin = page.locator("#settings-admin");
  await admin.getByLabel("New passphrase", { exact: true }).fill("correct horse");
  await admin.getByLabel("Repeat the new passphrase").fill("correct horse");
  await admin.getByRole("button", { name: "Become administrator" }).click();
  await expect(admin.getByTestId("admin-state")).toBeVisible();
}
