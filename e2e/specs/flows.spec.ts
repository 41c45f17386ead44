import type { Locator } from "@playwright/test";
import { PURCHASE_APPROVAL_FLOW } from "../fixtures/purchase-approval";
import { callApi, createFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";

test.describe("My flows", () => {
  test("a first-time user sees what to do, creates a flow of each kind, and finds them after a restart", async ({
    app,
  }) => {
    const list = new FlowListPage(app.page);
    await expect(app.page.getByRole("heading", { name: "No flows yet" })).toBeVisible();

    const designer = new DesignerPage(app.page);
    const kinds = [
      ["Approve large purchase invoices", "Automated", "When a record is created (V3)"],
      ["Weekly overdue customers", "Scheduled", "Recurrence"],
      ["Block vendor payments", "Instant", "Manually trigger a flow"],
    ] as const;
    for (const [name, kind, trigger] of kinds) {
      await list.createFlow(name, kind);
      await designer.expectOpen(name);
      await expect(app.page.locator(".trigger-card")).toContainText(trigger);
      // The window's title names the open flow.
      await expect(app.page).toHaveTitle(`${name} — Flowsmith`);
      await designer.back();
      await expect(app.page).toHaveTitle("My flows — Flowsmith");
    }
    await expect(list.rows()).toHaveCount(3);
    expect(await list.names()).toEqual(kinds.map(([name]) => name).reverse());
    await expect(list.row("Weekly overdue customers")).toContainText("Scheduled");
    // A search keeps the flows whose name has the text, and the count says how many of all.
    await app.page.getByRole("searchbox", { name: "Search flows" }).fill("weekly");
    await expect(list.rows()).toHaveCount(1);
    await expect(app.page.getByTestId("flow-count")).toHaveText("1 of 3 flows");
    await app.page.getByRole("searchbox", { name: "Search flows" }).fill("");
    await expect(app.page.getByTestId("flow-count")).toHaveText("3 flows");

    await app.page.reload();
    await expect(list.rows()).toHaveCount(3);

    const page = await app.restart();
    const again = new FlowListPage(page);
    await expect(again.rows()).toHaveCount(3);
    await expect(again.row("Block vendor payments")).toContainText("Instant");
  });

  test("renames, duplicates, deletes with confirmation and restores from the recycle bin", async ({
    app,
  }) => {
    const list = new FlowListPage(app.page);
    await list.createFlow("Notify sales", "Automated");
    await list.goto();

    await list.rename("Notify sales", "Notify the sales channel");
    await expect(list.row("Notify the sales channel")).toBeVisible();
    await expect(list.row("Notify sales")).toHaveCount(0);

    await list.duplicate("Notify the sales channel");
    await expect(list.row("Copy of Notify the sales channel")).toBeVisible();
    // A second copy is numbered, so the two can be told apart here and in Runs.
    await list.duplicate("Notify the sales channel");
    await expect(list.row("Copy of Notify the sales channel (2)")).toBeVisible();

    await list.delete("Notify the sales channel");
    await expect(list.row("Notify the sales channel")).toHaveCount(0);
    await expect(app.page.getByRole("button", { name: "Recycle bin (1)" })).toBeVisible();

    await app.page.reload();
    await list.restoreFromRecycleBin("Notify the sales channel");
    await expect(list.row("Notify the sales channel")).toBeVisible();
    await expect(list.rows()).toHaveCount(3);
  });

  test("imports an exported flow as a new one, numbered beside its original; a file that is not a flow is refused", async ({
    app,
  }) => {
    const page = app.page;
    const list = new FlowListPage(page);
    const flowId = await createFlow(page, "Approve purchases", "automated", PURCHASE_APPROVAL_FLOW);
    const file = await callApi<{ fileName: string; content: string }>(page, "flows.export", { flowId });
    await list.goto();
    await page.getByTestId("import-file").setInputFiles({
      name: file.fileName,
      mimeType: "application/json",
      buffer: Buffer.from(file.content),
    });
    await expect(
      page.getByTestId("toast").filter({ hasText: "“Approve purchases (2)” was imported." }),
    ).toBeVisible();
    await expect(list.rows()).toHaveCount(2);

    await page.getByTestId("import-file").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"title": "shopping list"}'),
    });
    await expect(page.getByTestId("toast").filter({ hasText: "No flow definition found" })).toBeVisible();
    await expect(list.rows()).toHaveCount(2);
  });

  test("cancelling a delete keeps the flow", async ({ app }) => {
    const list = new FlowListPage(app.page);
    await list.createFlow("Keep me", "Instant");
    await list.goto();
    await list.row("Keep me").getByRole("button", { name: "More actions" }).click();
    await app.page.getByRole("menuitem", { name: "Delete" }).click();
    await app.page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(list.row("Keep me")).toBeVisible();
  });

  test("renames a flow from the canvas header", async ({ app }) => {
    const list = new FlowListPage(app.page);
    await list.createFlow("Draft name", "Scheduled");
    const designer = new DesignerPage(app.page);
    await designer.expectOpen("Draft name");
    await designer.rename("Final name");
    await expect(app.page.getByRole("button", { name: "Final name" })).toBeVisible();
    await app.page.reload();
    await designer.expectOpen("Final name");
  });

  test("a save that conflicts with a change made elsewhere says so and offers to reload", async ({
    app,
  }, testInfo) => {
    test.skip(
      testInfo.project.metadata.harness === "electron",
      "needs two windows on one app: a web-mode journey",
    );
    const list = new FlowListPage(app.page);
    await list.createFlow("Shared flow", "Automated");
    const designer = new DesignerPage(app.page);
    await designer.expectOpen("Shared flow");

    const other = await app.openSecondWindow();
    const otherList = new FlowListPage(other);
    await otherList.rename("Shared flow", "Renamed elsewhere");

    await designer.rename("My rename");
    const banner = app.page.getByTestId("conflict-banner");
    await expect(banner).toContainText("This flow changed elsewhere");
    await expect(app.page.getByRole("button", { name: "Shared flow" })).toBeVisible();

    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(banner).toBeHidden();
    await designer.expectOpen("Renamed elsewhere");
  });

  test("New flow from the keyboard, and a dark theme that is remembered", async ({ app }, testInfo) => {
    test.skip(
      testInfo.project.metadata.harness === "electron",
      "menu accelerators own these keys in Electron",
    );
    await app.page.keyboard.press("Control+n");
    await expect(app.page.getByRole("dialog", { name: "New flow" })).toBeVisible();
    await app.page.keyboard.press("Escape");
    await expect(app.page.getByRole("dialog", { name: "New flow" })).toBeHidden();

    await app.page.getByTestId("theme-toggle").click();
    const theme = () => app.page.evaluate(() => document.documentElement.dataset.theme);
    const first = await theme();
    await app.page.reload();
    await expect.poll(theme).toBe(first);
    await app.page.keyboard.press("Control+Shift+D");
    await expect.poll(theme).not.toBe(first);
  });

  test("? lists the keyboard shortcuts, except while typing", async ({ app }, testInfo) => {
    test.skip(
      testInfo.project.metadata.harness === "electron",
      "menu accelerators own these keys in Electron",
    );
    const shortcuts = app.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await app.page.getByRole("button", { name: "Create your first flow" }).focus();
    await app.page.keyboard.press("?");
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts).toContainText("Duplicate the selected step");
    await app.page.keyboard.press("Escape");
    await expect(shortcuts).toBeHidden();
    // The keyboard is back where it was, not on the page's body.
    await expect(app.page.getByRole("button", { name: "Create your first flow" })).toBeFocused();
    // The first Tab stop of a page skips the navigation.
    await app.page.reload();
    await expect(app.page.getByRole("heading", { name: "No flows yet" })).toBeVisible();
    await app.page.keyboard.press("Tab");
    await expect(app.page.getByRole("button", { name: "Skip to the page" })).toBeFocused();
    await app.page.keyboard.press("Enter");
    await app.page.keyboard.press("Tab");
    await expect(
      app.page.getByRole("searchbox").or(app.page.getByRole("button", { name: "Recycle bin" })),
    ).toBeFocused();

    await app.page.keyboard.press("Control+n");
    const name = app.page.getByRole("dialog", { name: "New flow" }).getByLabel("Flow name");
    await name.pressSequentially("Why?");
    await expect(name).toHaveValue("Why?");
    await expect(shortcuts).toBeHidden();
  });

  test("on a laptop-sized window the navigation folds to icons and every action stays on screen", async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 680 });
    const onScreen = async (locator: Locator) => {
      const box = await locator.boundingBox();
      expect(box, "the element is laid out").not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
    };
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    expect((await nav.boundingBox())?.width).toBeLessThan(80);
    // The folded links keep their names (for screen readers, and as tooltips).
    await expect(nav.getByRole("link", { name: "Workflow list" })).toHaveAttribute("title", "Workflow list");

    const list = new FlowListPage(page);
    await list.createFlow("Approve large purchase invoices", "Automated");
    const designer = new DesignerPage(page);
    await designer.expectOpen("Approve large purchase invoices");
    await onScreen(page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: "Test" }));
    await onScreen(page.getByRole("button", { name: "Delete", exact: true }));

    await nav.getByRole("link", { name: "My flows" }).click();
    await onScreen(page.getByRole("button", { name: "New flow" }));

    // The workflow list keeps each row's switch and More menu in the window; the version moves
    // beside the kind when its column folds away.
    const flowId = await createFlow(
      page,
      "Purchase invoice approval for the whole company",
      "automated",
      PURCHASE_APPROVAL_FLOW,
    );
    await callApi(page, "publish.publish", { flowId });
    await nav.getByRole("link", { name: "Workflow list" }).click();
    const row = page
      .getByTestId("workflow-row")
      .filter({ has: page.getByRole("link", { name: "Purchase invoice approval for the whole company" }) });
    await onScreen(row.getByRole("button", { name: "More" }));
    await onScreen(row.getByRole("switch"));
    await expect(row).toContainText("v1");
  });

  test("sorts by a column's header, either way, and keeps the order after a restart", async ({ app }) => {
    const page = app.page;
    for (const [name, kind] of [
      ["Invoice approval 10", "automated"],
      ["Block vendor payments", "instant"],
      ["invoice approval 9", "automated"],
    ] as const)
      await createFlow(page, name, kind, undefined);
    await page.reload();
    const list = new FlowListPage(page);
    await expect(list.rows()).toHaveCount(3);
    // Newest change first.
    expect(await list.names()).toEqual([
      "invoice approval 9",
      "Block vendor payments",
      "Invoice approval 10",
    ]);

    const name = page.getByRole("columnheader", { name: "Name" });
    await name.getByRole("button").click();
    await expect(name).toHaveAttribute("aria-sort", "ascending");
    expect(await list.names()).toEqual([
      "Block vendor payments",
      "invoice approval 9",
      "Invoice approval 10",
    ]);
    await name.getByRole("button").click();
    await expect(name).toHaveAttribute("aria-sort", "descending");
    expect(await list.names()).toEqual([
      "Invoice approval 10",
      "invoice approval 9",
      "Block vendor payments",
    ]);

    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
    expect(await list.names()).toEqual([
      "Invoice approval 10",
      "invoice approval 9",
      "Block vendor payments",
    ]);
  });
});
