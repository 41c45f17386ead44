// Connector calls (OpenApiConnection, OpenApiConnectionWebhook, and the legacy ApiConnection forms):
// evaluate the parameters, journal the attempt (committed before the service sees it), invoke the
// ConnectorRuntime, then succeed, fail, retry after a durable delay (408, 429, 5xx, per the retry
// policy), or wait for the token a person answers. A per-action timeout (limit.timeout, timeout.ts) is
// a durable wait too, counted from the first attempt; when it passes first, the step is TimedOut.
//
// After a restart, an attempt journaled as Running (sent, outcome not committed) is sent again with
// the same identity (run, iteration, action, attempt) and restarts + 1: at-least-once for the call in
// flight, and a runtime that remembers call identities can make it exactly-once.

import { connectorOfAction } from "../../../../shared/connectors";
import { evaluateValue } from "../../../../shared/expr";
import type { WdlApiConnectionAction, WdlOpenApiConnectionAction } from "../../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../../shared/json";
import type { ConnectorCall, ConnectorOutcome, FinalOutcome } from "../connector-runtime";
import type { StepContext } from "../core";
import { StepError } from "../errors";
import { legacyCall } from "../legacy";
import { describeSize } from "../limits";
import {
  isRetryableStatus,
  type RetryPolicy,
  RetryPolicyError,
  readRetryPolicy,
  retryDelayMs,
} from "../retry";
import type { FinalStatus } from "../status";
import type { ErrorInfo, WaitKind } from "../types";
import { armTimeout, stepTimeout, timedOutError } from "./timeout";

type ConnectorType =
  | "OpenApiConnection"
  | "OpenApiConnectionWebhook"
  | "ApiConnection"
  | "ApiConnectionWebhook";

interface Target {
  connectorId: string;
  operationId: string;
  parameters: JsonObject;
}

const HTTP_CODES: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "NoContent",
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  408: "RequestTimeout",
  409: "Conflict",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

const httpCode = (status: number): string => HTTP_CODES[status] ?? String(status);

function target(sc: StepContext, type: ConnectorType): Target {
  const context = sc.run.contextFor(sc.frame);
  if (type === "ApiConnection" || type === "ApiConnectionWebhook") {
    return legacyCall(sc.name, sc.action as WdlApiConnectionAction, context);
  }
  const action = sc.action as WdlOpenApiConnectionAction;
  const host = action.inputs?.host ?? {};
  const apiId = typeof host.apiId === "string" ? host.apiId : "";
  const connectorId =
    connectorOfAction(action as JsonValue)?.id ??
    (apiId.split("/").pop() || String(host.connectionName ?? ""));
  const operationId = host.operationId;
  if (!connectorId || typeof operationId !== "string" || operationId === "") {
    throw new StepError(
      "OperationNotFound",
      `Step '${sc.name}' does not say which connector operation it calls (inputs.host.apiId and operationId).`,
    );
  }
  const parameters = evaluateValue((action.inputs?.parameters ?? {}) as JsonValue, context);
  return { connectorId, operationId, parameters: isJsonObject(parameters) ? parameters : {} };
}

function policyOf(sc: StepContext): RetryPolicy {
  const inputs = (sc.action as { inputs?: JsonValue }).inputs;
  const raw = isJsonObject(inputs) ? inputs.retryPolicy : undefined;
  try {
    return readRetryPolicy(raw, sc.core.limits.maxRetryCount);
  } catch (error) {
    if (error instanceof RetryPolicyError)
      throw new StepError("InvalidRetryPolicy", `Step '${sc.name}': ${error.message}.`);
    throw error;
  }
}

function waitKindOf(connectorId: string): WaitKind {
  return connectorId === "shared_teams" ? "card" : "approval";
}

function outputsOf(outcome: FinalOutcome): JsonObject {
  if (outcome.kind === "succeeded") {
    return { statusCode: outcome.statusCode, headers: outcome.headers ?? {}, body: outcome.body };
  }
  return {
    statusCode: outcome.statusCode,
    headers: {},
    body: outcome.body ?? { error: { code: outcome.error.code, message: outcome.error.message } },
  };
}

export async function runConnector(sc: StepContext, type: ConnectorType): Promise<FinalStatus> {
  const { core, run, frame, name } = sc;
  const call = target(sc, type);
  const policy = policyOf(sc);
  const timeout = stepTimeout(sc);
  const inputs: JsonObject = {
    host: { connectorId: call.connectorId, operationId: call.operationId },
    parameters: call.parameters,
  };

  let attempt = 1;
  let restarts = 0;
  let firstStartedAt = core.now();
  let phase: "invoke" | "answer" | "retry" = "invoke";
  const prev = sc.prev;
  if (prev) {
    attempt = prev.attempt;
    firstStartedAt = prev.firstStartedAt;
    if (prev.status === "Running") restarts = prev.restarts + 1;
    else {
      core.resumeInFlight(sc, prev, true);
      phase = prev.status === "Waiting" ? "answer" : "retry";
    }
  }

  const finish = (
    status: FinalStatus,
    outputs?: JsonValue,
    error?: ErrorInfo | null,
    code?: string,
  ): FinalStatus => {
    core.removeWaits(sc);
    const result = core.completeStep(sc, { status, attempt, outputs, error: error ?? null, code });
    core.journal.commit();
    return result;
  };
  const timedOut = (): FinalStatus =>
    finish("TimedOut", undefined, timeout ? timedOutError(sc, timeout) : null);
  const ended = (outcome: FinalOutcome): FinalStatus =>
    outcome.kind === "succeeded"
      ? finish("Succeeded", outputsOf(outcome), null, httpCode(outcome.statusCode))
      : finish("Failed", outputsOf(outcome), outcome.error, httpCode(outcome.statusCode));

  const size = JSON.stringify(inputs).length;
  if (size > core.limits.maxPayloadChars) {
    throw new StepError(
      "PayloadTooLarge",
      `The inputs of step '${name}' are ${describeSize(size)}, more than the ${describeSize(core.limits.maxPayloadChars)} a value may hold.`,
    );
  }

  core.leafStarted(run);
  try {
    if (timeout) armTimeout(sc, timeout, firstStartedAt);
    for (;;) {
      if (run.stopped) return "Cancelled";
      if (phase === "retry") {
        const resolution = await core.awaitStep(sc);
        if (run.stopped) return "Cancelled";
        if (resolution.kind === "time" && resolution.waitKind === "timeout") return timedOut();
        core.removeWaits(sc, ["retry"]);
        attempt++;
        restarts = 0;
        if (!core.countStep(sc)) return "Cancelled";
        phase = "invoke";
        continue;
      }
      if (phase === "answer") {
        const resolution = await core.awaitStep(sc);
        if (run.stopped) return "Cancelled";
        if (resolution.kind === "time") {
          if (resolution.waitKind === "timeout") return timedOut();
          continue;
        }
        core.journal.consumeSignal(resolution.token, core.now());
        const answer = resolution.outcome as unknown;
        if (
          !isJsonObject(answer as JsonValue) ||
          (resolution.outcome.kind !== "succeeded" && resolution.outcome.kind !== "failed")
        ) {
          return finish("Failed", undefined, {
            code: "InvalidSignal",
            message: `The answer that ended the wait of '${name}' is not a succeeded or failed outcome.`,
          });
        }
        return ended(resolution.outcome);
      }

      // Write-ahead: the attempt is committed before the service sees the call.
      core.beginStep(sc, {
        leaf: true,
        attempt,
        inputs,
        restarts,
        startedAt: prev && prev.attempt === attempt && prev.status === "Running" ? prev.startedAt : undefined,
      });
      core.journal.commit();
      if (run.stopped) return "Cancelled";
      const request: ConnectorCall = {
        runId: run.id,
        actionName: name,
        iteration: frame.iteration,
        attempt,
        connectorId: call.connectorId,
        operationId: call.operationId,
        parameters: call.parameters,
        flow: { id: run.flow.id, name: run.flow.name, mode: run.mode, version: run.flow.version },
      };
      let thrown = false;
      const sent: Promise<ConnectorOutcome> = Promise.resolve()
        .then(() => core.runtime.invoke(request))
        .catch((error: unknown): ConnectorOutcome => {
          thrown = true;
          return {
            kind: "failed",
            statusCode: 500,
            error: {
              code: "ConnectorError",
              message: `The connector failed while running '${name}': ${error instanceof Error ? error.message : String(error)}`,
            },
          };
        });
      let outcome: ConnectorOutcome | "timeout";
      if (timeout) {
        outcome = await Promise.race([sent, core.awaitStep(sc, false).then(() => "timeout" as const)]);
        core.dropWaiter(sc);
      } else outcome = await sent;
      if (run.stopped) return "Cancelled";
      if (outcome === "timeout") return timedOut();

      if (outcome.kind === "succeeded") return ended(outcome);
      if (outcome.kind === "waiting") {
        core.beginStep(sc, { leaf: true, attempt, status: "Waiting", outputs: outcome.pending ?? null });
        core.addWait(sc, attempt, waitKindOf(call.connectorId), {
          token: outcome.token,
          description: outcome.description,
        });
        core.journal.commit();
        phase = "answer";
        continue;
      }
      const retries = attempt - 1;
      const retryable = !thrown && !outcome.final && isRetryableStatus(outcome.statusCode);
      if (retryable && retries < policy.count) {
        const delay = retryDelayMs(policy, attempt, core.random, outcome.retryAfterMs);
        core.recordFailedAttempt(sc, attempt, outputsOf(outcome), outcome.error);
        core.addWait(sc, attempt, "retry", {
          resumeAt: core.now() + delay,
          description: `Retry ${attempt} of ${policy.count} after ${outcome.statusCode} ${httpCode(outcome.statusCode)}`,
        });
        core.journal.commit();
        phase = "retry";
        continue;
      }
      return ended(outcome);
    }
  } finally {
    core.leafEnded(run);
  }
}
