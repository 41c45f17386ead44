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
    // Document no. sorts like the other columns, across pages: PI-1001 first, then the highest first.
    const header = page.getByRole("columnheader", { name: "Document no." });
    await header.getByRole("button", { name: "Document no." }).click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/sort=%40document&dir=asc/);
    await expect(first.getByRole("link", { name: "PI-1001", exact: true })).toBeVisible();
    await expect(first.getByRole("link", { name: "10000", exact: true })).toBeVisible();
    await header.getByRole("button", { name: "Document no." }).click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(first.getByRole("link", { name: "PI-1001", exact: true })).toHaveCount(0);
    const highest = (await first.getByRole("link", { name: /^PI-\d{4}$/ }).textContent()) ?? "";
    const numbers = await sandbox
      .rows()
      .evaluateAll((rows) => rows.map((row) => row.querySelector("a")?.textContent ?? ""));
    expect(numbers.every((number) => number <= highest)).toBe(true);

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

test.describe("Business Central cards", () => {
  test("a posted document says Posted everywhere, offers nothing that no longer applies, and says so once", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1011");
    await expect(sandbox.status()).toHaveText("Posted");
    await expect(page.locator('[data-field="status"]')).toHaveText("Posted");
    for (const action of [
      "Release",
      "Reopen",
      "Post",
      "Send approval request",
      "Cancel approval request",
      "Delete",
    ])
      await expect(sandbox.action(action)).toHaveCount(0);
    await expect(page.locator(".sbx-subheader").getByRole("button", { name: /Automate/ })).toBeVisible();
    const form = page.getByRole("form", { name: "Fields" });
    await expect(form.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(form.getByRole("button", { name: "Cancel" })).toHaveCount(0);
    await expect(page.getByText("This document is posted: it can no longer change.")).toHaveCount(1);
    // Ids and system stamps are folded away, not in the way.
    await expect(page.getByText(/system id/i)).toBeHidden();
    await expect(page.getByText("Vendor id", { exact: true })).toBeHidden();
    await page.locator("summary").filter({ hasText: "System fields" }).click();
    await expect(page.getByText("Vendor id", { exact: true })).toBeVisible();
    await expect(page.getByText(/system id/i)).toBeVisible();
  });

  test("posting keeps the document's posting date, which the Post dialog names; the toast says what happened", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1002");
    const postingDate = (await page.getByLabel("Posting date", { exact: true }).inputValue()).trim();
    expect(postingDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await sandbox.action("Post").click();
    const dialog = page.getByRole("dialog", { name: "Post purchase invoice PI-1002?" });
    await expect(dialog).toContainText(`It posts on its posting date, ${postingDate}.`);
    await dialog.getByRole("button", { name: "Post" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "PI-1002 posted." })).toBeVisible();
    await expect(sandbox.status()).toHaveText("Posted");
    await expect(page.locator('[data-field="postingDate"]')).toHaveText(postingDate);
  });

  test("the approval request names whom it waits for; once approved, the card says by whom and when", async ({
    app,
  }) => {
    const page = app.page;
    await callApi(page, "workflows.setEnabled", { id: "builtin-purchase-invoice-approval", enabled: true });
    const sandbox = new SandboxPage(page);
    await sandbox.actAs("Marcus Bell");
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await expect(await sandbox.sendForApproval()).toContainText(
      "PI-1001 was sent to Alicia Thornton for approval (built-in workflow “Purchase invoice approval”).",
    );
    await expect(sandbox.approvalRequest()).toContainText(
      "Waiting for Alicia Thornton (built-in workflow “Purchase invoice approval”).",
    );
    await expect(sandbox.approvalRequest()).toContainText("Sent by Marcus Bell on");
    await expect(sandbox.approvalRequest()).not.toContainText("answered");

    await sandbox.actAs("Alicia Thornton");
    await sandbox.respond("Purchase invoice PI-1001 needs approval", "Approve");
    await sandbox.openRecord("Purchase invoices", "PI-1001");
    await expect(sandbox.status()).toHaveText("Released");
    await expect(page.getByTestId("approval-decision")).toContainText(
      /^Approved by Alicia Thornton on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M\. Sent for approval by Marcus Bell\.$/,
    );
  });

  test("a blank New customer is refused with a word under Name, and nothing is created", async ({ app }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Customers");
    const before = await callApi<{ total: number }>(page, "sandbox.records.list", {
      table: "customers",
      top: 1,
    });
    await page.getByRole("button", { name: "New", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "New customer" });
    await dialog.getByRole("button", { name: "Create" }).click();
    const name = dialog.getByLabel("Name", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Name is required.");
    await expect(name).toBeFocused();
    await expect(dialog).toBeVisible();
    const after = await callApi<{ total: number }>(page, "sandbox.records.list", {
      table: "customers",
      top: 1,
    });
    expect(after.total).toBe(before.total);
    await name.fill("Osprey Interiors Ltd.");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Customer C\d+$/ })).toBeVisible();
  });

  test("a new purchase invoice asks for its vendor, with the vendors to pick from", async ({ app }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openTable("Purchase invoices");
    await page.getByRole("button", { name: "New", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "New purchase invoice" });
    const vendor = dialog.getByLabel("Vendor no.", { exact: true });
    await expect(vendor).not.toHaveAttribute("placeholder");
    await expect(vendor).toHaveAttribute("required");
    const options = dialog.locator(`datalist#${await vendor.getAttribute("list")} option`);
    await expect(options.filter({ hasText: "Birch Logistics Co." })).toHaveAttribute("value", "V20000");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(vendor).toHaveAccessibleDescription("Vendor no. is required.");
    await vendor.fill("V99999");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(vendor).toHaveAccessibleDescription("There is no vendor V99999.");
  });

  test("a card says what is wrong under each field in people's words, not in the browser's bubbles", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Customers", "C10000");
    await expect(page.getByRole("form", { name: "Fields" })).toHaveAttribute("novalidate");
    await sandbox.setField("Credit limit (LCY)", "lots");
    await sandbox.setField("Email", "not-an-email");
    await page.getByRole("form", { name: "Fields" }).getByRole("button", { name: "Save" }).click();
    await expect(sandbox.field("Credit limit (LCY)")).toHaveAccessibleDescription(
      "Credit limit (LCY) must be a number.",
    );
    await expect(sandbox.field("Email")).toHaveAccessibleDescription(
      "Email must be an email address, such as name@example.com.",
    );
    await expect(sandbox.field("Credit limit (LCY)")).toBeFocused();
    await expect(
      page.getByText("Not saved: 2 fields need a fix: Credit limit (LCY) and Email."),
    ).toBeVisible();
    // Fixing one field clears its own message only.
    await sandbox.setField("Credit limit (LCY)", "7500");
    await expect(sandbox.field("Credit limit (LCY)")).not.toHaveAttribute("aria-invalid", "true");
    await expect(sandbox.field("Email")).toHaveAttribute("aria-invalid", "true");
    // A number is written as the card writes numbers once left, right-aligned.
    await sandbox.field("Name").click();
    await expect(sandbox.field("Credit limit (LCY)")).toHaveValue("7,500.00");
    expect(await sandbox.field("Credit limit (LCY)").evaluate((e) => getComputedStyle(e).textAlign)).toBe(
      "right",
    );
    await sandbox.setField("Email", "accounts@heron-living.example");
    await sandbox.save();
    const saved = await callApi<{ record: { creditLimit: number } }>(page, "sandbox.records.get", {
      table: "customers",
      id: await recordId(page, "customers", "C10000"),
    });
    expect(saved.record.creditLimit).toBe(7500);
  });

  test("dates are written as the app writes them and typed as people type them", async ({ app }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1004");
    const due = sandbox.field("Due date");
    await expect(due).toHaveValue(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await due.fill("12/31/2026");
    await sandbox.field("Vendor invoice no.").click();
    await expect(due).toHaveValue("Dec 31, 2026");
    await sandbox.save();
    const saved = await callApi<{ record: { dueDate: string } }>(page, "sandbox.records.get", {
      table: "purchaseInvoices",
      id: await recordId(page, "purchaseInvoices", "PI-1004"),
    });
    expect(saved.record.dueDate).toBe("2026-12-31");
    await due.fill("soon");
    const error = await sandbox.saveExpectingError();
    await expect(error).toHaveText("Due date must be a date, such as Nov 24, 2026.");
  });

  test("each action says what it did in one sentence; a wrong item for a new line is named at its box", async ({
    app,
  }) => {
    const page = app.page;
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Purchase invoices", "PI-1004");
    await page.getByLabel("Item no.").fill("99999");
    await page.getByRole("button", { name: "Add line" }).click();
    await expect(page.getByLabel("Item no.")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Item no.")).toHaveAccessibleDescription("There is no item 99999.");
    await expect(page.getByTestId("toast")).toHaveCount(0);

    await sandbox.action("Release").click();
    await expect(page.getByTestId("toast").filter({ hasText: "PI-1004 released." })).toBeVisible();
    await expect(page.getByText("Only Open documents can be edited. Reopen it to make changes.")).toHaveCount(
      1,
    );

    await sandbox.openRecord("Sales quotes", "SQ-1001");
    await sandbox.action("Make order").click();
    await expect(
      page.getByTestId("toast").filter({ hasText: /^SQ-1001 made into order SO-\d+\./ }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Sales order SO-\d+$/ })).toBeVisible();
  });

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    test(`a toast covers neither Save nor Cancel, also while new edits pin them to the foot (${width}×${height})`, async ({
      app,
    }) => {
      const page = app.page;
      await page.setViewportSize({ width, height });
      const sandbox = new SandboxPage(page);
      await sandbox.openRecord("Sales quotes", "SQ-1001");
      await sandbox.setField("External document no.", "PO-1");
      await sandbox.save();
      // Edited again while the toast still shows: the footer sticks to the window's foot.
      await sandbox.setField("External document no.", "PO-2");
      const form = page.getByRole("form", { name: "Fields" });
      const toast = page.getByTestId("toast").first();
      await expect(toast).toBeVisible();
      const toastBox = await toast.boundingBox();
      for (const name of ["Save", "Cancel"]) {
        const button = form.getByRole("button", { name, exact: true });
        await expect(button).toBeEnabled();
        const box = await button.boundingBox();
        expect(toastBox && box && overlaps(toastBox, box), name).toBe(false);
      }
    });
  }
});

test.describe("Business Central card actions", () => {
  test("a sales quote's actions keep to one line at 1024×768, the disabled ones in More; at 1440×900 all show", async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    const sandbox = new SandboxPage(page);
    await sandbox.openRecord("Sales quotes", "SQ-1001");
    const bar = page.locator(".sbx-subheader .sbx-action-bar");
    const more = bar.getByRole("button", { name: "More", exact: true });
    await expect(more).toBeVisible();
    const tops = await bar
      .locator(":scope > button, :scope > .menu-root > button, :scope > span button")
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await expect(sandbox.action("Send approval request")).toBeVisible();
    await expect(sandbox.action("Release")).toBeVisible();
    await more.click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Reopen" })).toBeDisabled();
    await expect(menu.getByRole("menuitem", { name: "Cancel approval request" })).toBeDisabled();
    await page.keyboard.press("Escape");

    // Released, what can be done changes places: Reopen comes onto the bar, Release goes into More.
    await sandbox.action("Release").click();
    await expect(page.getByTestId("toast").filter({ hasText: "SQ-1001 released." })).toBeVisible();
    await expect(sandbox.action("Reopen")).toBeEnabled();
    await expect(sandbox.action("Release")).toHaveCount(0);
    await more.click();
    await expect(menu.getByRole("menuitem", { name: "Release" })).toBeDisabled();
    await page.keyboard.press("Escape");
    await sandbox.action("Reopen").click();
    await expect(page.getByTestId("toast").filter({ hasText: "SQ-1001 reopened." })).toBeVisible();

    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(more).toHaveCount(0);
    for (const name of ["Release", "Reopen", "Make order", "Make invoice", "Cancel approval request"])
      await expect(sandbox.action(name)).toBeVisible();
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
