import { describe, expect, it } from "vitest";
import { findOperation, type InputDeclaration } from "../../../shared/connectors";
import type { JsonValue } from "../../../shared/json";
import { type SandboxNames, sandboxChoicesFor } from "./sandbox-choices";

const NAMES: SandboxNames = {
  company: "CRONUS Demo Ltd.",
  teams: [
    {
      id: "team-1",
      displayName: "Finance",
      channels: [
        { id: "c-1", displayName: "General" },
        { id: "c-2", displayName: "Approvals" },
      ],
    },
    { id: "team-2", displayName: "Sales", channels: [{ id: "c-3", displayName: "Deals" }] },
  ],
  groupChats: ["Month-end close"],
};

function inputOf(connector: string, operationId: string, name: string): InputDeclaration {
  const input = findOperation(connector, operationId)?.inputs.find((i) => i.name === name);
  if (!input) throw new Error(`${operationId} has no input ${name}`);
  return input;
}

const values =
  (map: Record<string, JsonValue>) =>
  (name: string): JsonValue | undefined =>
    map[name];

describe("choices from the sandbox company", () => {
  it("offers the company to every Business Central record step", () => {
    const company = inputOf("shared_dynamicssmbsaas", "PatchItemV3", "company");
    expect(sandboxChoicesFor(company, NAMES, values({}))).toEqual(["CRONUS Demo Ltd."]);
  });

  it("offers the teams, then the channels of the team chosen (by name or id, any case)", () => {
    const team = inputOf("shared_teams", "PostMessageToConversation", "body/recipient/groupId");
    const channel = inputOf("shared_teams", "PostMessageToConversation", "body/recipient/channelId");
    expect(sandboxChoicesFor(team, NAMES, values({}))).toEqual(["Finance", "Sales"]);
    expect(sandboxChoicesFor(channel, NAMES, values({}))).toBeUndefined();
    expect(sandboxChoicesFor(channel, NAMES, values({ "body/recipient/groupId": "finance" }))).toEqual([
      "General",
      "Approvals",
    ]);
    expect(sandboxChoicesFor(channel, NAMES, values({ "body/recipient/groupId": "team-2" }))).toEqual([
      "Deals",
    ]);
    // A team the sandbox does not have (an imported flow's GUID, an expression): the field stays free text.
    expect(
      sandboxChoicesFor(channel, NAMES, values({ "body/recipient/groupId": "@{variables('team')}" })),
    ).toBeUndefined();
  });

  it("offers group chats only where the recipient is a group chat, not a person for the Flow bot", () => {
    const recipient = inputOf("shared_teams", "PostMessageToConversation", "body/recipient");
    expect(sandboxChoicesFor(recipient, NAMES, values({ location: "Group chat" }))).toEqual([
      "Month-end close",
    ]);
    expect(sandboxChoicesFor(recipient, NAMES, values({ location: "Chat with Flow bot" }))).toBeUndefined();
  });

  it("offers nothing before the sandbox has answered, or for inputs that declare no choices", () => {
    const company = inputOf("shared_dynamicssmbsaas", "PatchItemV3", "company");
    expect(sandboxChoicesFor(company, undefined, values({}))).toBeUndefined();
    const message = inputOf("shared_teams", "PostMessageToConversation", "body/messageBody");
    expect(sandboxChoicesFor(message, NAMES, values({}))).toBeUndefined();
  });
});
