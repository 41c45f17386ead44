import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";

test.describe("designer: editing", () => {
  test("undo and redo every kind of edit, from the toolbar and the keyboard", async ({ app }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    await new FlowListPage(page).createFlow("Undo journey", "Instant");
    await designer.expectOpen("Undo journey");

    await designer.dragStep("Compose", "start:#root");
    await designer.dragStep("Condition", "after:Compose");
    await expect(designer.card("Condition")).toBeVisible();
    await designer.select("Compose");
    await designer.fill("Inputs", "hello");

    // Rename through the properties panel.
    const title = designer.panel().getByLabel("Step name");
    await title.fill("Greeting");
    await title.press("Enter");
    await expect(designer.card("Greeting")).toBeVisible();

    // Delete with the Delete key, then undo it all back with the keyboard.
    await designer.card("Condition").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Delete");
    await expect(designer.card("Condition")).toHaveCount(0);
    await page.keyboard.press("Control+z");
    await expect(designer.card("Condition")).toBeVisible();
    await page.keyboard.press("Control+z");
    await expect(designer.card("Compose")).toBeVisible();
    await designer.undo();
    await designer.undo();
    await expect(designer.card("Condition")).toHaveCount(0);
    await designer.undo();
    await expect(designer.card("Compose")).toHaveCount(0);

    // And forward again.
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+Shift+z");
    await expect(designer.card("Condition")).toBeVisible();
    await designer.redo();
    await designer.redo();
    await designer.redo();
    await expect(designer.card("Condition")).toHaveCount(0);
    await expect(designer.card("Greeting")).toBeVisible();
  });

  test("the checker points at the required field left empty, and clears when it is filled", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    await new FlowListPage(page).createFlow("Checker journey", "Instant");
    await designer.expectOpen("Checker journey");
    await expect(designer.checkerCount()).toContainText("0 errors");

    await designer.dragStep("Send an email (V2)", "start:#root");
    await expect(designer.checkerCount()).toContainText("3 errors");
    await designer.fill("To", "chloe.dubois@cronus-demo.example");
    await designer.fill("Subject", "Hello");
    await expect(designer.checkerCount()).toContainText("1 error");

    await page.getByRole("button", { name: "Close properties" }).click();
    await designer.checkerCount().click();
    const finding = page.getByTestId("finding");
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText("needs a value for Body");
    await expect(designer.card("Send an email (V2)").getByTestId("card-badge")).toHaveText("1");

    // Choosing the finding opens the step on the field that needs a value.
    await finding.click();
    await expect(designer.panel()).toBeVisible();
    await expect(designer.field("Body")).toBeFocused();
    await page.keyboard.type("Thanks!");
    await designer.field("Body").blur();
    await expect(designer.checkerCount()).toContainText("0 errors");
    await expect(page.getByTestId("finding")).toHaveCount(0);
    await expect(page.getByText("No problems found")).toBeVisible();
  });

  test("copy a step in one flow and paste it into another; pasted names are made unique", async ({ app }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const list = new FlowListPage(page);
    await list.createFlow("Source flow", "Instant");
    await designer.dragStep("Compose", "start:#root");
    await designer.fill("Inputs", "copied value");
    await designer.back();

    await list.createFlow("Target flow", "Instant");
    await designer.dragStep("Compose", "start:#root");
    await designer.saved();
    await designer.back();

    await list.row("Source flow").getByRole("link").click();
    await designer.card("Compose").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Control+c");
    await designer.back();

    await list.row("Target flow").getByRole("link").click();
    await designer.card("Compose").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Control+v");
    await expect(designer.card("Compose 2")).toBeVisible();
    await designer.select("Compose 2");
    await expect(designer.field("Inputs")).toHaveText("copied value");
    await designer.saved();
    await page.reload();
    await expect(designer.card("Compose 2")).toBeVisible();
  });

  test("every template opens as a complete flow with nothing for the checker to report", async ({ app }) => {
    test.setTimeout(180_000);
    const page = app.page;
    const designer = new DesignerPage(page);
    const list = new FlowListPage(page);
    const count = await (async () => {
      await page.getByRole("button", { name: "From a template" }).first().click();
      const n = await page.getByTestId("template-card").count();
      await page.keyboard.press("Escape");
      return n;
    })();
    expect(count).toBeGreaterThanOrEqual(15);
    for (let index = 0; index < count; index++) {
      await list.goto();
      await page.getByRole("button", { name: "From a template" }).first().click();
      const card = page.getByTestId("template-card").nth(index);
      const title = (await card.locator(".template-title").textContent()) ?? "";
      await card.click();
      await page.getByRole("button", { name: "Create flow" }).click();
      await designer.expectOpen(title);
      await expect(designer.checkerCount(), title).toHaveText(/^0 errors$/);
    }
  });
});
