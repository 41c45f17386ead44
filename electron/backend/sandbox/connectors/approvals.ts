// Approvals (shared_approvals): create requests, and wait for them with a durable token that the
// approvals inbox signals when a response completes the request.

import type { ConnectorCall, ConnectorOutcome } from "../../engine/connector-runtime";
import { isApprovalType, isCustom } from "../approval-rules";
import { completedBody, requestBody } from "../approvals";
import { badParameter, SandboxError } from "../errors";
import { type Params, parseAddresses } from "../params";
import type { Services } from "../services";
import type { Approval } from "../types";
import { type ConnectorHandlers, ok, originOf } from "./handler";

function createFrom(prefix: string, params: Params, call: ConnectorCall, services: Services): Approval {
  const p = (field: string) => `${prefix}/${field}`;
  const type = params.string("approvalType").trim();
  if (!isApprovalType(type)) {
    throw badParameter(
      "approvalType",
      `'${type}' is not an approval type; use Basic, BasicAwaitAll, CustomResponse or CustomResponseAwaitAll.`,
    );
  }
  let responseOptions: string[] = [];
  if (isCustom(type)) {
    const options = params.optionalArray(p("responseOptions")) ?? [];
    responseOptions = options.map((option) => (typeof option === "string" ? option.trim() : String(option)));
    if (responseOptions.length === 0 || responseOptions.some((option) => option === "")) {
      throw badParameter(
        p("responseOptions"),
        "a custom approval needs at least one response, none of them empty.",
      );
    }
    if (new Set(responseOptions.map((o) => o.toLowerCase())).size !== responseOptions.length) {
      throw badParameter(p("responseOptions"), "the responses must differ from each other.");
    }
  }
  const assignedTo = parseAddresses(params.string(p("assignedTo")), p("assignedTo"));
  if (assignedTo.length === 0) throw badParameter(p("assignedTo"), "is required.");
  const requestor = parseAddresses(params.optionalString(p("requestor")) ?? "", p("requestor"))[0];
  return services.approvals.create({
    type,
    title: params.string(p("title")),
    details: params.optionalString(p("details")) ?? "",
    itemLink: params.optionalString(p("itemLink")) ?? "",
    itemLinkDescription: params.optionalString(p("itemLinkDescription")) ?? "",
    // As in Power Automate: without a requestor, the request comes from the connection's person.
    requestor: requestor ?? services.connectionUser(),
    assignedTo,
    responseOptions,
    enableNotifications: params.boolean(p("enableNotifications"), true),
    origin: originOf(call),
  });
}

function waitingFor(approval: Approval, token: string, services: Services): ConnectorOutcome {
  const pending = approval.assignedTo.filter(
    (email) => !approval.responses.some((r) => r.approverEmail.toLowerCase() === email.toLowerCase()),
  );
  const names = pending.map((email) => services.directory.displayName(email));
  let description =
    approval.type === "Basic" || approval.type === "CustomResponse" || names.length === 1
      ? `Waiting for ${names.join(" or ")} to respond to '${approval.title.trim()}'`
      : `Waiting for ${names.join(", ")} to respond to '${approval.title.trim()}'`;
  // Nobody in the sandbox signs in as an outside address: say where to answer for them instead.
  const outside = pending.filter((email) => !services.directory.person(email));
  if (outside.length > 0) {
    description += `. ${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not in the sandbox company: answer for ${outside.length === 1 ? "them" : "each"} in Sandbox → Approvals → Outside`;
  }
  return { kind: "waiting", token, description, pending: requestBody(approval) };
}

export const approvals: ConnectorHandlers = {
  StartAndWaitForAnApproval(params, call, services) {
    const approval = createFrom("WebhookApprovalCreationInput", params, call, services);
    const token = `approval:${approval.id}`;
    services.approvals.addWaiter(approval.id, token);
    return waitingFor(approval, token, services);
  },

  CreateAnApproval(params, call, services) {
    return ok(requestBody(createFrom("ApprovalCreationInput", params, call, services)), 201);
  },

  WaitForAnApproval(params, call, services) {
    const id = params.string("approvalName").trim();
    const approval = services.approvals.find(id);
    if (!approval) throw badParameter("approvalName", `there is no approval with id '${id}'.`);
    if (approval.status === "Completed") return ok(completedBody(approval, services.directory));
    if (approval.status === "Canceled") {
      throw new SandboxError(409, "ApprovalCanceled", `The approval '${approval.title}' was canceled.`);
    }
    // One token per waiting step, so that a retried step finds its own wait again.
    const token = `approval:${approval.id}/wait/${call.runId}/${call.actionName}`;
    services.approvals.addWaiter(approval.id, token);
    return waitingFor(approval, token, services);
  },
};
