// Page object for the Sandbox: what a person does in the simulated company, in their words. Used by
// the sandbox journeys and by the run journeys (send an invoice for approval, answer as the
// approver, find the mail in the requester's mailbox).
import { expect, type Locator, type Page } from "@playwright/test";

export type SandboxTab =
  | "Business Central"
  | "Approvals"
  | "Outlook"
  | "Teams"
  | "Excel"
  | "Notifications"
  | "Simulation";

const TAB_IDS: Record<SandboxTab, string> = {
  "Business Central": "tab-bc",
  Approvals: "tab-approvals",
  Outlook: "tab-outlook",
  Teams: "tab-teams",
  Excel: "tab-excel",
  Notifications: "tab-notifications",
  Simulation: "tab-simulation",
};

export type ClockStep = "1 hour" | "1 day" | "3 days" | "1 week" | "next wait";

export type FaultSpec =
  | {
      connector: string;
      operation?: string;
      mode: "fail";
      status: 429 | 500;
      calls: number;
      retryAfterSeconds?: number;
    }
  | { connector: string; operation?: string; mode: "slow"; delayMs: number; calls: number };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class SandboxPage {
  constructor(readonly page: Page) {}

  /** Opens the sandbox from the main navigation, on a section. */
  async goto(tab: SandboxTab = "Business Central"): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Sandbox" })
      .click();
    await expect(this.page.getByRole("heading", { name: "Sandbox", level: 1 })).toBeVisible();
    await this.openTab(tab);
  }

  async openTab(tab: SandboxTab): Promise<void> {
    await this.page.getByTestId(TAB_IDS[tab]).click();
    await expect(this.page.getByTestId(TAB_IDS[tab])).toHaveAttribute("aria-current", "page");
  }

  private async ensureOpen(): Promise<void> {
    if (!(await this.page.getByTestId("act-as").isVisible())) await this.goto();
  }

  // --- who ---

  /** Acts as a person of the company, by display name ("Alicia Thornton"). */
  async actAs(name: string): Promise<void> {
    await this.ensureOpen();
    await this.page.getByTestId("act-as").selectOption({ label: name });
    await expect(this.page.getByTestId("act-as").locator("option:checked")).toHaveText(name);
  }

  actingAs(): Locator {
    return this.page.getByTestId("act-as").locator("option:checked");
  }

  // --- Business Central ---

  /** A table's list page, by its title ("Purchase invoices") or entity set name ("purchaseInvoices"). */
  async openTable(table: string): Promise<void> {
    await this.ensureOpen();
    await this.openTab("Business Central");
    const byTitle = this.page
      .getByTestId("bc-table")
      .filter({ hasText: new RegExp(`^${escapeRegExp(table)}\\d*$`) });
    if ((await byTitle.count()) > 0) {
      await byTitle.first().click();
    } else {
      await this.page.evaluate((name) => {
        window.location.hash = `#/sandbox/bc/${name}`;
      }, table);
    }
    await expect(this.page.getByTestId("record-table").or(this.page.getByText(/no records/i))).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("record-row");
  }

  row(number: string): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name: number, exact: true }) });
  }

  /** Searches the list, and waits until its rows (or its "No records match") answer that search. */
  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: /^Search / }).fill(text);
    await expect(
      this.page.locator(`[data-query="${text.replace(/["\\]/g, "\\$&")}"]:not([aria-busy])`),
    ).toBeVisible();
  }

  /** Opens a record's card: the table (title or entity set name), then the record by its number. */
  async openRecord(table: string, number: string): Promise<void> {
    await this.openTable(table);
    await this.search(number);
    await this.row(number).getByRole("link", { name: number, exact: true }).click();
    await expect(
      this.page.getByRole("heading", { level: 2, name: new RegExp(`${escapeRegExp(number)}$`) }),
    ).toBeVisible();
  }

  /** The status badge of the open card ("Open", "Pending Approval", "Released", "Posted"). */
  status(): Locator {
    return this.page.locator(".sbx-subheader").getByTestId("status-badge");
  }

  /** A field of the open card by its title ("Name", "Credit limit (LCY)"). */
  field(title: string): Locator {
    return this.page.getByRole("form", { name: "Fields" }).getByLabel(title, { exact: true });
  }

  async setField(title: string, value: string): Promise<void> {
    await this.field(title).fill(value);
  }

  /** Saves the card; resolves once Business Central accepted it. */
  async save(): Promise<void> {
    const title = (await this.page.locator(".sbx-subheader h2").textContent()) ?? "";
    await this.page.getByRole("form", { name: "Fields" }).getByRole("button", { name: "Save" }).click();
    await expect(this.page.getByTestId("toast").filter({ hasText: `${title} saved` })).toBeVisible();
  }

  /**
   * Saves expecting the card (or Business Central) to refuse; returns the first message shown:
   * under the field it concerns, or in the footer when it concerns no field.
   */
  async saveExpectingError(): Promise<Locator> {
    const form = this.page.getByRole("form", { name: "Fields" });
    await form.getByRole("button", { name: "Save" }).click();
    const error = form.getByTestId("field-error").or(form.getByRole("alert")).first();
    await expect(error).toBeVisible();
    return error;
  }

  /** A button of the card's header ("Release", "Post", "Cancel approval request"). */
  action(label: string): Locator {
    return this.page.locator(".sbx-subheader").getByRole("button", { name: label, exact: true });
  }

  async runAction(label: string): Promise<void> {
    await this.action(label).click();
    if (label === "Post") await this.page.getByRole("dialog").getByRole("button", { name: "Post" }).click();
  }

  /**
   * "Send approval request" on the open card, as the person acted as. Returns the toast, which
   * says who answers the request (a built-in workflow, the flows that started, or nothing).
   */
  async sendForApproval(): Promise<Locator> {
    await this.action("Send approval request").click();
    const toast = this.page.getByTestId("toast").filter({ hasText: /was sent (to .+ )?for approval/ });
    await expect(toast).toBeVisible();
    return toast;
  }

  /** The open card's line about its approval request: who sent it, when, and who answers it. */
  approvalRequest(): Locator {
    return this.page.getByTestId("approval-request");
  }

  async cancelApprovalRequest(): Promise<void> {
    await this.action("Cancel approval request").click();
  }

  /** New record on the open list page with the given fields (by title); opens its card. */
  async newRecord(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole("button", { name: "New", exact: true }).click();
    const dialog = this.page.getByRole("dialog");
    for (const [title, value] of Object.entries(fields))
      await dialog.getByLabel(title, { exact: true }).fill(value);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
  }

  /** Selects rows of the open list by number and deletes them, confirming. */
  async deleteRecords(...numbers: string[]): Promise<void> {
    for (const number of numbers) await this.row(number).getByRole("checkbox").check();
    await this.page
      .locator(".sbx-subheader")
      .getByRole("button", { name: /^Delete/ })
      .click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(this.page.getByRole("dialog")).toBeHidden();
  }

  // --- Approvals ---

  /** The approvals the person acted as has received. */
  async openInbox(): Promise<void> {
    await this.ensureOpen();
    await this.openTab("Approvals");
    await this.page.getByRole("link", { name: "Received", exact: true }).click();
  }

  async openSentApprovals(): Promise<void> {
    await this.openTab("Approvals");
    await this.page.getByRole("link", { name: "Sent", exact: true }).click();
  }

  async openApprovalHistory(): Promise<void> {
    await this.openTab("Approvals");
    await this.page.getByRole("link", { name: "History", exact: true }).click();
  }

  approvals(): Locator {
    return this.page.getByTestId("approval-item");
  }

  approval(title: string | RegExp): Locator {
    return this.approvals().filter({ hasText: title });
  }

  approvalDetail(): Locator {
    return this.page.getByTestId("approval-detail");
  }

  async openApproval(title: string | RegExp): Promise<Locator> {
    await this.approval(title).first().click();
    await expect(this.approvalDetail()).toBeVisible();
    return this.approvalDetail();
  }

  /** Answers a request of the inbox ("Approve", "Reject", or a custom response) with comments. */
  async respond(title: string | RegExp, response: string, comments = ""): Promise<void> {
    await this.openInbox();
    const detail = await this.openApproval(title);
    if (comments) await detail.getByLabel("Comments").fill(comments);
    await detail.getByRole("button", { name: response, exact: true }).click();
    await expect(detail.getByTestId("answer-note")).toContainText(`You answered ${response}`);
  }

  // --- Outlook ---

  /** A mailbox by address (a person's, or "outbox/external" for mail to outside addresses). */
  async openMailbox(address: string, folder: "Inbox" | "Sent Items" = "Inbox"): Promise<void> {
    await this.ensureOpen();
    await this.openTab("Outlook");
    await this.page.getByTestId("mailbox-picker").selectOption(address);
    await this.page
      .getByRole("region", { name: "Folders" })
      .getByRole("button", { name: new RegExp(`^${escapeRegExp(folder)}`) })
      .click();
  }

  /** Writes and sends an email as the person acted as (Outlook → New email). */
  async sendEmail(mail: {
    to: string;
    subject: string;
    body?: string;
    withKeyboard?: boolean;
  }): Promise<void> {
    await this.ensureOpen();
    await this.openTab("Outlook");
    await this.page.getByRole("button", { name: "New email" }).click();
    const dialog = this.page.getByRole("dialog", { name: "New email" });
    await dialog.getByLabel(/^To/).fill(mail.to);
    await dialog.getByLabel("Subject").fill(mail.subject);
    await dialog.getByLabel("Message").fill(mail.body ?? "");
    if (mail.withKeyboard) await dialog.getByLabel("Message").press("Control+Enter");
    else await dialog.getByRole("button", { name: "Send", exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  messages(): Locator {
    return this.page.getByTestId("message-item");
  }

  /** A message of the open folder by subject. */
  message(subject: string | RegExp): Locator {
    return this.messages().filter({ hasText: subject });
  }

  /** Opens a message; returns the reading pane. */
  async readMessage(subject: string | RegExp): Promise<Locator> {
    await this.message(subject).first().click();
    const view = this.page.getByTestId("message-view");
    await expect(view).toBeVisible();
    return view;
  }

  // --- Teams ---

  /** Opens a team's channel; returns its messages. */
  async channel(team: string, channel: string): Promise<Locator> {
    await this.ensureOpen();
    await this.openTab("Teams");
    await this.page
      .locator(`[data-testid="teams-channel"][data-team="${team}"]`)
      .filter({ hasText: channel })
      .click();
    return this.page.getByTestId("teams-message");
  }

  /** Opens a group chat or a Flow bot chat by its topic. */
  async chat(topic: string): Promise<Locator> {
    await this.openTab("Teams");
    await this.page.getByTestId("teams-chat").filter({ hasText: topic }).click();
    return this.page.getByTestId("teams-message");
  }

  /** Answers the newest waiting card of the open conversation: fills inputs by label, presses a button. */
  async answerCard(button: string, inputs: Record<string, string | boolean> = {}): Promise<void> {
    const card = this.page.locator('[data-testid="adaptive-card"][data-state="waiting"]').last();
    for (const [label, value] of Object.entries(inputs)) {
      const input = card.getByLabel(label, { exact: true });
      if (typeof value === "boolean") await input.setChecked(value);
      else if ((await input.evaluate((el) => el.tagName)) === "SELECT")
        await input.selectOption({ label: value });
      else await input.fill(value);
    }
    await card.getByRole("button", { name: button, exact: true }).click();
    await expect(this.page.getByTestId("toast").filter({ hasText: `Answered with ${button}` })).toBeVisible();
  }

  // --- Excel and notifications ---

  async openExcelTable(table: string): Promise<Locator> {
    await this.ensureOpen();
    await this.openTab("Excel");
    await this.page
      .getByRole("navigation", { name: "Workbooks and tables" })
      .getByRole("button", { name: table })
      .click();
    return this.page.getByTestId("excel-rows").locator("tbody tr");
  }

  async openNotifications(): Promise<Locator> {
    await this.ensureOpen();
    await this.openTab("Notifications");
    return this.page.getByTestId("notification");
  }

  // --- Simulation ---

  async openSimulation(): Promise<void> {
    await this.ensureOpen();
    await this.openTab("Simulation");
  }

  /** Resets the sandbox to the demo data, confirming. */
  async reset(): Promise<void> {
    await this.openSimulation();
    await this.page.getByRole("button", { name: "Reset to demo data" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Reset to demo data" }).click();
    await expect(this.page.getByTestId("toast").filter({ hasText: "back to the demo data" })).toBeVisible();
  }

  snapshots(): Locator {
    return this.page.getByTestId("snapshot");
  }

  snapshot(name: string): Locator {
    return this.snapshots().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async saveSnapshot(name: string): Promise<void> {
    await this.openSimulation();
    await this.page.getByRole("textbox", { name: "Snapshot name" }).fill(name);
    await this.page.getByRole("button", { name: /^(Save|Replace) snapshot$/ }).click();
    await expect(this.snapshot(name)).toBeVisible();
  }

  async restoreSnapshot(name: string): Promise<void> {
    await this.openSimulation();
    await this.snapshot(name).getByRole("button", { name: "Restore" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
    await expect(this.page.getByTestId("toast").filter({ hasText: `Restored “${name}”` })).toBeVisible();
  }

  async deleteSnapshot(name: string): Promise<void> {
    await this.openSimulation();
    await this.snapshot(name)
      .getByRole("button", { name: `Delete snapshot ${name}` })
      .click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(this.snapshot(name)).toHaveCount(0);
  }

  faults(): Locator {
    return this.page.getByTestId("fault");
  }

  /** Adds a fault: a connector (and optionally one operation, by display names) fails or is slow. */
  async addFault(spec: FaultSpec): Promise<void> {
    await this.openSimulation();
    const form = this.page.getByRole("form", { name: "New fault" });
    await form.getByLabel("Connector").selectOption({ label: spec.connector });
    await form.getByLabel("Operation").selectOption({ label: spec.operation ?? "Every operation" });
    if (spec.mode === "fail") {
      await form.getByLabel("Fail", { exact: true }).check();
      await form.getByLabel("Answer", { exact: true }).selectOption(spec.status === 429 ? "429" : "500");
      if (spec.status === 429 && spec.retryAfterSeconds !== undefined) {
        await form.getByLabel("Retry-After (seconds)").fill(String(spec.retryAfterSeconds));
      }
    } else {
      await form.getByLabel("Answer slowly").check();
      await form.getByLabel("Delay (ms)").fill(String(spec.delayMs));
    }
    await form.getByLabel("For the next N calls").fill(String(spec.calls));
    const before = await this.faults().count();
    await form.getByRole("button", { name: "Add fault" }).click();
    await expect(this.faults()).toHaveCount(before + 1);
  }

  /** Clears the fault whose line names the text (connector or operation), or every fault. */
  async clearFault(text?: string): Promise<void> {
    await this.openSimulation();
    if (text === undefined) {
      await this.page.getByRole("button", { name: "Clear all" }).click();
      await expect(this.faults()).toHaveCount(0);
      return;
    }
    const fault = this.faults().filter({ hasText: text }).first();
    await fault.getByRole("button", { name: /^Clear fault on / }).click();
  }

  /** Moves the simulated clock; returns how many waits fired. */
  async advanceClock(step: ClockStep): Promise<number> {
    await this.openSimulation();
    const label = step === "next wait" ? "Advance to the next wait" : `Advance ${step}`;
    const clock = this.page.getByTestId("clock");
    const fired = clock.getByTestId("clock-fired");
    const before = (await fired.count()) > 0 ? Number(await fired.getAttribute("data-advance")) : 0;
    await clock.getByRole("button", { name: label, exact: true }).click();
    await expect(fired).toHaveAttribute("data-advance", String(before + 1), { timeout: 30_000 });
    const text = (await fired.textContent()) ?? "";
    return Number(/(\d+)/.exec(text)?.[1] ?? 0);
  }

  /**
   * Simulation → Back to real time. With a wait pending far enough ahead, the question comes first:
   * returns its text (after confirming), or null when none was asked.
   */
  async backToRealTime(): Promise<string | null> {
    await this.openSimulation();
    const clock = this.page.getByTestId("clock");
    await clock.getByRole("button", { name: "Back to real time" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Go back to real time?" });
    const done = this.page.getByText("The simulated clock is back on real time.");
    await expect(dialog.or(done).first()).toBeVisible();
    let question: string | null = null;
    if (await dialog.isVisible()) {
      question = (await dialog.textContent()) ?? "";
      await dialog.getByRole("button", { name: "Back to real time" }).click();
    }
    await expect(done).toBeVisible();
    await expect(clock.getByTestId("clock-now")).toContainText("real time");
    return question;
  }
}
