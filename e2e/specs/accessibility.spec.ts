// Every main screen, in both themes, checked by axe-core: no serious or critical violation (contrast,
// names of controls, roles, heading order…). A screen that breaks a rule fails here with what and where.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { buttonFlow } from "../fixtures/button-flow";
import { PURCHASE_APPROVAL_FLOW } from "../fixtures/purchase-approval";
import { callApi, createFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`every main screen passes axe in the ${theme} theme`, async ({ app }) => {
      test.setTimeout(120_000);
      const page = app.page;
      const flowId = await createFlow(page, "Purchase invoice approval", "automated", PURCHASE_APPROVAL_FLOW);
      await callApi(page, "publish.publish", { flowId, note: "first version" });
      // A draft ahead of the published version: the designer, Publish and Changes show the difference.
      const draft = await callApi<{ revision: number }>(page, "flows.get", { id: flowId });
      const changed = structuredClone(PURCHASE_APPROVAL_FLOW) as unknown as {
        actions: { Start_and_wait_for_an_approval: { inputs: { parameters: Record<string, string> } } };
      };
      changed.actions.Start_and_wait_for_an_approval.inputs.parameters[
        "WebhookApprovalCreationInput/details"
      ] = "Please approve before Friday";
      await callApi(page, "flows.saveDraft", { id: flowId, revision: draft.revision, definition: changed });
      const { runId } = await callApi<{ runId: string }>(page, "runs.start", {
        flowId,
        source: { draft: true },
        triggerOutputs: { body: { "Row Id": "x" } },
      });
      // A published flow that failed: the Runs link carries its count on every screen.
      const failing = await createFlow(
        page,
        "Budget guard",
        "instant",
        buttonFlow({ Stop: { type: "Terminate", inputs: { runStatus: "Failed" }, runAfter: {} } }),
      );
      await callApi(page, "publish.publish", { flowId: failing });
      await callApi(page, "workflows.run", { flowId: failing });
      await callApi(page, "settings.update", { theme, automateConsent: "accepted" });
      await page.reload();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await expect(page.getByTestId("failed-runs-count")).toBeVisible();

      const screens: [string, string, string][] = [
        ["My flows", "#/flows", "Purchase invoice approval"],
        ["Workflow list", "#/workflows", "Purchase invoice approval"],
        ["Designer", `#/flows/${flowId}`, "Start and wait for an approval"],
        ["Run", `#/runs/${runId}`, "Test run"],
        ["Runs", "#/runs", "Cancelled"],
        ["Sandbox", "#/sandbox", "Vendors"],
        ["Approvals", "#/sandbox/approvals", "Received"],
        ["Outlook", "#/sandbox/outlook", "Inbox"],
        ["Teams", "#/sandbox/teams", "General"],
        ["Excel", "#/sandbox/excel", "PI-1011"],
        ["Notifications", "#/sandbox/notifications", "No notifications"],
        ["Vendors", "#/sandbox/bc/vendors", "V20000"],
        ["Simulation", "#/sandbox/simulation", "Clock"],
        ["Settings", "#/settings", "Appearance"],
      ];
      const found: string[] = [];
      for (const [name, hash, landmark] of screens) {
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
        await expect(page.getByText(landmark).first()).toBeVisible();
        for (const v of await violations(page)) found.push(`${name}: ${v}`);
      }
      // The properties panel and a dialog, over the designer.
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/flows/${flowId}`);
      await page.locator('[data-node-id="Start_and_wait_for_an_approval"]').click();
      await expect(page.getByTestId("properties-panel")).toBeVisible();
      for (const v of await violations(page)) found.push(`Properties: ${v}`);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+f");
      await page.getByRole("searchbox", { name: "Find a step" }).fill("approv");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("find-status")).toHaveText(/^1 of \d+$/);
      for (const v of await violations(page)) found.push(`Find: ${v}`);
      await page.keyboard.press("Escape");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      for (const v of await violations(page)) found.push(`Shortcuts: ${v}`);
      await page.keyboard.press("Escape");

      // A card's context menu, and the Publish dialog with what changed since version 1.
      await page.locator('[data-node-id="Start_and_wait_for_an_approval"]').click({ button: "right" });
      await expect(page.getByRole("menu", { name: "Step" })).toBeVisible();
      for (const v of await violations(page)) found.push(`Context menu: ${v}`);
      await page.keyboard.press("Escape");
      await page.getByTestId("draft-state").getByRole("button", { name: "Unpublished changes" }).click();
      await expect(page.getByTestId("publish-changes").getByTestId("change")).toHaveCount(1);
      for (const v of await violations(page)) found.push(`Publish: ${v}`);
      await page.keyboard.press("Escape");

      // An old version with its Changes panel, compared with the draft.
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/flows/${flowId}/versions/1`);
      await page.getByRole("button", { name: "Changes" }).click();
      await page.getByTestId("changes-panel").getByLabel("Compare with").selectOption("draft");
      await expect(page.getByTestId("changes-panel").getByTestId("change")).toHaveCount(1);
      for (const v of await violations(page)) found.push(`Version changes: ${v}`);
      expect(found).toEqual([]);
    });
  }
});
