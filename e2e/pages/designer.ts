// Page object for the designer: building a flow the way a person does, by dragging and filling forms.
import { expect, type Locator, type Page } from "@playwright/test";

export class DesignerPage {
  constructor(readonly page: Page) {}

  async expectOpen(name: string): Promise<void> {
    await expect(this.page.getByRole("button", { name, exact: true })).toBeVisible();
    await expect(this.cards().first()).toBeVisible();
  }

  async rename(newName: string): Promise<void> {
    await this.page.locator(".flow-title").click();
    const input = this.page.getByLabel("Flow name");
    await input.fill(newName);
    await input.press("Enter");
  }

  async open(flowId: string): Promise<void> {
    await this.page.evaluate((id) => {
      location.hash = `#/flows/${id}`;
    }, flowId);
    await expect(this.cards().first()).toBeVisible();
  }

  /** Opens Test from the toolbar; returns its dialog. */
  async openTest(): Promise<Locator> {
    await this.page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: "Test" }).click();
    return this.page.getByRole("dialog", { name: "Test the flow" });
  }

  /** Test → perform the trigger action: the flow waits for its event in the sandbox. */
  async testByPerformingTrigger(): Promise<void> {
    const dialog = await this.openTest();
    await dialog.getByText("Perform the trigger action").click();
    await dialog.getByRole("button", { name: "Run test" }).click();
    await expect(this.page.getByTestId("test-armed")).toBeVisible();
  }

  runPanel(): Locator {
    return this.page.getByTestId("run-panel");
  }

  /** The run panel's top edge, which sets its height. */
  runPanelEdge(): Locator {
    return this.page.getByRole("separator", { name: "Resize the run panel" });
  }

  /** Test → Run test, with the choice the dialog offers first (an instant flow's empty form, say). */
  async testNow(): Promise<void> {
    const dialog = await this.openTest();
    await dialog.getByRole("button", { name: "Run test" }).click();
    await expect(dialog).toBeHidden();
  }

  /** Drags the run panel's top edge by dy pixels (up is negative: a taller panel). */
  async dragRunPanelEdge(dy: number): Promise<void> {
    const box = await this.runPanelEdge().boundingBox();
    if (!box) throw new Error("the run panel's edge is not on screen");
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + dy / 2, { steps: 4 });
    await this.page.mouse.move(x, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  async publish(note: string): Promise<void> {
    await this.page
      .getByRole("toolbar", { name: "Designer" })
      .getByRole("button", { name: "Publish" })
      .click();
    const dialog = this.page.getByRole("dialog", { name: /^Publish/ });
    await dialog.getByLabel("What changed (optional)").fill(note);
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect(dialog).toBeHidden();
  }

  async back(): Promise<void> {
    await this.page.getByRole("link", { name: "Back to My flows" }).click();
  }

  cards(): Locator {
    return this.page.getByTestId("step-card");
  }

  /** A card (or a scope's header) by the step's title as people read it ("Send an email (V2)"). */
  card(title: string): Locator {
    return this.page.locator(`[data-testid="step-card"], [data-testid="scope-node"] .scope-header`).filter({
      has: this.page.locator(".card-title", { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
  }

  /** The canvas node a card sits in: what holds the keyboard focus. */
  cardNode(title: string): Locator {
    return this.page.locator(".react-flow__node").filter({ has: this.card(title) });
  }

  trigger(): Locator {
    return this.page.locator(".trigger-card");
  }

  dropTarget(pointId: string): Locator {
    return this.page.locator(`[data-drop-point="${pointId}"]`);
  }

  paletteItem(name: string): Locator {
    return this.page.getByTestId("palette-item").filter({
      has: this.page.locator(".palette-name", { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
  }

  /** Drags a step from the palette onto an insertion point ("after:Step", "start:#root", "start:#branch/Condition/yes"). */
  async dragStep(name: string, pointId: string): Promise<void> {
    // As a person would: make room and bring the whole flow into view before dragging.
    if (await this.panel().isVisible())
      await this.page.getByRole("button", { name: "Close properties" }).click();
    await this.page.getByRole("button", { name: "Fit the flow to the window" }).click();
    await this.page.waitForTimeout(300);
    const item = this.paletteItem(name);
    await item.scrollIntoViewIfNeeded();
    await item.dragTo(this.dropTarget(pointId));
  }

  /** Drags a card on the canvas (with the mouse, as React Flow moves nodes) onto an insertion point. */
  async dragCard(title: string, pointId: string): Promise<void> {
    const from = await this.card(title).boundingBox();
    const to = await this.dropTarget(pointId).boundingBox();
    if (!from || !to) throw new Error(`"${title}" or the drop point ${pointId} is not on screen`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  async select(title: string): Promise<void> {
    await this.card(title).click();
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.getByTestId("properties-panel");
  }

  field(title: string): Locator {
    return this.panel().getByRole("textbox", { name: title, exact: true });
  }

  /** A select of the properties panel by its label (the required mark is not part of the name). */
  selectField(label: string): Locator {
    return this.panel().getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?( \\(required\\))?$`));
  }

  async fill(title: string, text: string): Promise<void> {
    const field = this.field(title);
    await field.click();
    await field.press("Control+a");
    await field.pressSequentially(text);
    await field.blur();
  }

  async choose(label: string, option: string): Promise<void> {
    await this.panel()
      .getByRole("combobox", { name: new RegExp(`^${escapeRegExp(label)}( \\*)?( \\(required\\))?$`) })
      .selectOption({ label: option });
  }

  /** Inserts dynamic content into a field from the picker. */
  async insertContent(fieldTitle: string, contentTitle: string, group?: string): Promise<void> {
    const field = this.field(fieldTitle);
    await field.click();
    await field.press("End");
    await this.panel()
      .locator(".token-input")
      .filter({ has: this.page.getByRole("textbox", { name: fieldTitle, exact: true }) })
      .getByRole("button", { name: "Insert dynamic content or an expression" })
      .click();
    const picker = this.page.getByRole("dialog", { name: "Dynamic content" });
    const scope = group ? picker.getByRole("list", { name: group }) : picker;
    await scope
      .getByRole("button")
      .filter({
        has: this.page.locator(".content-title", { hasText: new RegExp(`^${escapeRegExp(contentTitle)}$`) }),
      })
      .first()
      .click();
    await expect(picker).toBeHidden();
  }

  checkerCount(): Locator {
    return this.page.getByTestId("checker-count");
  }

  async saved(): Promise<void> {
    await expect(this.page.getByTestId("save-status")).toHaveText(/Saved/, { timeout: 10_000 });
  }

  async undo(): Promise<void> {
    await this.page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: /^Undo/ }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole("toolbar", { name: "Designer" }).getByRole("button", { name: /^Redo/ }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
