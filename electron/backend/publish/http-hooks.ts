// "When an HTTP request is received": a published, enabled flow with this trigger answers at its own
// address on this computer (the hook server, electron/server/hook-server.ts, 127.0.0.1 only). The
// address carries a signature, an HMAC of the flow id with this installation's secret, as Power
// Automate's addresses carry `sig`: whoever has the address can start the flow, nobody can guess it.
// The request becomes the trigger's outputs ({ headers, queries, body }). The caller gets the
// answer of the flow's Response step when it has one (waiting up to two minutes, as Power Automate
// does), and 202 Accepted with the run's id when it has none.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError, type Notice, type WorkflowStatus } from "../../../shared/api";
import { allActions, type WdlDefinition } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import type { AppMeta } from "../app-meta";
import type { Engine } from "../engine";
import { type LiveWorkflow, startsBy } from "./live";

export interface HookRequest {
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The body as received (UTF-8). */
  body: string;
}

export interface HookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpHooksDeps {
  engine: Engine;
  /** The enabled workflow of a flow, on its published version; undefined when it is off or unpublished. */
  enabledWorkflow: (flowId: string) => LiveWorkflow | undefined;
  meta: AppMeta;
  /**
   * A request to an enabled flow was turned away (wrong signature, method or body; a full run
   * queue): its owner sees why in the workflow list, not only the caller.
   */
  refused?: (workflow: { flowId: string; name: string }, reason: string) => void;
  /**
   * A published flow whatever its status: a request to a flow that is off is answered 404, and
   * its owner also sees that it came (it does not start the flow later).
   */
  publishedWorkflow?: (
    flowId: string,
  ) => { flowId: string; name: string; status: WorkflowStatus } | undefined;
  /** How long a caller waits for the Response step (default two minutes). */
  responseTimeoutMs?: number;
  /** Something the person must know (the addresses moved to another port). */
  notify?: (notice: Notice) => void;
}

const SECRET_KEY = "http_hook_secret";
const PORT_KEY = "http_hook_port";
const RESPONSE_TIMEOUT_MS = 120_000;

export class HttpHooks {
  private readonly secret: Buffer;
  private origin: string | undefined;

  constructor(private readonly deps: HttpHooksDeps) {
    let secret = deps.meta.get(SECRET_KEY);
    if (!secret) {
      secret = randomBytes(32).toString("hex");
      deps.meta.set(SECRET_KEY, secret);
    }
    this.secret = Buffer.from(secret, "hex");
  }

  /** The port the hook server listened on last time (addresses stay the same between launches). */
  get preferredPort(): number | undefined {
    const port = Number(this.deps.meta.get(PORT_KEY));
    return Number.isInteger(port) && port > 0 && port < 65_536 ? port : undefined;
  }

  /** The hook server listens at this origin ("http://127.0.0.1:7412"); remembered for the next launch. */
  listening(origin: string, port: number): void {
    this.origin = origin;
    const before = this.preferredPort;
    if (before === port) return;
    this.deps.meta.set(PORT_KEY, String(port));
    if (before !== undefined) {
      this.deps.notify?.({
        id: `http-port-${port}`,
        level: "warning",
        title: "Flows started by an HTTP request have new addresses",
        message: `Port ${before} was taken by another program, so they answer on port ${port} now: copy their addresses again from their triggers in the designer.`,
      });
    }
  }

  /** The flow's address, while it is published, enabled and started by an HTTP request. */
  address(flowId: string): { url: string; method: string | null } {
    const workflow = this.httpWorkflow(flowId);
    if (!workflow) {
      throw new ApiError({
        code: "not_found",
        message: "Publish and enable this flow to get its address: it answers HTTP requests only then.",
      });
    }
    if (!this.origin) {
      throw new ApiError({
        code: "unavailable",
        message: "The HTTP address server is not running, so flows cannot be called from outside now.",
      });
    }
    return {
      url: `${this.origin}/hooks/${encodeURIComponent(flowId)}?sig=${this.signature(flowId)}`,
      method: triggerMethod(workflow),
    };
  }

  /** Answers one request to /hooks/<flowId>?sig=…; never throws. */
  async handle(flowId: string, sig: string | undefined, request: HookRequest): Promise<HookAnswer> {
    const workflow = this.httpWorkflow(flowId);
    const refuse = (answer: HookAnswer, reason: string): HookAnswer => {
      if (workflow)
        this.deps.refused?.(workflow, `an HTTP request was refused (${answer.status}): ${reason}`);
      return answer;
    };
    if (!this.signed(flowId, sig)) {
      const message = "The address is not this flow's: its signature does not match.";
      return refuse(
        hookProblem(401, "Unauthorized", message),
        "its address had a wrong signature (an old or altered address).",
      );
    }
    if (!workflow) {
      const answer = hookProblem(
        404,
        "WorkflowNotFound",
        "No enabled flow answers at this address: it was disabled or unpublished.",
      );
      const off = this.deps.publishedWorkflow?.(flowId);
      if (off && off.status !== "enabled") {
        const why = off.status === "suspended" ? "suspended by the connector policy" : "turned off";
        this.deps.refused?.(
          off,
          `an HTTP request was refused (404): the flow was ${why}; the request will not start it later.`,
        );
      }
      return answer;
    }
    const method = triggerMethod(workflow);
    if (method && method !== request.method.toUpperCase()) {
      const message = `This flow accepts ${method} requests only.`;
      const answer = hookProblem(405, "MethodNotAllowed", message);
      answer.headers.allow = method;
      return refuse(
        answer,
        `it was a ${request.method.toUpperCase()} request, and this flow accepts ${method} requests only.`,
      );
    }
    let body: JsonValue;
    try {
      body = requestBody(request);
    } catch (error) {
      const detail = (error as Error).message;
      const answer = hookProblem(400, "InvalidRequestContent", `The request body is not JSON: ${detail}`);
      return refuse(answer, `its body is not JSON (${detail}).`);
    }
    let started: ReturnType<Engine["startRun"]>;
    try {
      started = this.deps.engine.startRun({
        flow: { id: workflow.flowId, name: workflow.name, version: workflow.version },
        mode: "published",
        definition: workflow.definition,
        triggerName: workflow.facts.name,
        triggerOutputs: { headers: request.headers, queries: request.query, body },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(hookProblem(400, "InvalidRequest", message), message);
    }
    if (!started.started) {
      return started.reason === "queue-full"
        ? refuse(hookProblem(429, "TooManyRuns", started.message), started.message)
        : {
            status: 202,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ message: started.message }),
          };
    }
    const runHeader = { "x-ms-workflow-run-id": started.runId };
    const responses = responseSteps(workflow.definition);
    if (responses.size === 0) return { status: 202, headers: runHeader, body: "" };
    // Listening from here is in time: the run's events come after its first commit, in a later turn.
    const answer = await this.answerOf(started.runId, responses);
    return { ...answer, headers: { ...answer.headers, ...runHeader } };
  }

  /** The flow's enabled workflow when an HTTP request starts it. */
  private httpWorkflow(flowId: string): LiveWorkflow | undefined {
    const workflow = this.deps.enabledWorkflow(flowId);
    return workflow && startsBy(workflow) === "http" ? workflow : undefined;
  }

  private signature(flowId: string): string {
    return createHmac("sha256", this.secret).update(flowId).digest("base64url");
  }

  private signed(flowId: string, sig: string | undefined): boolean {
    if (!sig) return false;
    const expected = Buffer.from(this.signature(flowId));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Waits for the run's Response step (or its end without one, or the timeout). */
  private answerOf(runId: string, responses: Set<string>): Promise<HookAnswer> {
    return new Promise<HookAnswer>((resolve) => {
      const finish = (answer: HookAnswer) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(answer);
      };
      const timer = setTimeout(
        () =>
          finish(
            hookProblem(
              504,
              "ResponseTimeout",
              "The flow did not answer within two minutes; it goes on running.",
            ),
          ),
        this.deps.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS,
      );
      const unsubscribe = this.deps.engine.subscribe((event) => {
        if (event.payload.runId !== runId) return;
        const responded =
          event.event === "run.step" &&
          event.payload.status === "Succeeded" &&
          responses.has(event.payload.action);
        if (!responded && event.event !== "run.finished") return;
        const response = this.deps.engine.getRun(runId)?.response;
        if (isJsonObject(response)) finish(answerFrom(response));
        else if (event.event === "run.finished") {
          finish(
            hookProblem(
              502,
              "NoResponse",
              `The flow ended (${event.payload.status}) without answering: its Response step did not run.`,
            ),
          );
        }
      });
    });
  }
}

function triggerMethod(workflow: LiveWorkflow): string | null {
  const trigger = workflow.definition.triggers?.[workflow.facts.name] as { inputs?: JsonValue } | undefined;
  const method = isJsonObject(trigger?.inputs) ? trigger.inputs.method : undefined;
  return typeof method === "string" && method.trim() !== "" ? method.trim().toUpperCase() : null;
}

/** JSON bodies parsed (by their content type, or by their look when none is given); others as text; none as null. */
function requestBody(request: HookRequest): JsonValue {
  if (request.body.trim() === "") return null;
  const type = request.headers["content-type"] ?? "";
  const looksJson = /^\s*[[{"]/.test(request.body);
  if (type.includes("json") || (type === "" && looksJson)) return JSON.parse(request.body) as JsonValue;
  return request.body;
}

function responseSteps(definition: WdlDefinition): Set<string> {
  return new Set(
    allActions(definition)
      .filter(({ action }) => String(action.type).toLowerCase() === "response")
      .map(({ name }) => name),
  );
}

function answerFrom(response: JsonObject): HookAnswer {
  const headers: Record<string, string> = {};
  if (isJsonObject(response.headers)) {
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== null)
        headers[name.toLowerCase()] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  const body = response.body ?? null;
  if (typeof body === "string") return { status: Number(response.statusCode ?? 200), headers, body };
  if (body !== null) headers["content-type"] ??= "application/json; charset=utf-8";
  return {
    status: Number(response.statusCode ?? 200),
    headers,
    body: body === null ? "" : JSON.stringify(body),
  };
}

/** An error answer: { error: { code, message } }, as Power Automate answers. */
export function hookProblem(status: number, code: string, message: string): HookAnswer {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ error: { code, message } }),
  };
}
