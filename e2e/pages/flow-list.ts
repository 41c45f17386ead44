// Page object for My flows: what a person sees and does there, in their words.
import { expect, type Locator, type Page } from "@playwright/test";

export type Kind = "Automated" | "Scheduled" | "Instant";

export class FlowListPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "My flows" })
      .click();
    await expect(this.page.getByRole("heading", { name: "My flows", level: 1 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("flow-row");
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.rows().locator(".flow-name").allTextContents();
  }

  async createFlow(name: string, kind: Kind): Promise<void> {
    const newButton = this.page.getByRole("button", { name: /^(New flow|Create your first flow)$/ }).first();
    await newButton.click();
    const dialog = this.page.getByRole("dialog", { name: "New flow" });
    await dialog.getByLabel("Flow name").fill(name);
    await dialog.getByText(kind, { exact: true }).click();
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
  }

  /** New flow from the template with this title; the designer opens on it. */
  async createFromTemplate(title: string): Promise<void> {
    await this.page.getByRole("button", { name: "From a template" }).first().click();
    await this.page.getByTestId("template-card").filter({ hasText: title }).click();
    await this.page.getByRole("button", { name: "Create flow" }).click();
  }

  private async rowAction(name: string, action: "Rename" | "Duplicate" | "Delete"): Promise<void> {
    await this.row(name).getByRole("button", { name: "More actions" }).click();
    await this.page.getByRole("menuitem", { name: action }).click();
  }

  async rename(name: string, newName: string): Promise<void> {
    await this.rowAction(name, "Rename");
    const dialog = this.page.getByRole("dialog", { name: "Rename flow" });
    await dialog.getByLabel("New name").fill(newName);
    await dialog.getByRole("button", { name: "Rename" }).click();
    await expect(dialog).toBeHidden();
  }

  async duplicate(name: string): Promise<void> {
    await this.rowAction(name, "Duplicate");
  }

  async delete(name: string): Promise<void> {
    await this.rowAction(name, "Delete");
    const dialog = this.page.getByRole("dialog", { name: `Delete “${name}”?` });
    await dialog.getByRole("button", { name: "Move to recycle bin" }).click();
    await expect(dialog).toBeHidden();
  }

  async restoreFromRecycleBin(name: string): Promise<void> {
    await this.page.getByRole("button", { name: /^Recycle bin/ }).click();
    const dialog = this.page.getByRole("dialog", { name: "Recycle bin" });
    await dialog
      .getByRole("listitem")
      .filter({ hasText: name })
      .getByRole("button", { name: "Restore" })
      .click();
    await dialog.getByRole("button", { name: "Close" }).click();
  }
}
