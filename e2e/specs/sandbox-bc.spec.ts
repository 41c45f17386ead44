// Business Central in the sandbox as its users meet it: lists that stay readable at any width,
// cards that say what a document is and who decides it, and messages in people's words.
import type { Page } from "@playwright/test";
import { callApi } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { SandboxPage } from "../pages/sandbox";

const MARCUS = "marcus.bell@cronus-demo.example";

async function recordId(page: Page, table: string, number: string): Promise<string> {
  const found = await callApi<{ items: { id: string }[] }>(page, "sandbox.records.list", {
    table,
    search: number,
    top: 1,
  });
  const id = found.items[0]?.id;
  if (!id) throw new Error(`no ${number} in ${table}`);
  return id;
}

test.describe("Business Central lists", () => {
  test("numbers and phone numbers stay on one line at 1024 px; a long name is cut with its full text on hover", async ({
    app,
  }) => {
    const page = app.page;
    const long =
      "Heron Living Ltd. — a very long customer name that goes on for quite a while, to see truncation";
    await callApi(page, "sandbox.records.update", {
      table: "customers",
      id: await recordId(page, "customers", "C10000"),
      patch: { displayName: long },
      actingAs: MARCUS,
    });
    await page.setViewportSize({ width: 1024, height: 700 });
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Customers");
    const row = sandbox.row("C10000");
    // How many lines a text takes on screen.
    const lines = (text: string) =>
      row.getByText(text, { exact: true }).evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
    expect(await lines("C10000")).toBe(1);
    expect(await lines("+1 555 0152")).toBe(1);
    expect(await lines("5,000.00")).toBe(1);
    const name = row.getByRole("cell", { name: long });
    await expect(name).toHaveAttribute("title", long);
    expect(await lines(long)).toBe(1);
    expect(await name.evaluate((cell) => cell.scrollWidth > cell.clientWidth)).toBe(true);
  });

  test("the column headers and the list's buttons stay in view while the rows scroll", async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 700 });
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Items");
    await sandbox.rows().last().scrollIntoViewIfNeeded();
    await expect(sandbox.rows().first()).not.toBeInViewport();
    await expect(page.getByRole("columnheader", { name: "Description" })).toBeInViewport();
    await expect(page.getByRole("button", { name: "New", exact: true })).toBeInViewport();
    await expect(page.getByRole("searchbox", { name: "Search items" })).toBeInViewport();
    // Several pages: the pager says where; one page: the count is said once, under the title.
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("1–25 of 100");
    await sandbox.openTable("Purchase invoices");
    await expect(page.locator(".sbx-subheader")).toContainText("25 records");
    await expect(page.getByText(/^\d+ rows?$/)).toHaveCount(0);
  });

  test("a line list names each line's document, links to it, and does not group line numbers", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("purchaseInvoiceLines");
    const first = sandbox.rows().first();
    await expect(first.getByRole("link", { name: /^PI-\d{4}$/ })).toBeVisible();
    await expect(first.getByRole("link", { name: "10000", exact: true })).toBeVisible();
    await expect(page.getByText("10,000")).toHaveCount(0);
    const document = (await first.getByRole("link", { name: /^PI-\d{4}$/ }).textContent()) ?? "";
    await first.getByRole("link", { name: document }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Purchase invoice ${document}` })).toBeVisible();
  });

  test("document lists show the vendor's number and the due date, dates as the app writes them", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Purchase invoices");
    await expect(page.getByRole("columnheader", { name: "Vendor no." })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Due date" })).toBeVisible();
    await expect(sandbox.row("PI-1001")).toContainText("V20000");
    await expect(sandbox.row("PI-1001")).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await expect(sandbox.row("PI-1001")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  });

  test("Delete names the records it deletes, in plain words", async ({ app }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Purchase invoices");
    await sandbox.row("PI-1002").getByRole("checkbox").check();
    await sandbox.row("PI-1003").getByRole("checkbox").check();
    const search = page.getByRole("searchbox", { name: "Search purchase invoices" });
    const width = (await search.boundingBox())?.width;
    await page.locator(".sbx-subheader").getByRole("button", { name: "Delete 2" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 2 purchase invoices?" });
    await expect(dialog.getByTestId("delete-list")).toContainText("PI-1002");
    await expect(dialog.getByTestId("delete-list")).toContainText("Bluebird Fittings Ltd.");
    await expect(dialog.getByTestId("delete-list")).toContainText("PI-1003");
    await expect(dialog).not.toContainText("event");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    // The search box kept its width while the button said "Delete 2".
    expect((await search.boundingBox())?.width).toBe(width);
  });
});
