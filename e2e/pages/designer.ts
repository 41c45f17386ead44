import { expect, type Page } from "@playwright/test";

export class DesignerPage {
  constructor(readonly page: Page) {}

  async expectOpen(name: string): Promise<void> {
    await expect(this.page.getByRole("button", { name })).toBeVisible();
    await expect(this.page.getByTestId("trigger-node")).toBeVisible();
  }

  async rename(newName: string): Promise<void> {
    await this.page.locator(".flow-title").click();
    const input = this.page.getByLabel("Flow name");
    await input.fill(newName);
    await input.press("Enter");
  }

  async back(): Promise<void> {
    await this.page.getByRole("link", { name: "Back to My flows" }).click();
  }
}
