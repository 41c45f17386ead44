import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { noteFlow } from "../fixtures/button-flow";
import { callApi, createFlow } from "../harness/api";
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

test.describe("run history retention", () => {
  test("keeping less run history asks first, and the Runs page says what is kept", async ({ app }) => {
    const page = app.page;
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await nav.getByRole("link", { name: "Settings" }).click();
    const keep = page.getByLabel("Keep ended runs for");
    await expect(keep).toHaveValue("90");

    await keep.selectOption("7");
    const confirm = page.getByRole("dialog", { name: "Keep less run history?" });
    await expect(confirm).toContainText("more than 7 days ago will be deleted now");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(keep).toHaveValue("90");

    await keep.selectOption("7");
    await confirm.getByRole("button", { name: "Keep 7 days" }).click();
    await expect(confirm).toBeHidden();
    await expect(keep).toHaveValue("7");

    // Keeping more deletes nothing: no question asked.
    await keep.selectOption("forever");
    await expect(confirm).toBeHidden();
    await expect(keep).toHaveValue("forever");
    await keep.selectOption("28");
    await confirm.getByRole("button", { name: "Keep 28 days" }).click();

    await page.reload();
    await nav.getByRole("link", { name: "Runs" }).click();
    await expect(page.getByTestId("run-retention")).toHaveText(
      "Runs that ended more than 28 days ago are deleted. Change",
    );
  });
});

test.describe("a draft saved elsewhere meanwhile", () => {
  test("stops autosave, shows what this window would drop, and saves it as a copy", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Shared draft", "instant", noteFlow("original"));
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.expectOpen("Shared draft");

    // Another window saves its draft over the revision this one holds.
    const theirs = await callApi<{ revision: number; definition: Record<string, unknown> }>(
      page,
      "flows.get",
      {
        id: flowId,
      },
    );
    await callApi(page, "flows.saveDraft", {
      id: flowId,
      revision: theirs.revision,
      definition: noteFlow("theirs"),
    });

    await designer.select("Note");
    await designer.fill("Inputs", "mine");
    const banner = page.getByTestId("conflict-banner");
    await expect(banner).toContainText("changed elsewhere");
    await banner.getByRole("button", { name: "Compare" }).click();
    const compare = page.getByRole("dialog", { name: "Your draft and the one saved elsewhere" });
    const change = compare.getByTestId("change");
    await expect(change).toHaveCount(1);
    await expect(change.getByRole("deletion")).toHaveText("theirs");
    await expect(change.getByRole("insertion")).toHaveText("mine");
    await compare.getByRole("button", { name: "Close" }).first().click();

    await banner.getByRole("button", { name: "Save mine as a copy" }).click();
    await designer.expectOpen("Shared draft (my copy)");
    await designer.select("Note");
    await expect(designer.field("Inputs")).toHaveText("mine");
    const original = await callApi<{ definition: { actions: { Note: { inputs: string } } } }>(
      page,
      "flows.get",
      {
        id: flowId,
      },
    );
    expect(original.definition.actions.Note.inputs).toBe("theirs");
  });
});
