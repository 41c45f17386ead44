// When an approval is complete, and with which outcome, for each approval type:
//   Basic                  first to respond decides (Approve or Reject)
//   BasicAwaitAll          everyone must approve: any Reject completes it as Reject at once
//   CustomResponse         first response decides, the outcome is that response
//   CustomResponseAwaitAll waits for everyone; the outcome lists the responses, in assignee order
import type { ApprovalType } from "./types";

export const APPROVAL_TYPES: readonly ApprovalType[] = [
  "Basic",
  "BasicAwaitAll",
  "CustomResponse",
  "CustomResponseAwaitAll",
];

export const BASIC_RESPONSES: readonly string[] = ["Approve", "Reject"];

export const isCustom = (type: ApprovalType): boolean =>
  type === "CustomResponse" || type === "CustomResponseAwaitAll";

export function isApprovalType(value: string): value is ApprovalType {
  return (APPROVAL_TYPES as readonly string[]).includes(value);
}

/** The response as offered (matched case-insensitively), or undefined when it is not one of the options. */
export function canonicalResponse(options: readonly string[], response: string): string | undefined {
  const wanted = response.trim().toLowerCase();
  return options.find((option) => option.toLowerCase() === wanted);
}

export type Completion = { complete: false } | { complete: true; outcome: string };

export function completion(
  type: ApprovalType,
  assignedTo: readonly string[],
  responses: readonly { approverEmail: string; response: string }[],
): Completion {
  const first = responses[0];
  if (!first) return { complete: false };
  const answered = (email: string) =>
    responses.find((r) => r.approverEmail.toLowerCase() === email.toLowerCase());
  const everyone = assignedTo.every((email) => answered(email) !== undefined);
  switch (type) {
    case "Basic":
    case "CustomResponse":
      return { complete: true, outcome: first.response };
    case "BasicAwaitAll":
      if (responses.some((r) => r.response === "Reject")) return { complete: true, outcome: "Reject" };
      return everyone ? { complete: true, outcome: "Approve" } : { complete: false };
    case "CustomResponseAwaitAll":
      return everyone
        ? {
            complete: true,
            outcome: assignedTo.map((email) => answered(email)?.response ?? "").join(", "),
          }
        : { complete: false };
  }
}
