// The shape of one operation's implementation, and the helpers every connector file uses.
import type { JsonValue } from "../../../../shared/json";
import type { ConnectorCall, ConnectorOutcome } from "../../engine/connector-runtime";
import type { Params } from "../params";
import type { Services } from "../services";
import type { Origin } from "../types";

export type Handler = (params: Params, call: ConnectorCall, services: Services) => ConnectorOutcome;

/** Implementations of a connector's operations, by operationId. */
export type ConnectorHandlers = Readonly<Record<string, Handler>>;

export const ok = (body: JsonValue, statusCode = 200): ConnectorOutcome => ({
  kind: "succeeded",
  statusCode,
  body,
});

/** Who a step's changes are attributed to. */
export function originOf(call: ConnectorCall): Origin {
  return {
    kind: "flow",
    flowId: call.flow.id,
    flowName: call.flow.name,
    mode: call.flow.mode,
    runId: call.runId,
    actionName: call.actionName,
  };
}
