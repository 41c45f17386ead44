// Microsoft Teams (shared_teams): post messages and adaptive cards to a channel or a chat, and wait
// for someone to answer a card. Where a message goes depends on "location"; the recipient
// parameters shown follow it. The waiting card nests its body one level deeper ("body/body/…").
import { input, managedConnector, output } from "./define";
import type { InputDeclaration } from "./types";

const CHANNEL = "Channel";
const GROUP_CHAT = "Group chat";
const BOT_CHAT = "Chat with Flow bot";

const poster = input("poster", "Post as", "string", "Who the message appears to come from.", {
  required: true,
  default: "Flow bot",
  enum: [
    { value: "Flow bot", title: "Flow bot" },
    { value: "User", title: "User" },
  ],
});

const location = input(
  "location",
  "Post in",
  "string",
  "A team's channel, a group chat, or a chat with the bot.",
  {
    required: true,
    default: CHANNEL,
    enum: [
      { value: CHANNEL, title: "Channel" },
      { value: GROUP_CHAT, title: "Group chat" },
      { value: BOT_CHAT, title: "Chat with Flow bot" },
    ],
  },
);

function channelInputs(prefix: string): InputDeclaration[] {
  const inChannel = { input: "location", in: [CHANNEL] } as const;
  return [
    input(`${prefix}/groupId`, "Team", "string", "The team that has the channel.", {
      required: true,
      visibleWhen: inChannel,
      sandboxChoices: { from: "teams-team" },
    }),
    input(`${prefix}/channelId`, "Channel", "string", "The channel to post in.", {
      required: true,
      visibleWhen: inChannel,
      sandboxChoices: { from: "teams-channel", teamInput: `${prefix}/groupId` },
    }),
  ];
}

const cardHelp = "The adaptive card, as its JSON (design one at adaptivecards.io/designer).";

const postedMessage = [
  output("body/id", "Message id", "string", "Identifies the posted message."),
  output("body/messageLink", "Message link", "string", "Link that opens the message in Teams."),
];

export const teams = managedConnector({
  id: "shared_teams",
  displayName: "Microsoft Teams",
  description: "Post messages and cards to Teams channels and chats.",
  group: "Teams",
  color: "#4b53bc",
  icon: "message-square",
  operations: [
    {
      operationId: "PostMessageToConversation",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Post message in a chat or channel",
      description: "Posts a message to a channel, a group chat, or a chat with the Flow bot.",
      inputs: [
        poster,
        location,
        ...channelInputs("body/recipient"),
        input(
          "body/recipient",
          "Recipient",
          "string",
          "The group chat, or for a bot chat the person's email.",
          {
            required: true,
            visibleWhen: { input: "location", in: [GROUP_CHAT, BOT_CHAT] },
            sandboxChoices: { from: "teams-group-chat", when: { input: "location", in: [GROUP_CHAT] } },
          },
        ),
        input("body/messageBody", "Message", "html", "The message to post.", { required: true }),
      ],
      outputs: postedMessage,
      keywords: ["chat", "channel", "notify", "message"],
    },
    {
      operationId: "PostCardToConversation",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Post adaptive card in a chat or channel",
      description: "Posts an adaptive card to a channel or chat without waiting for an answer.",
      inputs: [
        poster,
        location,
        ...channelInputs("body/recipient"),
        input(
          "body/recipient",
          "Recipient",
          "string",
          "The group chat, or for a bot chat the person's email.",
          {
            required: true,
            visibleWhen: { input: "location", in: [GROUP_CHAT, BOT_CHAT] },
            sandboxChoices: { from: "teams-group-chat", when: { input: "location", in: [GROUP_CHAT] } },
          },
        ),
        input("body/messageBody", "Adaptive Card", "string", cardHelp, {
          required: true,
          format: "adaptive-card",
        }),
      ],
      outputs: postedMessage,
      keywords: ["card", "chat", "channel"],
    },
    {
      operationId: "PostCardAndWaitForResponse",
      kind: "action",
      wdlType: "OpenApiConnectionWebhook",
      displayName: "Post adaptive card and wait for a response",
      description:
        "Posts an adaptive card and waits until someone submits it; the flow continues with the answers.",
      inputs: [
        poster,
        location,
        ...channelInputs("body/body/recipient"),
        input("body/body/recipient/recipient", "Group chat", "string", "The group chat to post in.", {
          required: true,
          visibleWhen: { input: "location", in: [GROUP_CHAT] },
          sandboxChoices: { from: "teams-group-chat" },
        }),
        input("body/body/recipient/to", "Recipient", "email", "The person the bot chats with.", {
          required: true,
          visibleWhen: { input: "location", in: [BOT_CHAT] },
        }),
        input("body/body/messageBody", "Message", "string", cardHelp, {
          required: true,
          format: "adaptive-card",
        }),
        input(
          "body/body/updateMessage",
          "Update message",
          "string",
          "Shown in place of the card once answered.",
        ),
        input(
          "body/body/shouldUpdateCard",
          "Should update card",
          "boolean",
          "Replace the card once answered.",
          {
            advanced: true,
          },
        ),
      ],
      outputs: [
        output("body/responder", "Responder", "object", "The person who submitted the card."),
        output("body/responder/displayName", "Responder name", "string", "Display name of the responder."),
        output("body/responder/email", "Responder email", "email", "Email address of the responder."),
        output("body/responseTime", "Response time", "date-time", "When the card was submitted."),
        output(
          "body/submitActionId",
          "Submit action id",
          "string",
          "The title of the button that was pressed.",
        ),
        output("body/data", "Card inputs", "object", "The values entered in the card, by input id."),
        output("body/messageId", "Message id", "string", "Identifies the posted card."),
      ],
      dynamicOutputs: "adaptive-card-inputs",
      waitsForPerson: true,
      keywords: ["card", "wait", "response", "form"],
    },
  ],
});
