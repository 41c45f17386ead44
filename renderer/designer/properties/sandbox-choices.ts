// Choices from the sandbox company for the inputs that declare them (company name, team, channel,
// group chat): the sandbox is where flows are tested, so its names are the ones that work there.
// Free text stays possible (a flow imported from a real tenant names its own).
import type { InputDeclaration, VisibleWhen } from "../../../shared/connectors";
import type { JsonValue } from "../../../shared/json";

export interface SandboxNames {
  company: string;
  teams: readonly {
    id: string;
    displayName: string;
    channels: readonly { id: string; displayName: string }[];
  }[];
  groupChats: readonly string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function holds(rule: VisibleWhen, value: JsonValue | undefined): boolean {
  if ("in" in rule) return rule.in.some((v) => v === value);
  return !rule.notIn.some((v) => v === value);
}

/**
 * The sandbox's names for one input, given the step's other values (a channel's choices are the
 * chosen team's); undefined when the input declares none or they do not apply.
 */
export function sandboxChoicesFor(
  input: InputDeclaration,
  names: SandboxNames | undefined,
  valueOfInput: (inputName: string) => JsonValue | undefined,
): string[] | undefined {
  const declared = input.sandboxChoices;
  if (!declared || !names) return undefined;
  if (declared.when && !holds(declared.when, valueOfInput(declared.when.input))) return undefined;
  switch (declared.from) {
    case "bc-company":
      return [names.company];
    case "teams-team":
      return names.teams.map((team) => team.displayName);
    case "teams-channel": {
      const chosen = valueOfInput(declared.teamInput);
      if (typeof chosen !== "string") return undefined;
      const team = names.teams.find((t) => same(t.id, chosen) || same(t.displayName, chosen));
      return team?.channels.map((channel) => channel.displayName);
    }
    case "teams-group-chat":
      return [...names.groupChats];
  }
}
