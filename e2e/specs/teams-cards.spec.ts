import type { Page } from "@playwright/test";
import { buttonFlow, connector } from "../fixtures/button-flow";
import { callApi, runInstantFlow } from "../harness/api";
import { expect, test } from "../harness/fixtures";
import { SandboxPage } from "../pages/sandbox";

/** Asks the Purchasing team's Vendor updates channel whether to block a vendor, and waits. */
const askTheChannel = buttonFlow({
  Ask_the_channel: {
    type: "OpenApiConnectionWebhook",
    inputs: {
      ...connector("shared_teams", "PostCardAndWaitForResponse"),
      parameters: {
        poster: "Flow bot",
        location: "Channel",
        "body/body/recipient/groupId": "Purchasing",
        "body/body/recipient/channelId": "Vendor updates",
        "body/body/messageBody": JSON.stringify({
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: "Block vendor V20000?" },
            { type: "Input.Text", id: "reason", placeholder: "Why", isRequired: true },
          ],
          actions: [
            { type: "Action.Submit", title: "Block" },
            { type: "Action.Submit", title: "Keep" },
          ],
        }),
        "body/body/updateMessage": "Thanks for answering",
      },
    },
    runAfter: {},
  },
});

/** Posts 120 updates to the same channel, one after another. */
const chatter = buttonFlow({
  Each_update: {
    type: "Foreach",
    foreach: "@range(1, 120)",
    actions: {
      Post_an_update: {
        type: "OpenApiConnection",
        inputs: {
          ...connector("shared_teams", "PostMessageToConversation"),
          parameters: {
            poster: "Flow bot",
            location: "Channel",
            "body/recipient/groupId": "Purchasing",
            "body/recipient/channelId": "Vendor updates",
            "body/messageBody": "Update @{item()}",
          },
        },
        runAfter: {},
      },
    },
    runAfter: {},
  },
});

/** The message a run's card waits on, once it is posted. */
async function cardOf(page: Page, runId: string): Promise<string> {
  let messageId = "";
  await expect
    .poll(async () => {
      const run = await callApi<{ waits: { token: string | null }[] }>(page, "runs.get", { runId });
      messageId = run.waits[0]?.token?.replace(/^card:/, "") ?? "";
      return messageId;
    })
    .not.toBe("");
  return messageId;
}

test.describe("Teams cards a run waits on", () => {
  test("the Teams tab and the channel count the cards waiting for an answer, and a link opens the card", async ({
    app,
  }) => {
    const page = app.page;
    const runId = await runInstantFlow(page, "Block a vendor?", askTheChannel);
    // The run posts the card and waits on it: its wait's token names the message.
    const messageId = await cardOf(page, runId);

    const sandbox = new SandboxPage(page);
    await sandbox.goto("Teams");
    await expect(page.getByTestId("tab-teams").locator(".sbx-count")).toHaveText("1");
    const channel = page.getByTestId("teams-channel").filter({ hasText: "Vendor updates" });
    await expect(channel.getByTestId("waiting-cards")).toContainText("1 card waits for an answer");

    // The waiting run leads to the card: the channel opens on it, and it is marked.
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/runs/${runId}`);
    await expect(page.getByTestId("run-waiting")).toContainText(
      "Waiting for an answer to the card in Purchasing › Vendor updates",
    );
    await page.getByTestId("run-waiting").getByRole("link", { name: "Open the card in Teams" }).click();
    await expect(page).toHaveURL(new RegExp(`#/sandbox/teams/message/${messageId}$`));
    const card = page.locator(".sbx-post-target");
    await expect(card).toContainText("Block vendor V20000?");
    await expect(channel).toHaveAttribute("aria-current", "true");
    // A required input without a label still shows that it is required.
    await expect(card.getByText("Required")).toBeVisible();
    await expect(card.getByRole("textbox", { name: "Why" })).toHaveAttribute("aria-required", "true");

    // Sent empty, the required input says so under itself, is marked invalid and gets the keyboard.
    const why = card.getByRole("textbox", { name: "Why" });
    await card.getByRole("button", { name: "Block" }).click();
    await expect(why).toHaveAttribute("aria-invalid", "true");
    await expect(why).toHaveAccessibleDescription("Fill in Why.");
    await expect(why).toBeFocused();
    await expect(card.getByTestId("card-field-error")).toHaveText("Fill in Why.");
    await expect(page.getByTestId("tab-teams").locator(".sbx-count")).toHaveText("1");

    await why.fill("Late deliveries");
    // Typing clears the field's own message.
    await expect(why).not.toHaveAttribute("aria-invalid", "true");
    await expect(card.getByTestId("card-field-error")).toHaveCount(0);
    await card.getByRole("button", { name: "Block" }).click();
    await expect(page.getByTestId("tab-teams").locator(".sbx-count")).toHaveCount(0);
    await expect(channel.getByTestId("waiting-cards")).toHaveCount(0);
  });

  test("a link to a card with more than a page of newer messages loads back to it and shows it", async ({
    app,
  }) => {
    const page = app.page;
    const runId = await runInstantFlow(page, "Block a vendor?", askTheChannel);
    const messageId = await cardOf(page, runId);
    const chatterRun = await runInstantFlow(page, "Vendor updates chatter", chatter);
    await expect
      .poll(async () => (await callApi<{ status: string }>(page, "runs.get", { runId: chatterRun })).status)
      .toBe("Succeeded");

    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/runs/${runId}`);
    await page.getByTestId("run-waiting").getByRole("link", { name: "Open the card in Teams" }).click();
    await expect(page).toHaveURL(new RegExp(`#/sandbox/teams/message/${messageId}$`));
    const card = page.locator(".sbx-post-target");
    await expect(card).toContainText("Block vendor V20000?");
    await expect(card).toBeInViewport();
    // The newest updates are loaded too, down to the last.
    await expect(page.locator(".sbx-conversation")).toContainText("Update 120");
  });
});
