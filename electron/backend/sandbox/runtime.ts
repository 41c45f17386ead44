// The sandbox as the engine's ConnectorRuntime: finds the operation's implementation, applies the
// injected faults (slow first, then failing), runs the operation in one transaction and turns
// errors into failed outcomes (400 naming the parameter, 404, 409, 501 for what it lacks). A call
// sent again with the same identity gets its first outcome back (call-log.ts).
import { findConnector, findOperation } from "../../../shared/connectors";
import type { Clock } from "../clock";
import type { ConnectorCall, ConnectorOutcome } from "../engine/connector-runtime";
import { type CallLog, callKey } from "./call-log";
import { HANDLERS } from "./connectors";
import { SandboxError } from "./errors";
import type { Faults } from "./faults";
import { Params } from "./params";
import type { Services } from "./services";

const failed = (statusCode: number, code: string, message: string): ConnectorOutcome => ({
  kind: "failed",
  statusCode,
  error: { code, message },
});
/** What the sandbox lacks stays lacking: 501 without the retries a real 5xx deserves. */
const notImplemented = (message: string): ConnectorOutcome => ({
  kind: "failed",
  statusCode: 501,
  error: { code: "NotImplemented", message },
  final: true,
});

export async function invokeOperation(
  call: ConnectorCall,
  services: Services,
  faults: Faults,
  calls: CallLog,
  clock: Clock,
): Promise<ConnectorOutcome> {
  const connector = findConnector(call.connectorId);
  if (!connector) {
    return notImplemented(`The sandbox has no connector '${call.connectorId}'.`);
  }
  const operation = findOperation(connector.id, call.operationId);
  const handler = operation ? HANDLERS[connector.id]?.[operation.operationId] : undefined;
  if (!operation || !handler) {
    const what =
      operation?.kind === "trigger"
        ? "is a trigger, which starts flows; it cannot run as a step"
        : "is not implemented by the sandbox";
    return notImplemented(
      `${connector.displayName} operation '${operation?.displayName ?? call.operationId}' ${what}.`,
    );
  }

  const key = callKey(call);
  const earlier = calls.find(key);
  if (earlier) return earlier;

  const effect = faults.take(connector.id, operation.operationId);
  if (effect.delayMs > 0) {
    await new Promise<void>((resolve) => clock.setTimer(clock.now() + effect.delayMs, resolve));
  }
  if (effect.fail) {
    const { statusCode, retryAfterMs } = effect.fail;
    const throttled = statusCode === 429;
    return {
      kind: "failed",
      statusCode,
      error: throttled
        ? {
            code: "TooManyRequests",
            message: `Rate limit is exceeded (an injected fault of ${connector.displayName}).`,
          }
        : {
            code: "InternalServerError",
            message: `The service failed (an injected fault of ${connector.displayName}).`,
          },
      ...(throttled && retryAfterMs !== null ? { retryAfterMs } : {}),
    };
  }

  try {
    return services.world.tx(() => {
      // Looked up again inside the transaction: the same call may have run while this one waited.
      const first = calls.find(key);
      if (first) return first;
      const outcome = handler(new Params(call.parameters), call, services);
      calls.record(key, outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof SandboxError) {
      return {
        kind: "failed",
        statusCode: error.status,
        error: { code: error.errorCode, message: error.message },
        ...(error.parameter
          ? { body: { error: { code: error.errorCode, message: error.message, parameter: error.parameter } } }
          : {}),
      };
    }
    return failed(
      500,
      "InternalServerError",
      `The sandbox failed: ${(error as Error).message ?? String(error)}`,
    );
  }
}
