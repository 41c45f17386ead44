import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";

const GARBAGE = "these bytes are not an SQLite database ".repeat(200);

test.describe("a damaged database", () => {
  test.use({ dataDirFiles: { "flowsmith.db": GARBAGE } });

  test("is moved aside, never deleted, and the person is told plainly", async ({ app }) => {
    const notice = app.page.getByTestId("notice");
    await expect(notice).toContainText("Database could not be read");
    await expect(notice).toContainText("kept, untouched");
    const kept = readdirSync(app.dataDir).find((name) => name.startsWith("flowsmith.db.damaged-"));
    expect(kept).toBeDefined();
    expect(readFileSync(join(app.dataDir, kept ?? ""), "utf8")).toBe(GARBAGE);

    // The fresh database works at once.
    const list = new FlowListPage(app.page);
    await list.createFlow("After the repair", "Instant");
    await list.goto();
    await expect(list.row("After the repair")).toBeVisible();

    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe("a server that stops under an open page", () => {
  test("every page says Flowsmith is not answering, and nothing on it is lost", async ({ app }, testInfo) => {
    test.skip(
      testInfo.project.metadata.harness === "electron",
      "only web mode has a server that can stop under its page",
    );
    const list = new FlowListPage(app.page);
    await list.createFlow("Kept while offline", "Scheduled");
    const banner = app.page.getByTestId("connection-lost");
    await expect(banner).toBeHidden();

    await app.stopServer();
    await expect(banner).toContainText("Flowsmith is not answering");
    await expect(banner).toContainText("What you saved is safe");
    await app.page.screenshot({ path: testInfo.outputPath("designer-connection-lost.png") });
    // The page still works as far as it can: navigation keeps the banner and what was shown.
    await app.page.getByRole("link", { name: "My flows", exact: true }).click();
    await expect(banner).toBeVisible();
    await expect(list.row("Kept while offline")).toBeVisible();
    await app.page.screenshot({ path: testInfo.outputPath("connection-lost.png") });

    // Started again where it was, it has a new token: this page cannot use it, and keeps saying so.
    const eventsRefused = app.page.waitForResponse(
      (response) => response.url().includes("/api/events") && response.status() === 401,
      { timeout: 15_000 },
    );
    await app.startServerAgain();
    await eventsRefused;
    await app.page.getByRole("button", { name: "New flow" }).click();
    const dialog = app.page.getByRole("dialog", { name: "New flow" });
    await dialog.getByLabel("Flow name").fill("Refused by the new server");
    await dialog.getByText("Instant", { exact: true }).click();
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(app.page.getByText("Flowsmith was restarted")).toBeVisible();
    await expect(banner).toBeVisible();
  });
});

test.describe("a layout worker that cannot load", () => {
  test("leaves no empty canvas: the flow is drawn by the in-page layout", async ({ app }) => {
    await app.page.context().route(/elk\.worker/, (route) => route.abort());
    const list = new FlowListPage(app.page);
    await list.createFlow("Drawn anyway", "Scheduled");
    const designer = new DesignerPage(app.page);
    await designer.expectOpen("Drawn anyway");
    await expect(designer.trigger()).toBeVisible();
    await expect(designer.trigger()).toContainText("Recurrence");
  });
});
