// Copy, cut and paste of steps (with their scopes' contents), within a flow and across flows and
// windows: steps travel as JSON text, so the system clipboard carries them.
import type { WdlActions } from "../../../shared/flow";

const MARK = "flowsmith/steps";
const FALLBACK_KEY = "flowsmith.clipboard";

interface Envelope {
  kind: typeof MARK;
  actions: WdlActions;
}

export function writeSteps(data: DataTransfer | null, actions: WdlActions): void {
  const text = JSON.stringify({ kind: MARK, actions } satisfies Envelope, null, 2);
  data?.setData("text/plain", text);
  // Some browsers hand an empty clipboard to paste events they did not see the copy of.
  try {
    localStorage.setItem(FALLBACK_KEY, text);
  } catch {
    // storage full or disabled: the system clipboard still has it
  }
}

export function readSteps(data: DataTransfer | null): WdlActions | undefined {
  const text = data?.getData("text/plain") ?? "";
  const parsed = parse(text) ?? (text === "" ? parse(localStorage.getItem(FALLBACK_KEY) ?? "") : undefined);
  return parsed?.actions;
}

function parse(text: string): Envelope | undefined {
  if (!text.includes(MARK)) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Envelope>;
    return value.kind === MARK && typeof value.actions === "object" && value.actions !== null
      ? (value as Envelope)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The steps this app copied last (kept beside the system clipboard), for the context menu's Paste. */
export function copiedSteps(): WdlActions | undefined {
  return parse(localStorage.getItem(FALLBACK_KEY) ?? "")?.actions;
}
