import { mkdirSync } from "node:fs";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";

test.describe("designer: the purchase approval flow, by hand", () => {
  test("built only by dragging from the palette and filling the forms, then found again after a reload", async ({
    app,
  }, testInfo) => {
    test.setTimeout(120_000);
    const page = app.page;
    const list = new FlowListPage(page);
    const designer = new DesignerPage(page);
    await list.createFlow("Purchase invoice approval", "Automated");
    await designer.expectOpen("Purchase invoice approval");

    // The trigger: a purchase document sent for approval in the demo company.
    await designer.trigger().click();
    await designer.choose("Trigger", "When a purchase document approval is requested");
    await designer.choose("Company name", "CRONUS Demo Ltd.");
    await expect(designer.trigger()).toContainText("When a purchase document approval is requested");

    // Start and wait for an approval, dragged into the empty flow.
    await designer.dragStep("Start and wait for an approval", "start:#root");
    await expect(designer.card("Start and wait for an approval")).toBeVisible();
    await expect(designer.panel()).toBeVisible();
    await designer.choose("Approval type", "Approve/Reject - First to respond");
    await designer.fill("Title", "Approve purchase document ");
    await designer.insertContent("Title", "Row id");
    await expect(designer.field("Title").locator(".token-chip")).toHaveCount(1);
    // The chip goes where the caret was: after the typed text; the caret is back after the chip,
    // so typing goes on in the field.
    await expect(designer.field("Title")).toHaveText("Approve purchase document Row id");
    await expect(designer.field("Title")).toBeFocused();
    await page.keyboard.type(" (purchase)");
    await expect(designer.field("Title")).toHaveText("Approve purchase document Row id (purchase)");
    await designer.fill("Assigned to", "purchasing.manager@cronus-demo.example");
    await designer.fill("Details", "Requested by ");
    await designer.insertContent("Details", "Requested by user email");
    await expect(designer.field("Details")).toHaveText("Requested by Requested by user email");

    // Undo the last edit and redo it.
    await designer.undo();
    await expect(designer.field("Details").locator(".token-chip")).toHaveCount(0);
    await designer.redo();
    await expect(designer.field("Details").locator(".token-chip")).toHaveCount(1);

    // A Condition on the outcome.
    await designer.dragStep("Condition", "after:Start_and_wait_for_an_approval");
    await expect(designer.card("Condition")).toBeVisible();
    await designer.insertContent("Row 1: first value", "Outcome");
    await designer.fill("Row 1: second value", "Approve");

    // Yes: update the document and tell the channel.
    await designer.dragStep("Update record (V3)", "start:#branch/Condition/yes");
    await designer.choose("Company name", "CRONUS Demo Ltd.");
    await designer.choose("Table name", "Purchase invoices");
    await designer.insertContent("Row id", "Row id");
    await designer.choose("Status", "Released");
    await designer.dragStep("Post message in a chat or channel", "after:Update_record_(V3)");
    // The team and channel are the sandbox company's, offered by name; a team's channels follow it.
    await designer.choose("Team", "Purchasing");
    await designer.choose("Channel", "Vendor updates");
    await designer.fill("Message", "Purchase document released after approval.");

    // No: mail the requester the approver's comments.
    await designer.dragStep("Send an email (V2)", "start:#branch/Condition/no");
    await designer.insertContent("To", "Requested by user email");
    await designer.fill("Subject", "Your purchase document was rejected");
    await designer.fill("Body", "Comments: ");
    await designer.insertContent("Body", "Response summary");

    await expect(designer.checkerCount()).toContainText("0 errors");
    await designer.saved();

    mkdirSync(testInfo.outputDir, { recursive: true });
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.getByRole("button", { name: "Fit the flow to the window" }).click();
    await page.waitForTimeout(600); // the fit is animated
    await page.screenshot({ path: testInfo.outputPath("approval-flow-light.png") });
    await page.getByTestId("theme-toggle").click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.screenshot({ path: testInfo.outputPath("approval-flow-dark.png") });
    await page.getByTestId("theme-toggle").click();

    await page.reload();
    await designer.expectOpen("Purchase invoice approval");
    for (const title of [
      "Start and wait for an approval",
      "Condition",
      "Update record (V3)",
      "Post message in a chat or channel",
      "Send an email (V2)",
    ]) {
      await expect(designer.card(title)).toBeVisible();
    }
    await expect(designer.checkerCount()).toContainText("0 errors");
  });
});
