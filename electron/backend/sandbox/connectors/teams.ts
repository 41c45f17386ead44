// Microsoft Teams (shared_teams): messages and adaptive cards into the sandbox's channels and
// chats; a card that waits is answered from the sandbox's Teams view.
import { isJsonObject, type JsonValue } from "../../../../shared/json";
import type { ConnectorCall } from "../../engine/connector-runtime";
import { badParameter } from "../errors";
import { type Params, parseAddresses } from "../params";
import type { Services } from "../services";
import { submitActions } from "../teams";
import type { TeamsMessage } from "../types";
import { type ConnectorHandlers, ok, originOf } from "./handler";

type Where = { channelId: string; label: string } | { chatId: string; label: string };

function poster(params: Params, services: Services): { poster: string; sender: string } {
  const value = params.string("poster").trim();
  if (value.toLowerCase() === "flow bot") return { poster: "Flow bot", sender: "Flow bot" };
  if (value.toLowerCase() === "user") {
    return { poster: "User", sender: services.directory.displayName(services.connectionUser()) };
  }
  throw badParameter("poster", `'${value}' is not Flow bot or User.`);
}

/** Where the message goes, by "location" and the recipient parameters under `prefix`. */
function destination(params: Params, services: Services, prefix: string, waitingCard: boolean): Where {
  const location = params.string("location").trim().toLowerCase();
  if (location === "channel") {
    const channel = services.teams.channel(
      params.string(`${prefix}/groupId`),
      params.string(`${prefix}/channelId`),
      `${prefix}/groupId`,
      `${prefix}/channelId`,
    );
    const team = services.teams.teams().find((t) => t.id === channel.teamId);
    return { channelId: channel.id, label: `${team?.displayName ?? ""} › ${channel.displayName}` };
  }
  if (location === "group chat") {
    const parameter = waitingCard ? `${prefix}/recipient` : prefix;
    const chat = services.teams.groupChat(params.string(parameter), parameter);
    return { chatId: chat.id, label: chat.topic };
  }
  if (location === "chat with flow bot") {
    const parameter = waitingCard ? `${prefix}/to` : prefix;
    const [email] = parseAddresses(params.string(parameter), parameter);
    if (!email) throw badParameter(parameter, "is required.");
    const chat = services.teams.botChat(email, parameter);
    return { chatId: chat.id, label: chat.topic };
  }
  throw badParameter(
    "location",
    `'${params.string("location")}' is not Channel, Group chat or Chat with Flow bot.`,
  );
}

/** The adaptive card, from its JSON text or an object; anything else is a 400 naming the parameter. */
function card(params: Params, parameter: string): JsonValue {
  const raw = params.get(parameter);
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw badParameter(parameter, `is not valid JSON: ${(error as Error).message}.`);
    }
  }
  if (raw === undefined || raw === null || raw === "") throw badParameter(parameter, "is required.");
  if (!isJsonObject(parsed) || parsed.type !== "AdaptiveCard") {
    throw badParameter(parameter, 'must be an adaptive card: a JSON object with "type": "AdaptiveCard".');
  }
  return parsed;
}

function posted(message: TeamsMessage): JsonValue {
  const place = message.channelId ?? message.chatId ?? "";
  return { id: message.id, messageLink: `sandbox://teams/${encodeURIComponent(place)}/${message.id}` };
}

function post(params: Params, call: ConnectorCall, services: Services, isCard: boolean): TeamsMessage {
  const where = destination(params, services, "body/recipient", false);
  const body = isCard ? "" : params.string("body/messageBody");
  const cardJson = isCard ? card(params, "body/messageBody") : undefined;
  return services.teams.post({
    ...("channelId" in where ? { channelId: where.channelId } : { chatId: where.chatId }),
    ...poster(params, services),
    body: cardJson === undefined ? body : JSON.stringify(cardJson),
    ...(cardJson === undefined ? {} : { card: cardJson }),
    origin: originOf(call),
  });
}

export const teams: ConnectorHandlers = {
  PostMessageToConversation(params, call, services) {
    return ok(posted(post(params, call, services, false)));
  },

  PostCardToConversation(params, call, services) {
    return ok(posted(post(params, call, services, true)));
  },

  PostCardAndWaitForResponse(params, call, services) {
    const where = destination(params, services, "body/body/recipient", true);
    const cardJson = card(params, "body/body/messageBody");
    if (submitActions(cardJson).length === 0) {
      throw badParameter(
        "body/body/messageBody",
        "the card has no Action.Submit button, so nobody could answer it.",
      );
    }
    const message = services.teams.post({
      ...("channelId" in where ? { channelId: where.channelId } : { chatId: where.chatId }),
      ...poster(params, services),
      body: JSON.stringify(cardJson),
      card: cardJson,
      waiting: true,
      updateMessage: params.optionalString("body/body/updateMessage") ?? "",
      origin: originOf(call),
    });
    const token = `card:${message.id}`;
    services.teams.addWaiter(message.id, token);
    return {
      kind: "waiting",
      token,
      description: `Waiting for an answer to the card in ${where.label}`,
      pending: { messageId: message.id },
    };
  },
};
