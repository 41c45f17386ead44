import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { eventsOf, failed, signalBody, succeeded, testWorld, waiting } from "./test-support";

const T = "shared_teams";
const ALICIA = "alicia.thornton@cronus-demo.example";
const MARCUS = "marcus.bell@cronus-demo.example";

const CARD = JSON.stringify({
  type: "AdaptiveCard",
  version: "1.4",
  body: [
    { type: "TextBlock", text: "Block vendor V20000?" },
    { type: "Input.Text", id: "reason", placeholder: "Why" },
    { type: "Input.ChoiceSet", id: "urgency", value: "normal", choices: [] },
  ],
  actions: [
    { type: "Action.Submit", title: "Block" },
    { type: "Action.Submit", title: "Keep" },
  ],
});

describe("Post message in a chat or channel", () => {
  it("posts to a channel named by team and channel (ids or names)", async () => {
    const w = testWorld();
    const finance = w.sandbox.listTeams().find((t) => t.displayName === "Finance");
    const approvals = finance?.channels.find((c) => c.displayName === "Approvals");
    const posted = succeeded(
      await w.call(T, "PostMessageToConversation", {
        poster: "Flow bot",
        location: "Channel",
        "body/recipient/groupId": String(finance?.id),
        "body/recipient/channelId": "approvals",
        "body/messageBody": "<p>PI-1001 was approved.</p>",
      }),
    );
    expect(posted.body.messageLink).toMatch(/^sandbox:\/\/teams\//);
    const messages = w.sandbox.listTeamsMessages({ channelId: String(approvals?.id) }).items;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: posted.body.id,
      sender: "Flow bot",
      teamId: finance?.id,
      cardState: "none",
    });
    expect(eventsOf(w.events, "teams.posted")).toHaveLength(1);
  });

  it("says of a message how many of its channel are newer, for a link to reach it", async () => {
    const w = testWorld();
    const ids: string[] = [];
    for (const text of ["first", "second", "third"]) {
      const posted = succeeded(
        await w.call(T, "PostMessageToConversation", {
          poster: "Flow bot",
          location: "Channel",
          "body/recipient/groupId": "Finance",
          "body/recipient/channelId": "approvals",
          "body/messageBody": text,
        }),
      );
      ids.push(String(posted.body.id));
    }
    expect(ids.map((id) => w.sandbox.getTeamsMessage(id).newer)).toEqual([2, 1, 0]);
    expect(() => w.sandbox.getTeamsMessage("nope")).toThrow("There is no Teams message with id 'nope'.");
  });

  it("posts to a group chat and to a person's chat with the Flow bot, as the user", async () => {
    const w = testWorld();
    succeeded(
      await w.call(T, "PostMessageToConversation", {
        poster: "User",
        location: "Group chat",
        "body/recipient": "Month-end close",
        "body/messageBody": "Closing starts Monday.",
      }),
    );
    const chat = w.sandbox.listChats().find((c) => c.topic === "Month-end close");
    expect(w.sandbox.listTeamsMessages({ chatId: String(chat?.id) }).items[0]?.sender).toBe("Daniel Reyes");
    succeeded(
      await w.call(T, "PostMessageToConversation", {
        poster: "Flow bot",
        location: "Chat with Flow bot",
        "body/recipient": `${ALICIA};`,
        "body/messageBody": "You have a new approval.",
      }),
    );
    const bot = w.sandbox.listChats().find((c) => c.kind === "bot");
    expect(bot?.members).toEqual([ALICIA]);
  });

  it("names the wrong team, channel or location", async () => {
    const w = testWorld();
    const base = { poster: "Flow bot", location: "Channel", "body/messageBody": "x" };
    const team = failed(
      await w.call(T, "PostMessageToConversation", {
        ...base,
        "body/recipient/groupId": "Marketing",
        "body/recipient/channelId": "General",
      }),
    );
    expect(team.error.message).toMatch(/^Parameter 'body\/recipient\/groupId': there is no team 'Marketing'/);
    const channel = failed(
      await w.call(T, "PostMessageToConversation", {
        ...base,
        "body/recipient/groupId": "Sales",
        "body/recipient/channelId": "Gossip",
      }),
    );
    expect(channel.error.message).toMatch(
      /^Parameter 'body\/recipient\/channelId': team Sales has no channel 'Gossip'/,
    );
    const where = failed(await w.call(T, "PostMessageToConversation", { ...base, location: "Fax" }));
    expect(where.error.message).toMatch(/^Parameter 'location'/);
  });
});

describe("Post adaptive card in a chat or channel", () => {
  it("posts a card, and refuses what is not one", async () => {
    const w = testWorld();
    const base = {
      poster: "Flow bot",
      location: "Channel",
      "body/recipient/groupId": "Purchasing",
      "body/recipient/channelId": "General",
    };
    const posted = succeeded(
      await w.call(T, "PostCardToConversation", { ...base, "body/messageBody": CARD }),
    );
    expect(w.sandbox.getTeamsMessage(String(posted.body.id))).toMatchObject({
      cardState: "posted",
      card: JSON.parse(CARD),
    });
    const notJson = failed(
      await w.call(T, "PostCardToConversation", { ...base, "body/messageBody": "{oops" }),
    );
    expect(notJson.error.message).toMatch(/^Parameter 'body\/messageBody': is not valid JSON/);
    const notCard = failed(
      await w.call(T, "PostCardToConversation", { ...base, "body/messageBody": '{"type":"Hero"}' }),
    );
    expect(notCard.error.message).toMatch(/must be an adaptive card/);
  });
});

describe("Post adaptive card and wait for a response", () => {
  it("waits until a person answers, then signals the answer", async () => {
    const w = testWorld();
    const outcome = waiting(
      await w.call(T, "PostCardAndWaitForResponse", {
        poster: "Flow bot",
        location: "Channel",
        "body/body/recipient/groupId": "Purchasing",
        "body/body/recipient/channelId": "Vendor updates",
        "body/body/messageBody": CARD,
        "body/body/updateMessage": "Thanks for answering",
      }),
    );
    const messageId = String((outcome.pending as JsonObject).messageId);
    expect(outcome.token).toBe(`card:${messageId}`);
    expect(outcome.description).toBe("Waiting for an answer to the card in Purchasing › Vendor updates");
    expect(w.sandbox.getTeamsMessage(messageId).cardState).toBe("waiting");
    // The channel says a card waits there, so the person finds it among the others.
    const waitingIn = () =>
      w.sandbox
        .listTeams()
        .flatMap((team) => team.channels)
        .filter((channel) => channel.waitingCards > 0)
        .map((channel) => [channel.displayName, channel.waitingCards]);
    expect(waitingIn()).toEqual([["Vendor updates", 1]]);
    await w.clock.advanceBy(5 * 60_000);
    expect(() => w.sandbox.respondToCard(messageId, { responder: MARCUS, actionId: "Delete" })).toThrow(
      "no button 'Delete'",
    );
    const answered = w.sandbox.respondToCard(messageId, {
      responder: MARCUS,
      actionId: "Block",
      data: { reason: "Late deliveries" },
    });
    expect(answered).toMatchObject({ cardState: "answered", response: { submitActionId: "Block" } });
    expect(waitingIn()).toEqual([]);
    const [signal] = w.sink.committed();
    expect(signal?.token).toBe(outcome.token);
    expect(signal?.outcome).toEqual({
      kind: "succeeded",
      statusCode: 200,
      body: {
        responder: { displayName: "Marcus Bell", email: MARCUS, userPrincipalName: MARCUS },
        responseTime: "2026-01-05T08:05:00.000Z",
        submitActionId: "Block",
        data: { reason: "Late deliveries", urgency: "normal" },
        messageId,
      },
    });
    expect(() => w.sandbox.respondToCard(messageId, { responder: MARCUS })).toThrow("answered already");
    expect(eventsOf(w.events, "teams.cardAnswered")).toHaveLength(1);
  });

  it("waits in a person's bot chat, where only that person can answer", async () => {
    const w = testWorld();
    const outcome = waiting(
      await w.call(T, "PostCardAndWaitForResponse", {
        poster: "Flow bot",
        location: "Chat with Flow bot",
        "body/body/recipient/to": ALICIA,
        "body/body/messageBody": CARD,
      }),
    );
    const messageId = String((outcome.pending as JsonObject).messageId);
    expect(() => w.sandbox.respondToCard(messageId, { responder: MARCUS })).toThrow("not in this chat");
    w.sandbox.respondToCard(messageId, { responder: ALICIA });
    expect(signalBody(w.sink, 0).submitActionId).toBe("Block");
  });

  it("refuses a card nobody could answer", async () => {
    const w = testWorld();
    const outcome = failed(
      await w.call(T, "PostCardAndWaitForResponse", {
        poster: "Flow bot",
        location: "Group chat",
        "body/body/recipient/recipient": "Purchasing leads",
        "body/body/messageBody": '{"type":"AdaptiveCard","body":[]}',
      }),
    );
    expect(outcome.error.message).toBe(
      "Parameter 'body/body/messageBody': the card has no Action.Submit button, so nobody could answer it.",
    );
    expect(w.sandbox.listTeamsMessages({ chatId: String(w.sandbox.listChats()[1]?.id) }).total).toBe(0);
  });
});
