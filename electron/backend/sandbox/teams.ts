// Microsoft Teams in the sandbox: teams with channels, group chats and chats with the Flow bot.
// Messages and adaptive cards are posted there; a card posted to wait for an answer signals its
// waiting step, in the same transaction that records the answer.
import type { Database } from "better-sqlite3";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { badParameter, badRequest, conflict, forbidden, notFound } from "./errors";
import type { Directory } from "./people";
import type {
  CardResponse,
  Origin,
  Page,
  PageOptions,
  TeamsChannel,
  TeamsChat,
  TeamsMessage,
  TeamsTeam,
} from "./types";
import { iso, isoOrNull, newestFirst, nextSeq, parseJson, prepared, type World } from "./world";

interface MessageRow {
  id: string;
  channel_id: string | null;
  chat_id: string | null;
  poster: string;
  sender: string;
  body: string;
  card: string | null;
  card_state: string;
  update_message: string;
  response: string | null;
  created_at: number;
  responded_at: number | null;
  origin: string;
}

export interface NewMessage {
  channelId?: string;
  chatId?: string;
  poster: string;
  sender: string;
  body: string;
  card?: JsonValue;
  /** The card waits for an answer (Post adaptive card and wait for a response). */
  waiting?: boolean;
  updateMessage?: string;
  origin: Origin;
}

/** Every Action.Submit of a card, with its title and id. */
export function submitActions(card: JsonValue | null): { title: string; id: string }[] {
  const found: { title: string; id: string }[] = [];
  const visit = (node: JsonValue | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isJsonObject(node)) {
      if (node.type === "Action.Submit" || node.type === "Action.Execute") {
        const title = typeof node.title === "string" ? node.title : "Submit";
        found.push({ title, id: typeof node.id === "string" ? node.id : title });
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(card ?? null);
  return found;
}

/** The card's inputs and their initial values. */
export function cardInputs(card: JsonValue | null): Map<string, JsonValue> {
  const inputs = new Map<string, JsonValue>();
  const visit = (node: JsonValue | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isJsonObject(node)) {
      if (typeof node.type === "string" && node.type.startsWith("Input.") && typeof node.id === "string") {
        inputs.set(node.id, node.value ?? "");
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(card ?? null);
  return inputs;
}

export class Teams {
  private readonly db: Database;

  constructor(
    private readonly world: World,
    private readonly directory: Directory,
  ) {
    this.db = world.db;
  }

  teams(): TeamsTeam[] {
    const teams = prepared(
      this.db,
      "SELECT id, display_name, description FROM sb_teams ORDER BY seq",
    ).all() as {
      id: string;
      display_name: string;
      description: string;
    }[];
    const channels = this.channels();
    return teams.map((t) => ({
      id: t.id,
      displayName: t.display_name,
      description: t.description,
      channels: channels.filter((c) => c.teamId === t.id),
    }));
  }

  private channels(): TeamsChannel[] {
    const rows = prepared(
      this.db,
      "SELECT id, team_id, display_name, description FROM sb_channels ORDER BY seq",
    ).all() as { id: string; team_id: string; display_name: string; description: string }[];
    return rows.map((c) => ({
      id: c.id,
      teamId: c.team_id,
      displayName: c.display_name,
      description: c.description,
    }));
  }

  /** How many cards wait for an answer in each channel and chat (by its id). */
  waitingCards(): Map<string, number> {
    const rows = prepared(
      this.db,
      `SELECT COALESCE(channel_id, chat_id) AS place, COUNT(*) AS n FROM sb_messages
       WHERE card_state = 'waiting' GROUP BY place`,
    ).all() as { place: string | null; n: number }[];
    return new Map(rows.flatMap((row) => (row.place === null ? [] : [[row.place, row.n] as const])));
  }

  chats(): TeamsChat[] {
    const rows = prepared(this.db, "SELECT id, kind, topic, members FROM sb_chats ORDER BY seq").all() as {
      id: string;
      kind: string;
      topic: string;
      members: string;
    }[];
    return rows.map((c) => ({
      id: c.id,
      kind: c.kind === "bot" ? "bot" : "group",
      topic: c.topic,
      members: parseJson<string[]>(c.members),
    }));
  }

  /** A team's channel by id or display name (case-insensitively); a 400 names the parameter at fault. */
  channel(
    teamRef: string,
    channelRef: string,
    teamParameter: string,
    channelParameter: string,
  ): TeamsChannel {
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const team = this.teams().find((t) => same(t.id, teamRef) || same(t.displayName, teamRef));
    if (!team) {
      throw badParameter(
        teamParameter,
        `there is no team '${teamRef}'; teams: ${this.teams()
          .map((t) => t.displayName)
          .join(", ")}.`,
      );
    }
    const channel = team.channels.find((c) => same(c.id, channelRef) || same(c.displayName, channelRef));
    if (!channel) {
      throw badParameter(
        channelParameter,
        `team ${team.displayName} has no channel '${channelRef}'; channels: ${team.channels.map((c) => c.displayName).join(", ")}.`,
      );
    }
    return channel;
  }

  /** A group chat by id or topic. */
  groupChat(ref: string, parameter: string): TeamsChat {
    const wanted = ref.trim().toLowerCase();
    const chat = this.chats().find(
      (c) => c.kind === "group" && (c.id.toLowerCase() === wanted || c.topic.toLowerCase() === wanted),
    );
    if (!chat) throw badParameter(parameter, `there is no group chat '${ref}'.`);
    return chat;
  }

  /** The person's chat with the Flow bot, started on first use. */
  botChat(email: string, parameter: string): TeamsChat {
    const person = this.directory.person(email);
    if (!person)
      throw badParameter(
        parameter,
        `${email} is not a person of the company, so the Flow bot cannot chat with them.`,
      );
    const existing = this.chats().find(
      (c) => c.kind === "bot" && c.members.some((m) => m.toLowerCase() === person.email.toLowerCase()),
    );
    if (existing) return existing;
    const id = `19:bot-${this.world.newId().replace(/-/g, "")}@unq.gbl.spaces`;
    prepared(this.db, "INSERT INTO sb_chats (id, seq, kind, topic, members) VALUES (?, ?, 'bot', ?, ?)").run(
      id,
      nextSeq(this.db, "sb_chats"),
      `Flow bot and ${person.displayName}`,
      JSON.stringify([person.email]),
    );
    return { id, kind: "bot", topic: `Flow bot and ${person.displayName}`, members: [person.email] };
  }

  post(message: NewMessage): TeamsMessage {
    return this.world.tx(() => {
      const id = String(this.world.now()) + this.world.newId().slice(0, 8);
      const cardState = message.card === undefined ? "none" : message.waiting ? "waiting" : "posted";
      prepared(
        this.db,
        `INSERT INTO sb_messages (id, seq, channel_id, chat_id, poster, sender, body, card, card_state,
             update_message, response, created_at, responded_at, origin)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?)`,
      ).run(
        id,
        nextSeq(this.db, "sb_messages"),
        message.channelId ?? null,
        message.chatId ?? null,
        message.poster,
        message.sender,
        message.body,
        message.card === undefined ? null : JSON.stringify(message.card),
        cardState,
        message.updateMessage ?? "",
        this.world.now(),
        JSON.stringify(message.origin),
      );
      const posted = this.get(id);
      this.world.emit({ type: "teams.posted", payload: { message: posted } });
      return posted;
    });
  }

  get(id: string): TeamsMessage {
    const row = prepared(this.db, "SELECT * FROM sb_messages WHERE id = ?").get(id) as MessageRow | undefined;
    if (!row) throw notFound(`There is no Teams message with id '${id}'.`);
    return this.toMessage(row);
  }

  /** How many messages of the message's channel or chat are newer: what a reader must load to reach it. */
  newerThan(id: string): number {
    const row = prepared(this.db, "SELECT seq, channel_id, chat_id FROM sb_messages WHERE id = ?").get(id) as
      | { seq: number; channel_id: string | null; chat_id: string | null }
      | undefined;
    if (!row) throw notFound(`There is no Teams message with id '${id}'.`);
    const [column, value] =
      row.channel_id !== null ? ["channel_id", row.channel_id] : ["chat_id", row.chat_id];
    return (
      prepared(this.db, `SELECT count(*) AS n FROM sb_messages WHERE ${column} = ? AND seq > ?`).get(
        value,
        row.seq,
      ) as { n: number }
    ).n;
  }

  /** A channel's or chat's messages, newest first. */
  messages(where: { channelId?: string; chatId?: string } & PageOptions): Page<TeamsMessage> {
    const column = where.channelId !== undefined ? "channel_id" : "chat_id";
    const value = where.channelId ?? where.chatId;
    if (value === undefined) throw badRequest("Name a channelId or a chatId.");
    const { total, rows } = newestFirst<MessageRow>(
      this.db,
      "sb_messages",
      [`${column} = ?`],
      [value],
      where,
    );
    return { total, items: rows.map((row) => this.toMessage(row)) };
  }

  addWaiter(messageId: string, token: string): void {
    prepared(
      this.db,
      "INSERT OR IGNORE INTO sb_waiters (token, kind, target_id, created_at) VALUES (?, 'card', ?, ?)",
    ).run(token, messageId, this.world.now());
  }

  /** Nobody waits for the card's answer any more (its run ended): it stays, as a card that was posted. */
  stopWaiting(messageId: string): void {
    const changed = prepared(
      this.db,
      "UPDATE sb_messages SET card_state = 'posted' WHERE id = ? AND card_state = 'waiting'",
    ).run(messageId).changes;
    if (changed > 0)
      this.world.emit({ type: "teams.cardWithdrawn", payload: { message: this.get(messageId) } });
  }

  /**
   * A person submits a waiting card: records the answer and delivers it to the waiting step, in
   * one transaction. `actionId` is the title (or id) of the button pressed.
   */
  respondToCard(
    messageId: string,
    answer: { responder: string; actionId?: string; data?: JsonObject },
  ): TeamsMessage {
    return this.world.tx(() => {
      const message = this.get(messageId);
      if (message.cardState === "answered") throw conflict("This card has been answered already.");
      if (message.cardState !== "waiting") throw badRequest("This message does not wait for an answer.");
      const person = this.directory.person(answer.responder);
      if (!person) throw forbidden(`${answer.responder} is not a person of the company.`);
      if (message.chatId) {
        const chat = this.chats().find((c) => c.id === message.chatId);
        if (chat && !chat.members.some((m) => m.toLowerCase() === person.email.toLowerCase())) {
          throw forbidden(`${person.displayName} is not in this chat.`);
        }
      }
      const actions = submitActions(message.card);
      let submitActionId = actions[0]?.title ?? "Submit";
      if (answer.actionId !== undefined) {
        const action = actions.find((a) => a.title === answer.actionId || a.id === answer.actionId);
        if (!action && actions.length > 0) {
          throw badRequest(
            `The card has no button '${answer.actionId}'; it has ${actions.map((a) => `'${a.title}'`).join(", ")}.`,
          );
        }
        submitActionId = action?.title ?? answer.actionId;
      }
      const data: JsonObject = {};
      for (const [inputId, initial] of cardInputs(message.card)) data[inputId] = initial;
      Object.assign(data, answer.data ?? {});
      const response: CardResponse = {
        responder: { displayName: person.displayName, email: person.email },
        responseTime: this.world.nowIso(),
        submitActionId,
        data,
      };
      prepared(
        this.db,
        "UPDATE sb_messages SET card_state = 'answered', response = ?, responded_at = ? WHERE id = ?",
      ).run(JSON.stringify(response), this.world.now(), messageId);
      const answered = this.get(messageId);
      this.world.emit({ type: "teams.cardAnswered", payload: { message: answered } });
      const body: JsonObject = {
        responder: { displayName: person.displayName, email: person.email, userPrincipalName: person.email },
        responseTime: response.responseTime,
        submitActionId,
        data,
        messageId,
      };
      const tokens = prepared(
        this.db,
        "SELECT token FROM sb_waiters WHERE kind = 'card' AND target_id = ? ORDER BY created_at, token",
      ).all(messageId) as { token: string }[];
      for (const { token } of tokens)
        this.world.signals.deliver(token, { kind: "succeeded", statusCode: 200, body });
      prepared(this.db, "DELETE FROM sb_waiters WHERE kind = 'card' AND target_id = ?").run(messageId);
      return answered;
    });
  }

  private toMessage(row: MessageRow): TeamsMessage {
    const channel = row.channel_id
      ? (prepared(this.db, "SELECT team_id FROM sb_channels WHERE id = ?").get(row.channel_id) as
          | { team_id: string }
          | undefined)
      : undefined;
    return {
      id: row.id,
      teamId: channel?.team_id ?? null,
      channelId: row.channel_id,
      chatId: row.chat_id,
      poster: row.poster,
      sender: row.sender,
      body: row.body,
      card: row.card === null ? null : parseJson<JsonValue>(row.card),
      cardState: row.card_state as TeamsMessage["cardState"],
      updateMessage: row.update_message,
      response: row.response === null ? null : (JSON.parse(row.response) as CardResponse),
      createdAt: iso(row.created_at),
      respondedAt: isoOrNull(row.responded_at),
      origin: JSON.parse(row.origin) as Origin,
    };
  }
}
