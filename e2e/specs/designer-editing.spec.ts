import type { Page } from "@playwright/test";
import { askAlicia, buttonFlow, noteFlow } from "../fixtures/button-flow";
import { INVOICE_MAIL_FLOW } from "../fixtures/mail-flow";
import { PURCHASE_APPROVAL_FLOW } from "../fixtures/purchase-approval";
import { callApi, createFlow, startDraftRun } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { DesignerPage } from "../pages/designer";
import { FlowListPage } from "../pages/flow-list";
import { SandboxPage } from "../pages/sandbox";

/** The steps of the flow's draft as the backend saved them. */
async function savedActions(page: Page, flowId: string) {
  const flow = await callApi<{
    definition: { actions: Record<string, { inputs?: unknown; limit?: unknown }> };
  }>(page, "flows.get", { id: flowId });
  return flow.definition.actions;
}

async function openRun(page: Page, runId: string): Promise<void> {
  await page.evaluate((id) => {
    location.hash = `#/runs/${id}`;
  }, runId);
}

/** A new button flow whose one step, Note, composes `inputs`, open in the designer. */
async function openNoteFlow(page: Page, name: string, inputs: string) {
  const flowId = await createFlow(page, name, "instant", noteFlow(inputs));
  const designer = new DesignerPage(page);
  await designer.open(flowId);
  return { designer, flowId };
}

test.describe("designer: editing", () => {
  test("the properties panel is made wider by dragging its edge or with the keyboard, and stays so", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Wide panel", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.select("Start and wait for an approval");
    const width = async () => (await designer.panel().boundingBox())?.width ?? 0;
    const before = await width();

    const edge = page.getByRole("separator", { name: "Width of the properties panel" });
    const box = await edge.boundingBox();
    if (!box) throw new Error("the panel's edge is not on screen");
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(before + 100, -1);

    await edge.focus();
    const now = Number(await edge.getAttribute("aria-valuenow"));
    await page.keyboard.press("ArrowLeft");
    await expect(edge).toHaveAttribute("aria-valuenow", String(now + 16));

    await page.reload();
    await designer.select("Start and wait for an approval");
    await expect(page.getByRole("separator", { name: "Width of the properties panel" })).toHaveAttribute(
      "aria-valuenow",
      String(now + 16),
    );
  });

  test("arrows go from card to card, also after a click; Enter opens a card, Escape closes it", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Keys", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    const approval = designer.card("Start and wait for an approval");
    // Cards are named for screen readers by step, connector and operation.
    await expect(
      page.getByRole("group", {
        name: "Start and wait for an approval, Approvals: Start and wait for an approval",
      }),
    ).toBeVisible();
    // From the keyboard, two skips lead past the navigation and the toolbar to the first card.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Skip to the canvas" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator(".react-flow__node").first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator(".react-flow__node.selected")).toBeFocused();

    await designer.select("Start and wait for an approval");
    await page.getByRole("button", { name: "Close properties" }).click();
    // Where the card sits on the flow (its node's translate), whatever the view's pan and zoom.
    const offset = () =>
      approval.evaluate((el) => (el.closest(".react-flow__node") as HTMLElement | null)?.style.transform);
    const before = await offset();

    // The clicked card keeps the focus; the arrow selects the next card and leaves this one in place.
    await approval.click();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator(".react-flow__node.selected")).toContainText("Condition");
    await page.keyboard.press("ArrowUp");
    await expect(page.locator(".react-flow__node.selected")).toContainText("Start and wait for an approval");
    expect(await offset()).toBe(before);

    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(designer.panel()).toContainText("Condition");
    await page.keyboard.press("Escape");
    await expect(designer.panel()).toBeHidden();

    // Escape from a field of the panel closes it too, keeping the edit, and the card has the focus.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await designer.field("Title").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" (urgent)");
    await page.keyboard.press("Escape");
    await expect(designer.panel()).toBeHidden();
    await expect(page.locator(".react-flow__node.selected")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(designer.field("Title")).toContainText("(urgent)");
    // Escape in the step's name undoes the typing and leaves the panel open.
    const stepName = designer.panel().getByLabel("Step name");
    await stepName.fill("Renamed by mistake");
    await stepName.press("Escape");
    await expect(stepName).toHaveValue("Start and wait for an approval");
    await expect(designer.panel()).toBeVisible();
  });

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
    // The keyboard stays on the canvas: the step before the deleted one has the selection.
    await expect(designer.cardNode("Greeting")).toBeFocused();
    await page.keyboard.press("Control+z");
    await expect(designer.card("Condition")).toBeVisible();
    // What came back is selected, and the keys go on from it.
    await expect(designer.cardNode("Condition")).toBeFocused();
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

  test("Ctrl+Z in a field takes back what was typed there in one step, and Ctrl+Y puts it back", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    await new FlowListPage(page).createFlow("Field undo", "Instant");
    await designer.expectOpen("Field undo");
    await designer.dragStep("Compose", "start:#root");
    await designer.select("Compose");
    await designer.fill("Inputs", "first");

    const inputs = designer.field("Inputs");
    await inputs.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" and more");
    await expect(inputs).toHaveText("first and more");
    await page.keyboard.press("Control+z");
    await expect(inputs).toHaveText("first");
    await expect(inputs).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Undone" }).last()).toBeVisible();
    // The typing before it was its own burst in this field: the next Ctrl+Z takes it too.
    await page.keyboard.press("Control+z");
    await expect(inputs).toHaveText("");
    // Nothing more was typed here: the step that was added stays (Ctrl+Z belongs to the field).
    await page.keyboard.press("Control+z");
    await expect(designer.card("Compose")).toBeVisible();
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+y");
    await expect(inputs).toHaveText("first and more");

    // Typed back to what it was: no Undo is left that would do nothing.
    await page.keyboard.type("!");
    await page.keyboard.press("Backspace");
    await designer.undo();
    await expect(inputs).toHaveText("first");
  });

  test("a card chosen on the canvas stays in sight when its properties open beside it", async ({ app }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Approval in sight", "automated", PURCHASE_APPROVAL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    const card = designer.card("Start and wait for an approval");
    await card.click();
    await expect(page.getByTestId("properties-panel")).toBeVisible();
    await expect
      .poll(async () => {
        const [c, n] = await Promise.all([page.locator(".canvas").boundingBox(), card.boundingBox()]);
        return c && n ? n.x >= c.x && n.x + n.width <= c.x + c.width : false;
      })
      .toBe(true);
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

  test("a card's context menu copies, pastes, duplicates, renames, branches, wraps and deletes, one step or several; each is undoable", async ({
    app,
  }) => {
    const page = app.page;
    const { designer, flowId } = await openNoteFlow(page, "Menu flow", "hello");
    const menu = page.getByRole("menu", { name: "Step" });
    const choose = async (card: string, item: string | RegExp) => {
      await designer.card(card).click({ button: "right" });
      await menu.getByRole("menuitem", { name: item }).click();
      await expect(menu).toBeHidden();
    };

    // Nothing copied yet: no paste. Copy, then paste after the same step.
    await designer.card("Note").click({ button: "right" });
    await expect(menu.getByRole("menuitem", { name: "Paste after this step" })).toBeDisabled();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await choose("Note", "Copy");
    await choose("Note", "Paste after this step");
    await expect(designer.card("Note 2")).toBeVisible();
    await choose("Note 2", "Duplicate");
    await expect(designer.card("Note 3")).toBeVisible();

    // Rename puts the cursor in the step's name, its text selected.
    await choose("Note 3", "Rename");
    const title = page.getByLabel("Step name");
    await expect(title).toBeFocused();
    await page.keyboard.type("Greeting");
    await page.keyboard.press("Enter");
    await expect(designer.card("Greeting")).toBeVisible();

    // A parallel branch beside a step: the picker, then the step runs beside it.
    await choose("Note", "Add a parallel branch…");
    const picker = page.getByRole("dialog", { name: "Choose a step" });
    await picker.getByRole("searchbox").fill("Compose");
    await picker.getByRole("searchbox").press("Enter");
    await expect(picker).toBeHidden();
    await expect.poll(async () => Object.keys(await savedActions(page, flowId)).length).toBe(4);
    const actions = await savedActions(page, flowId);
    const parallel = Object.entries(actions).find(([name]) => !["Note", "Note_2", "Greeting"].includes(name));
    expect(parallel?.[1]).toMatchObject({ runAfter: {} });

    await choose("Greeting", "Wrap in a Scope");
    await expect(page.getByTestId("scope-node").filter({ hasText: "Scope" })).toBeVisible();
    await choose("Scope", /^Delete/);
    await expect(designer.card("Greeting")).toBeHidden();
    await page.keyboard.press("Control+z");
    await expect(designer.card("Greeting")).toBeVisible();

    // Several at once: Ctrl+click adds a card to the selection; the menu acts on them all.
    await designer.card("Note").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await designer.card("Note 2").click({ modifiers: ["Control"] });
    await expect(designer.card("Note")).toHaveClass(/selected/);
    await expect(designer.card("Note 2")).toHaveClass(/selected/);
    await designer.card("Note 2").click({ button: "right" });
    await expect(menu.getByRole("menuitem", { name: "Rename" })).toBeDisabled();
    await menu.getByRole("menuitem", { name: "Delete 2 steps" }).click();
    await expect(designer.card("Note")).toBeHidden();
    await expect(designer.card("Note 2")).toBeHidden();
    await page.keyboard.press("Control+z");
    await expect(designer.card("Note")).toBeVisible();
    await expect(designer.card("Note 2")).toBeVisible();

    // From the keyboard: Shift+F10 opens the selected card's menu, F2 renames.
    await designer.card("Note 2").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Shift+F10");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Open properties" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await page.keyboard.press("F2");
    await expect(page.getByLabel("Step name")).toBeFocused();

    // Ctrl+A selects every top-level step (a scope with what it holds): here Note, Note 2, the
    // parallel Compose and the Scope around Greeting.
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("Control+a");
    await expect(
      page.locator('[data-testid="step-card"].selected, [data-testid="scope-node"].selected'),
    ).toHaveCount(4);
    await designer.card("Note").click({ button: "right" });
    await expect(menu.getByRole("menuitem", { name: "Delete 4 steps" })).toBeVisible();
    await page.keyboard.press("Escape");

    // A box drawn with Shift selects the steps wholly inside it.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    const first = await designer.card("Note").boundingBox();
    const second = await designer.card("Note 2").boundingBox();
    if (!first || !second) throw new Error("the cards are not on screen");
    const left = Math.min(first.x, second.x) - 12;
    const right = Math.max(first.x + first.width, second.x + second.width) + 12;
    await page.keyboard.down("Shift");
    await page.mouse.move(left, first.y - 12);
    await page.mouse.down();
    await page.mouse.move(right, second.y + second.height + 12, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect(designer.card("Note")).toHaveClass(/selected/);
    await expect(designer.card("Note 2")).toHaveClass(/selected/);
    await designer.card("Note").click({ button: "right" });
    await expect(menu.getByRole("menuitem", { name: "Copy 2 steps" })).toBeVisible();
    await page.keyboard.press("Escape");
  });

  test("a card dragged onto another place moves there; with several selected, they all move, in order; Alt+arrows and the menu move a step without dragging", async ({
    app,
  }) => {
    const page = app.page;
    const compose = (inputs: string, after?: string) => ({
      type: "Compose",
      inputs,
      runAfter: after ? { [after]: ["Succeeded"] } : {},
    });
    const flowId = await createFlow(
      page,
      "Moving steps",
      "instant",
      buttonFlow({ A: compose("a"), B: compose("b", "A"), C: compose("c", "B"), D: compose("d", "C") }),
    );
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    const order = async () => {
      const actions = await savedActions(page, flowId);
      const next = new Map(
        Object.entries(actions).flatMap(([name, a]) =>
          Object.keys((a as { runAfter?: object }).runAfter ?? {}).map((p) => [p, name] as const),
        ),
      );
      const first = Object.entries(actions).find(
        ([, a]) => Object.keys((a as { runAfter?: object }).runAfter ?? {}).length === 0,
      )?.[0];
      const out: string[] = [];
      for (let at = first; at !== undefined; at = next.get(at)) out.push(at);
      return out.join(" → ");
    };

    await designer.dragCard("B", "after:D");
    await expect.poll(order).toBe("A → C → D → B");

    // A and D selected with Ctrl+click, dragged by D to the top (right above A): both move, in order.
    await designer.card("A").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await designer.card("D").click({ modifiers: ["Control"] });
    await designer.dragCard("D", "start:#root>A");
    await expect.poll(order).toBe("A → D → C → B");
    await expect(designer.card("A")).toHaveClass(/selected/);
    await expect(designer.card("D")).toHaveClass(/selected/);

    // The place right after a moving step is refused, and nothing changes.
    await designer.dragCard("A", "after:D");
    await expect(page.getByText(/The steps cannot go right after "D", which moves with them/)).toBeVisible();
    await expect.poll(order).toBe("A → D → C → B");

    await page.keyboard.press("Control+z");
    await expect.poll(order).toBe("A → C → D → B");
    await page.keyboard.press("Control+z");
    await expect.poll(order).toBe("A → B → C → D");

    // Without dragging: Alt+↓ and Alt+↑, or Move up / Move down in the card's menu.
    await designer.card("B").click();
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(order).toBe("A → C → B → D");
    await expect(designer.card("B")).toHaveClass(/selected/);
    const menu = page.getByRole("menu", { name: "Step" });
    await designer.card("B").click({ button: "right" });
    await menu.getByRole("menuitem", { name: "Move up" }).click();
    await expect.poll(order).toBe("A → B → C → D");
    await designer.card("A").click({ button: "right" });
    await expect(menu.getByRole("menuitem", { name: "Move up" })).toBeDisabled();
    await expect(menu.getByRole("menuitem", { name: "Move down" })).toBeEnabled();
    await page.keyboard.press("Escape");
  });

  test("sticky notes from the toolbar and the canvas menu are kept across a reload; deleting one is undoable", async ({
    app,
  }) => {
    const page = app.page;
    const { designer, flowId } = await openNoteFlow(page, "Notes on the canvas", "hello");
    const notes = page.getByTestId("sticky-note");

    await page.getByRole("button", { name: "Add a sticky note" }).click();
    await expect(notes).toHaveCount(1);
    await notes.first().getByRole("textbox", { name: "Note" }).fill("Ask Finance about thresholds");
    await page.locator(".react-flow__pane").click({ position: { x: 30, y: 30 } });
    // Placed in view, beside the flow's cards rather than over them.
    const note = await notes.first().boundingBox();
    const card = await designer.card("Note").boundingBox();
    const canvas = await page.locator(".designer-center .canvas").boundingBox();
    if (!note || !card || !canvas) throw new Error("not on screen");
    expect(note.x).toBeGreaterThan(card.x + card.width);
    expect(note.x + note.width).toBeLessThanOrEqual(canvas.x + canvas.width);

    await page.locator(".react-flow__pane").click({ button: "right", position: { x: 60, y: 300 } });
    await page.getByRole("menuitem", { name: /note here/i }).click();
    await expect(notes).toHaveCount(2);
    await notes.nth(1).getByRole("textbox", { name: "Note" }).fill("Second thought");
    await page.locator(".react-flow__pane").click({ position: { x: 30, y: 30 } });
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();

    await page.reload();
    await designer.open(flowId);
    await expect(notes).toHaveCount(2);
    await expect(page.getByRole("textbox", { name: "Note" }).first()).toHaveValue(
      "Ask Finance about thresholds",
    );
    await expect(page.getByRole("textbox", { name: "Note" }).nth(1)).toHaveValue("Second thought");

    await notes.first().getByRole("button", { name: "Delete note" }).click();
    await expect(notes).toHaveCount(1);
    await page.keyboard.press("Control+z");
    await expect(notes).toHaveCount(2);
  });

  test("a step's note is written from its menu, shown on its card and kept in the flow's JSON", async ({
    app,
  }) => {
    const page = app.page;
    const { designer, flowId } = await openNoteFlow(page, "Noted flow", "hello");
    await designer.card("Note").click({ button: "right" });
    await page
      .getByRole("menu", { name: "Step" })
      .getByRole("menuitem", { name: "Add a note to this step" })
      .click();
    const note = designer.panel().getByLabel("Note", { exact: true });
    await expect(note).toBeFocused();
    await page.keyboard.type("Ask finance before changing the amount");
    await expect(designer.card("Note").getByTestId("card-note")).toHaveAttribute(
      "title",
      "Ask finance before changing the amount",
    );
    await designer.saved();
    expect((await savedActions(page, flowId)).Note).toMatchObject({
      description: "Ask finance before changing the amount",
    });
    // One undo takes the whole note back (typing is one edit), and the card loses its mark.
    await page.getByRole("button", { name: "Close properties" }).click();
    await page.keyboard.press("Control+z");
    await expect(designer.card("Note").getByTestId("card-note")).toHaveCount(0);
  });

  test("Ctrl+S saves the draft at once, from inside a field", async ({ app }) => {
    const page = app.page;
    const { designer, flowId } = await openNoteFlow(page, "Saved by hand", "before");
    await designer.select("Note");
    await designer.fill("Inputs", "after");
    await page.keyboard.press("Control+s");
    await expect(page.getByTestId("toast").filter({ hasText: "Every change is saved." })).toBeVisible();
    expect((await savedActions(page, flowId)).Note?.inputs).toBe("after");
  });

  test("the checker points at a timeout that is not a duration, and at one that has no effect", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const flowId = await createFlow(
      page,
      "Timeout journey",
      "instant",
      buttonFlow({
        Pause: {
          type: "Wait",
          inputs: { interval: { count: 1, unit: "Day" } },
          limit: { timeout: "one hour" },
          runAfter: {},
        },
        Note: {
          type: "Compose",
          inputs: "done",
          limit: { timeout: "PT1H" },
          runAfter: { Pause: ["Succeeded"] },
        },
      }),
    );
    await designer.open(flowId);
    await expect(designer.checkerCount()).toContainText("1 error");
    await designer.checkerCount().click();
    const findings = page.getByTestId("finding");
    await expect(findings).toHaveCount(2);

    // The error opens the Wait's settings on its timeout; a duration clears it.
    await findings.filter({ hasText: "must be an ISO 8601 duration" }).click();
    const timeout = designer.panel().getByRole("textbox", { name: "Action timeout" });
    await expect(timeout).toBeFocused();
    await timeout.fill("PT2H");
    await expect(designer.checkerCount()).toContainText("0 errors");
    // The Code tab shows the step as the definition now holds it.
    await designer.panel().getByRole("tab", { name: "Code" }).click();
    await expect(page.getByTestId("step-code")).toContainText('"timeout": "PT2H"');

    // The warning: a Compose never times out; the settings offer to remove it.
    await page.getByTestId("finding").filter({ hasText: "has no effect" }).click();
    await expect(designer.panel()).toContainText("which has no effect");
    await designer.panel().getByRole("button", { name: "Remove the timeout" }).click();
    await expect(page.getByTestId("finding")).toHaveCount(0);
    await designer.saved();
    const actions = await savedActions(page, flowId);
    expect(actions.Pause?.limit).toEqual({ timeout: "PT2H" });
    expect(actions.Note?.limit).toBeUndefined();
  });

  test("a mail trigger's Split on: turned off and on again, with the catalog's array; a wrong one is not written", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(page, "Invoices by mail", "automated", INVOICE_MAIL_FLOW);
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.card("When a new email arrives V3").click();
    await designer.panel().getByRole("tab", { name: "Settings" }).click();
    const splitOn = async () => {
      await designer.saved();
      const flow = await callApi<{ definition: { triggers: Record<string, { splitOn?: string }> } }>(
        page,
        "flows.get",
        { id: flowId },
      );
      return flow.definition.triggers.When_a_new_email_arrives_V3?.splitOn;
    };
    const enabled = designer.panel().getByRole("checkbox", { name: "Start one run per item" });
    await expect(enabled).toBeChecked();
    await enabled.uncheck();
    await expect(designer.panel().getByRole("textbox", { name: "Array to split" })).toHaveCount(0);
    expect(await splitOn()).toBeUndefined();

    // The checker says what is lost, and its fix puts the catalog's Split on back.
    await designer.checkerCount().click();
    const finding = page.getByTestId("finding").filter({ hasText: "without Split on" });
    await expect(finding).toHaveCount(1);
    await page.getByTestId("finding-fix").filter({ hasText: "Turn Split on back on" }).click();
    await expect(page.getByTestId("finding")).toHaveCount(0);
    await expect(enabled).toBeChecked();
    expect(await splitOn()).toBe("@triggerOutputs()?['body/value']");

    await enabled.uncheck();
    await enabled.check();
    const array = designer.panel().getByRole("textbox", { name: "Array to split" });
    await expect(array).toHaveValue("@triggerOutputs()?['body/value']");
    await array.fill("value");
    await expect(designer.panel()).toContainText("Write one expression that gives an array");
    expect(await splitOn()).toBe("@triggerOutputs()?['body/value']");
    await array.fill("@triggerBody()?['value']");
    await expect(designer.panel()).not.toContainText("Write one expression that gives an array");
    await expect.poll(splitOn).toBe("@triggerBody()?['value']");
  });

  test("a finding's fix is applied in one click, and undo takes it back", async ({ app }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const flowId = await createFlow(
      page,
      "Fix journey",
      "instant",
      buttonFlow({
        Count_items: { type: "Compose", inputs: "@lenght(createArray(1, 2))", runAfter: {} },
        Set_total: {
          type: "SetVariable",
          inputs: { name: "total", value: "@outputs('Count_items')" },
          runAfter: { Count_items: ["Succeeded"] },
        },
      }),
    );
    await designer.open(flowId);
    await expect(designer.checkerCount()).toContainText("2 errors");
    await designer.checkerCount().click();

    await page.getByTestId("finding-fix").filter({ hasText: "length" }).click();
    await expect(designer.checkerCount()).toContainText("1 error");
    await page.getByTestId("finding-fix").filter({ hasText: "Initialize the variable" }).click();
    await expect(designer.checkerCount()).toContainText("0 errors");
    await expect(designer.card("Initialize total")).toBeVisible();

    // Each fix is one step of undo.
    await designer.undo();
    await expect(designer.card("Initialize total")).toHaveCount(0);
    await expect(designer.checkerCount()).toContainText("1 error");
    await designer.redo();
    await expect(designer.card("Initialize total")).toBeVisible();
    await designer.saved();
    const actions = await savedActions(page, flowId);
    expect(actions.Count_items?.inputs).toBe("@length(createArray(1, 2))");
    expect(Object.keys(actions)).toEqual(["Count_items", "Initialize_total", "Set_total"]);
  });

  test("concurrency control on the trigger: a second run waits, not begun; cancelling all stops both", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const flowId = await createFlow(
      page,
      "One approval at a time",
      "instant",
      buttonFlow({
        Ask: askAlicia("Approve the payment run"),
      }),
    );
    await designer.open(flowId);
    await designer.trigger().click();
    await designer.panel().getByRole("tab", { name: "Settings" }).click();
    await designer.panel().getByLabel("Limit how many runs happen at once").check();
    await expect(designer.panel().getByRole("spinbutton", { name: "Runs at once" })).toHaveValue("1");
    await designer.saved();

    await startDraftRun(page, flowId);
    await openRun(page, await startDraftRun(page, flowId));
    await expect(page.getByTestId("run-queued")).toContainText(
      "This run has not begun: its flow runs one at a time",
    );
    await expect(page.getByTestId("run-step")).toHaveCount(0);

    // The flow's runs page cancels every run in progress at once, the waiting one included.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Runs" })
      .click();
    await page.getByRole("combobox", { name: "Flow" }).selectOption({ label: "One approval at a time" });
    await expect(page.getByTestId("run-row")).toHaveCount(2);
    await page.getByRole("button", { name: "Cancel all runs in progress" }).click();
    await page
      .getByRole("dialog", { name: /Cancel every run of “One approval at a time”/ })
      .getByRole("button", { name: "Cancel all runs in progress" })
      .click();
    await expect(page.getByTestId("toast").filter({ hasText: "2 runs cancelled." })).toBeVisible();
    await expect(page.getByTestId("run-row").filter({ hasText: "Cancelled" })).toHaveCount(2);
  });

  test("the expression tab completes functions, places a syntax error by column, and names what the flow lacks", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(
      page,
      "Totals",
      "instant",
      buttonFlow({
        Initialize_Total: {
          type: "InitializeVariable",
          inputs: { variables: [{ name: "Total", type: "integer", value: 5 }] },
          runAfter: {},
        },
        Note: { type: "Compose", inputs: "", runAfter: { Initialize_Total: ["Succeeded"] } },
      }),
    );
    const designer = new DesignerPage(page);
    await designer.open(flowId);
    await designer.select("Note");
    const field = designer.field("Inputs");
    await field.click();
    await designer.panel().getByRole("button", { name: "Insert dynamic content or an expression" }).click();
    const picker = page.getByRole("dialog", { name: "Dynamic content" });
    await picker.getByRole("tab", { name: "Expression" }).click();
    const editor = picker.getByRole("textbox", { name: "Expression" });

    // Autocomplete: Tab takes the function and opens its parentheses; the signature follows.
    await editor.pressSequentially("conc");
    await expect(picker.getByRole("list", { name: "Functions" })).toContainText("concat");
    await editor.press("Tab");
    await expect(editor).toHaveValue("concat(");
    await expect(picker.getByTestId("signature-help")).toContainText("concat(");

    // Unfinished: the error says where, as a column, and Add waits.
    await editor.pressSequentially("'Total: ', string(variables('Totl')");
    await expect(picker.getByTestId("expression-problem")).toContainText("(column 43)");
    await expect(picker.getByRole("button", { name: "Add" })).toBeDisabled();

    // Parses, but names a variable the flow does not have: said, with the one meant.
    await editor.press("End");
    await editor.pressSequentially("))");
    await expect(picker.getByTestId("expression-notices")).toHaveText(
      "No variable 'Totl' is initialized in this flow. Did you mean 'Total'?",
    );
    await editor.fill("concat('Total: ', string(variables('Total')))");
    await expect(picker.getByTestId("expression-notices")).toHaveCount(0);
    await picker.getByRole("button", { name: "Add" }).click();
    await expect(field.locator(".token-chip")).toHaveCount(1);
  });

  test("Cancel run asks first; the approval the run waited for is canceled in the sandbox", async ({
    app,
  }) => {
    const page = app.page;
    const flowId = await createFlow(
      page,
      "Payment run approval",
      "instant",
      buttonFlow({ Ask: askAlicia("Approve the payment run") }),
    );
    await openRun(page, await startDraftRun(page, flowId));
    const panel = page.getByTestId("run-panel");
    await expect(panel).toContainText("Waiting");

    // Asked, and kept running when the person thinks again.
    await panel.getByRole("button", { name: "Cancel run" }).click();
    const confirm = page.getByRole("dialog", { name: "Cancel this run?" });
    await expect(confirm).toContainText("an approval request it waits for is withdrawn");
    await confirm.getByRole("button", { name: "Keep running" }).click();
    await expect(panel).toContainText("Waiting");

    await panel.getByRole("button", { name: "Cancel run" }).click();
    await confirm.getByRole("button", { name: "Cancel run" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "The run was cancelled." })).toBeVisible();
    await expect(panel.getByTestId("run-step").filter({ hasText: "Ask" })).toContainText("Cancelled");

    // Alicia has nothing left to answer; the request says Canceled where it was sent from.
    const sandbox = new SandboxPage(page);
    await sandbox.goto("Approvals");
    await sandbox.actAs("Alicia Thornton");
    await sandbox.openInbox();
    await expect(sandbox.approvals()).toHaveCount(0);
    await sandbox.actAs("Daniel Reyes");
    await sandbox.openSentApprovals();
    await expect(sandbox.approval("Approve the payment run")).toContainText("Canceled");
  });

  test("a static result stands in for an approval in a test run, and the checker reminds to turn it off", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const flowId = await createFlow(
      page,
      "Static approval",
      "instant",
      buttonFlow({
        Ask: askAlicia("Approve the payment run"),
        Outcome: { type: "Compose", inputs: "@body('Ask')?['outcome']", runAfter: { Ask: ["Succeeded"] } },
      }),
    );
    await designer.open(flowId);
    await designer.select("Ask");
    await designer.panel().getByRole("tab", { name: "Settings" }).click();
    await designer.panel().getByLabel("Return a static result instead of running").check();
    const outputs = designer.panel().getByLabel("Outputs (JSON)");
    await outputs.fill('{ "statusCode": 200, "body": { "outcome": "Approve" } }');
    await outputs.blur();
    await expect(designer.checkerCount()).toContainText("1 warning");
    await designer.saved();

    await openRun(page, await startDraftRun(page, flowId));
    await expect(page.getByTestId("run-panel")).toContainText("Succeeded");
    await page.getByTestId("run-step").filter({ hasText: "Outcome" }).click();
    await expect(page.getByTestId("step-outputs")).toContainText("Approve");
  });

  test("Find a step: Ctrl+F finds a step inside a collapsed scope, opens the scope, selects the step", async ({
    app,
  }) => {
    const page = app.page;
    const designer = new DesignerPage(page);
    const definition = buttonFlow({
      Check_amount: {
        type: "If",
        runAfter: {},
        expression: { and: [{ greater: [2, 1] }] },
        actions: {
          Review_scope: {
            type: "Scope",
            runAfter: {},
            actions: { Notify_finance_team: { type: "Compose", runAfter: {}, inputs: "over the limit" } },
          },
        },
        else: { actions: { Log_small_invoice: { type: "Compose", runAfter: {}, inputs: "small" } } },
      },
    });
    // The Condition is collapsed: its steps are on no card until it is opened.
    const flow = await callApi<{ id: string }>(page, "flows.create", {
      name: "Find journey",
      kind: "instant",
      definition,
      designer: { collapsed: ["Check_amount"] },
    });
    await designer.open(flow.id);
    await expect(designer.card("Check amount")).toBeVisible();
    await expect(designer.card("Notify finance team")).toHaveCount(0);

    await page.keyboard.press("Control+f");
    const find = page.getByRole("search", { name: "Find a step" });
    const field = find.getByRole("searchbox", { name: "Find a step" });
    await expect(field).toBeFocused();
    await field.fill("FINANCE");
    await expect(find.getByTestId("find-status")).toHaveText("1 match");
    await expect(find.getByTestId("find-result")).toHaveText([
      "Notify finance teamCheck amount › Yes › Review scope · Compose",
    ]);
    await field.press("Enter");
    await expect(find.getByTestId("find-status")).toHaveText("1 of 1");
    const card = designer.card("Notify finance team");
    await expect(card).toBeVisible();
    await expect(card).toHaveClass(/selected/);
    await expect
      .poll(async () => {
        const [c, n, f] = await Promise.all([
          page.locator(".canvas").boundingBox(),
          card.boundingBox(),
          find.boundingBox(),
        ]);
        // On screen, and not under the find box.
        return c && n && f
          ? n.x >= c.x && n.y >= c.y && n.x + n.width <= Math.min(c.x + c.width, f.x) + 1
          : false;
      })
      .toBe(true);

    await field.fill("nothing like it");
    await expect(find.getByTestId("find-status")).toHaveText("No step matches");
    await field.press("Escape");
    await expect(find).toBeHidden();
    await expect(card).toHaveClass(/selected/);
    // The focus is back on the step found, not lost to the page.
    await expect(page.locator(".react-flow__node.selected")).toBeFocused();
    // The keyboard is the canvas's again: Enter opens the selected step.
    await page.keyboard.press("Enter");
    await expect(designer.panel()).toBeVisible();
    await expect(designer.panel().getByLabel("Step name")).toHaveValue("Notify finance team");
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
