// What the approvals pages read from a request: who was asked and how each answered, how far an
// "everyone must approve" request has got, and which request a box opens on.
import type { SandboxApproval } from "../../../shared/api";

/** How one approver stands on a request. */
export type ApproverState =
  /** Answered Approve (or Reject) on an Approve/Reject request. */
  | "approved"
  | "rejected"
  /** Answered one of a custom request's responses. */
  | "answered"
  /** Has not answered, and the request still waits for them. */
  | "waiting"
  /** Did not answer, and the request no longer needs it (completed by others, or canceled). */
  | "none";

export interface ApproverRow {
  email: string;
  state: ApproverState;
  /** Their answer as they gave it ("Approve", "Pay later"); absent while they have not answered. */
  response?: string;
  comments: string;
  respondedAt?: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Every approver of the request, in the order they were asked, with their answer if any. */
export function approverRows(approval: SandboxApproval): ApproverRow[] {
  const custom = approval.type.startsWith("CustomResponse");
  return approval.assignedTo.map((email) => {
    const answer = approval.responses.find((r) => same(r.approverEmail, email));
    if (!answer) {
      return { email, state: approval.status === "Pending" ? "waiting" : "none", comments: "" };
    }
    const state: ApproverState =
      !custom && answer.response === "Approve"
        ? "approved"
        : !custom && answer.response === "Reject"
          ? "rejected"
          : "answered";
    return {
      email,
      state,
      response: answer.response,
      comments: answer.comments,
      respondedAt: answer.respondedAt,
    };
  });
}

/** "Everyone must approve" and "wait for all responses": every approver has to answer. */
export function waitsForEveryone(type: string): boolean {
  return type.endsWith("AwaitAll");
}

/** How many of the approvers have answered. */
export function answeredCount(approval: SandboxApproval): { answered: number; total: number } {
  const rows = approverRows(approval);
  return { answered: rows.filter((r) => r.response !== undefined).length, total: rows.length };
}

/**
 * The request a box shows once its list has loaded: the one in the address while the list has it
 * (or while it is open from elsewhere, e.g. just answered), else the newest. `recheck`: the person
 * acted as changed, so a request that is not in their list gives way to their newest.
 * Undefined: nothing to show.
 */
export function selectedAfterLoad(
  id: string | undefined,
  items: readonly { id: string }[],
  recheck: boolean,
): string | undefined {
  if (id !== undefined && (!recheck || items.some((item) => item.id === id))) return id;
  return items[0]?.id;
}

/** A title short enough for a one-line message: cut at a word, with an ellipsis. */
export function shortTitle(title: string, max = 48): string {
  const text = title.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—–-]+$/, "")}…`;
}
