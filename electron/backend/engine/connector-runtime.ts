// The boundary between the engine and the services a flow calls. The engine evaluates a connector
// step's inputs and calls invoke(); the connector sandbox is the implementation (no real service is
// ever called). Steps that wait for a person return a token; the answer arrives later as a signal.
import type { JsonObject, JsonValue } from "../../../shared/json";

export interface ConnectorCall {
  runId: string;
  /** The step's name in the definition. */
  actionName: string;
  /**
   * The loop path of the step ("" or absent at the top level, "Apply_to_each[3]"). With runId,
   * actionName and attempt it identifies the call: a call sent again after a restart (the engine
   * stopped before it could journal the outcome) carries the same identity.
   */
  iteration?: string;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
  /** "shared_approvals", "shared_dynamicssmbsaas"… */
  connectorId: string;
  operationId: string;
  /** The step's evaluated `inputs.parameters` (legacy ApiConnection steps are mapped to the same form). */
  parameters: JsonObject;
  flow: { id: string; name: string; mode: "test" | "published"; version?: number };
}

export type ConnectorOutcome =
  | { kind: "succeeded"; statusCode: number; body: JsonValue; headers?: Record<string, string> }
  | {
      kind: "failed";
      statusCode: number;
      error: { code: string; message: string };
      body?: JsonValue;
      /** From a 429's Retry-After: the engine waits at least this long before retrying. */
      retryAfterMs?: number;
      /**
       * Trying again cannot help (the sandbox has no such connector or operation): the step fails
       * now instead of waiting through its retry policy for the same answer.
       */
      final?: true;
    }
  | {
      kind: "waiting";
      /** Unique, durable: the signal that ends the wait carries the same token ("approval:42"). */
      token: string;
      /** Shown in the run panel while the step waits ("Waiting for Alicia Thornton to approve"). */
      description: string;
      /** What the step has produced so far (the approval's id and link…), shown while it waits. */
      pending?: JsonValue;
    };

/** The outcome that ends a wait: what the step's outputs become. */
export type FinalOutcome = Exclude<ConnectorOutcome, { kind: "waiting" }>;

export interface ConnectorRuntime {
  invoke(call: ConnectorCall): Promise<ConnectorOutcome> | ConnectorOutcome;
  /**
   * The steps that waited on these tokens will never take an answer: their run ended without it
   * (cancelled, timed out). The service withdraws what only they were waiting for (an approval
   * request, a card), as Power Automate cancels the approval of a cancelled run.
   */
  abandon?(tokens: readonly string[]): void;
}

/**
 * How a service tells the engine that a wait is over. The sandbox calls deliver() inside the same
 * SQLite transaction that records the person's answer, so the two commit together; a signal that
 * arrives before its wait is stored is kept until the wait asks for it.
 */
export interface SignalSink {
  deliver(token: string, outcome: FinalOutcome): void;
}
