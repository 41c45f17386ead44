// Control actions: If, Switch, Scope, Foreach, Until, Terminate. A container journals its decision
// (branch, case, items, deadline) as its Running row before any action inside it runs, so that a
// replay after a restart takes the same path even when re-evaluating would not.
import { evaluateCondition, evaluateValue } from "../../../../shared/expr";
import type {
  WdlActions,
  WdlForeachAction,
  WdlIfAction,
  WdlScopeAction,
  WdlSwitchAction,
  WdlTerminateAction,
  WdlUntilAction,
} from "../../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../../shared/json";
import type { StepContext } from "../core";
import { parseDurationMs } from "../durations";
import { StepError } from "../errors";
import { UNTIL_DEFAULT_COUNT, UNTIL_DEFAULT_TIMEOUT } from "../limits";
import { childFrame, loopKey } from "../run-state";
import { constantValue } from "../static-values";
import type { Eventually, FinalStatus, ScopeStatus } from "../status";
import type { ErrorInfo } from "../types";
import { typeOfValue } from "../variable-types";

const SCOPE_FAILED: ErrorInfo = {
  code: "ActionFailed",
  message: "An action failed. No dependent actions succeeded.",
};

/** The decision journaled by this container before a restart, if it had started. */
function resumedState(sc: StepContext, leaf = false): JsonObject | undefined {
  const prev = sc.prev;
  if (prev?.status !== "Running" || !isJsonObject(prev.state)) return undefined;
  sc.core.resumeInFlight(sc, prev, leaf);
  return prev.state;
}

function endContainer(sc: StepContext, status: ScopeStatus, outputs?: JsonValue): FinalStatus {
  if (sc.run.stopped) return "Cancelled";
  return sc.core.completeStep(sc, {
    status,
    outputs,
    error: status === "Failed" ? SCOPE_FAILED : null,
  });
}

/** Ends the container once its scope has ended: at once when the scope finished at once. */
function endAfter(
  sc: StepContext,
  scope: Eventually<ScopeStatus>,
  outputs?: JsonValue,
): Eventually<FinalStatus> {
  if (typeof scope === "string") return endContainer(sc, scope, outputs);
  return scope.then((status) => endContainer(sc, status, outputs));
}

// An If's state, inputs and outputs take two values each: made (and their JSON text) once.
const IF_STATE = {
  yes: constantValue({ branch: "yes", expression: true }),
  no: constantValue({ branch: "no", expression: false }),
};
const IF_EXPRESSION = { yes: constantValue({ expression: true }), no: constantValue({ expression: false }) };

export function runIf(sc: StepContext): Eventually<FinalStatus> {
  const action = sc.action as WdlIfAction;
  const yes = action.actions ?? {};
  const no = action.else?.actions ?? {};
  let state: Readonly<JsonObject> | undefined = resumedState(sc);
  if (!state) {
    const result = evaluateCondition(action.expression ?? false, sc.run.contextFor(sc.frame));
    state = result ? IF_STATE.yes : IF_STATE.no;
    const flight = sc.core.beginStep(sc, {
      leaf: false,
      state,
      inputs: result ? IF_EXPRESSION.yes : IF_EXPRESSION.no,
    });
    // The branch not taken is skipped as the condition is decided.
    sc.skipBranch(result ? no : yes, flight.startedAt);
  }
  const taken = state.branch === "yes";
  const outputs = taken ? IF_EXPRESSION.yes : IF_EXPRESSION.no;
  return endAfter(sc, sc.runScope(taken ? yes : no, sc.frame), outputs);
}

/** Switch cases compare as Logic Apps does: strings exactly (case-sensitive), numbers by value. */
export function switchCaseMatches(caseValue: JsonValue | undefined, value: JsonValue): boolean {
  if (caseValue === undefined) return false;
  if (typeof caseValue === typeof value) return caseValue === value;
  if (typeof caseValue === "number" && typeof value === "string")
    return value.trim() !== "" && Number(value) === caseValue;
  if (typeof caseValue === "string" && typeof value === "number") {
    return caseValue.trim() !== "" && Number(caseValue) === value;
  }
  return false;
}

export function runSwitch(sc: StepContext): Eventually<FinalStatus> {
  const action = sc.action as WdlSwitchAction;
  const cases = action.cases ?? {};
  const fallback = action.default?.actions ?? {};
  let state = resumedState(sc);
  if (!state) {
    const value = evaluateValue(action.expression ?? null, sc.run.contextFor(sc.frame));
    if (typeof value !== "string" && typeof value !== "number") {
      throw new StepError(
        "InvalidSwitchValue",
        `The expression of switch '${sc.name}' must produce a string or an integer; it produced ${typeOfValue(value).toLowerCase()}.`,
      );
    }
    const chosen = Object.keys(cases).find((name) => switchCaseMatches(cases[name]?.case, value)) ?? null;
    state = { case: chosen, value };
    const { startedAt } = sc.core.beginStep(sc, { leaf: false, state, inputs: { expression: value } });
    for (const [name, c] of Object.entries(cases)) {
      if (name !== chosen) sc.skipBranch(c.actions ?? {}, startedAt);
    }
    if (chosen !== null) sc.skipBranch(fallback, startedAt);
  }
  const chosen = typeof state.case === "string" ? state.case : null;
  const actions: WdlActions = chosen === null ? fallback : (cases[chosen]?.actions ?? {});
  const outputs: JsonObject = chosen === null ? { default: true } : { case: chosen };
  return endAfter(sc, sc.runScope(actions, sc.frame), outputs);
}

export function runScopeAction(sc: StepContext): Eventually<FinalStatus> {
  const action = sc.action as WdlScopeAction;
  if (!resumedState(sc)) sc.core.beginStep(sc, { leaf: false, state: {} });
  return endAfter(sc, sc.runScope(action.actions ?? {}, sc.frame));
}

export async function runForeach(sc: StepContext): Promise<FinalStatus> {
  const { core, run, frame, name } = sc;
  const action = sc.action as WdlForeachAction;
  let state = resumedState(sc);
  if (!state || !Array.isArray(state.items)) {
    const items = evaluateValue(action.foreach ?? null, run.contextFor(frame));
    if (!Array.isArray(items)) {
      throw new StepError(
        "InvalidForeachInput",
        `The 'foreach' of '${name}' must produce an array; it produced ${typeOfValue(items).toLowerCase()}.`,
      );
    }
    if (items.length > core.limits.maxForeachItems) {
      throw new StepError(
        "ForeachItemLimitExceeded",
        `The 'foreach' of '${name}' has ${items.length.toLocaleString("en-US")} items; a Foreach may go over at most ${core.limits.maxForeachItems.toLocaleString("en-US")}.`,
      );
    }
    state = { items };
    core.beginStep(sc, { leaf: false, state });
  }
  const items = state.items as JsonValue[];
  const body = action.actions ?? {};
  const key = loopKey(frame, name);
  const done = run.iterationsDone.get(key);
  // operationOptions "Sequential" (how Logic Apps writes it) wins over a repetitions setting.
  const sequential = /(^|,)\s*sequential\s*(,|$)/i.test(action.operationOptions ?? "");
  const requested = sequential ? 1 : Number(action.runtimeConfiguration?.concurrency?.repetitions ?? 1);
  const concurrency = Math.max(
    1,
    Math.min(core.limits.maxForeachConcurrency, Number.isFinite(requested) ? Math.trunc(requested) : 1),
  );
  run.loopIterations.set(key, items.length);
  const statuses: FinalStatus[] = [];

  await new Promise<void>((resolve) => {
    let next = 0;
    let running = 0;
    const launch = (): void => {
      while (running < concurrency && next < items.length && !run.stopped) {
        const index = next++;
        const finished = done?.get(index);
        if (finished) {
          statuses[index] = finished.status;
          continue;
        }
        running++;
        const startedAt = core.now();
        // Each iteration ends on a later microtask, even one whose body finished at once: the
        // loop's iterations interleave with parallel branches as they always have.
        Promise.resolve(sc.runScope(body, childFrame(frame, name, index, items[index] ?? null))).then(
          (status) => {
            running--;
            if (run.stopped) return;
            statuses[index] = status;
            core.journal.insertIteration({
              runId: run.id,
              loop: key,
              index,
              status,
              detail: null,
              startedAt,
              endedAt: core.now(),
            });
            launch();
          },
        );
      }
      if (running === 0 && (next >= items.length || run.stopped)) resolve();
    };
    launch();
  });
  if (run.stopped) return "Cancelled";
  return endContainer(sc, statuses.includes("Failed") ? "Failed" : "Succeeded");
}

function untilCount(sc: StepContext, written: JsonValue | undefined): number {
  const value =
    written === undefined ? UNTIL_DEFAULT_COUNT : evaluateValue(written, sc.run.contextFor(sc.frame));
  const count = typeof value === "string" ? Number(value) : value;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new StepError(
      "InvalidUntilLimit",
      `The limit count of '${sc.name}' must be a whole number of at least 1.`,
    );
  }
  const max = sc.core.limits.maxUntilCount;
  if (count > max) {
    throw new StepError(
      "UntilLimitExceeded",
      `The limit count of '${sc.name}' is ${count.toLocaleString("en-US")}; an Until may run at most ${max.toLocaleString("en-US")} times.`,
    );
  }
  return count;
}

function untilTimeout(sc: StepContext, written: JsonValue | undefined): { text: string; ms: number } {
  const value =
    written === undefined ? UNTIL_DEFAULT_TIMEOUT : evaluateValue(written, sc.run.contextFor(sc.frame));
  const ms = typeof value === "string" ? parseDurationMs(value) : undefined;
  if (typeof value !== "string" || ms === undefined) {
    throw new StepError(
      "InvalidUntilLimit",
      `The limit timeout of '${sc.name}' must be an ISO 8601 duration such as PT1H.`,
    );
  }
  return { text: value, ms };
}

/**
 * Until: the body runs, then the condition is evaluated (in the iteration just finished); the loop
 * stops when it holds, after limit.count iterations, or once limit.timeout has passed (checked
 * between iterations). A failed iteration does not stop the loop; the Until takes the status of its
 * last iteration. Reaching the count or the timeout is not a failure (state.stoppedBy says which).
 */
export async function runUntil(sc: StepContext): Promise<FinalStatus> {
  const { core, run, frame, name } = sc;
  const action = sc.action as WdlUntilAction;
  let state = resumedState(sc);
  if (!state || typeof state.count !== "number" || typeof state.deadline !== "number") {
    const limit = (action.limit ?? {}) as JsonObject;
    const count = untilCount(sc, limit.count);
    const timeout = untilTimeout(sc, limit.timeout);
    state = { count, timeout: timeout.text, deadline: core.now() + timeout.ms };
    core.beginStep(sc, { leaf: false, state });
  }
  const count = state.count as number;
  const deadline = state.deadline as number;
  const body = action.actions ?? {};
  const key = loopKey(frame, name);
  const done = run.iterationsDone.get(key);
  let index = 0;
  let last: FinalStatus = "Succeeded";
  let stoppedBy: string | null = null;
  for (;;) {
    const finished = done?.get(index);
    if (!finished) break;
    last = finished.status;
    run.loopIterations.set(key, index + 1);
    index++;
    const stop = isJsonObject(finished.detail) ? finished.detail.stop : null;
    if (typeof stop === "string") {
      stoppedBy = stop;
      break;
    }
  }
  while (stoppedBy === null) {
    run.loopIterations.set(key, index + 1);
    const iteration = childFrame(frame, name, index, undefined);
    const startedAt = core.now();
    last = await sc.runScope(body, iteration);
    if (run.stopped) return "Cancelled";
    let met: boolean;
    try {
      met = evaluateCondition(action.expression ?? false, run.contextFor(iteration));
    } catch (error) {
      core.journal.insertIteration({
        runId: run.id,
        loop: key,
        index,
        status: last,
        detail: JSON.stringify({ stop: "error" }),
        startedAt,
        endedAt: core.now(),
      });
      throw error;
    }
    const stop = met ? "condition" : index + 1 >= count ? "count" : core.now() >= deadline ? "timeout" : null;
    core.journal.insertIteration({
      runId: run.id,
      loop: key,
      index,
      status: last,
      detail: JSON.stringify({ done: met, stop }),
      startedAt,
      endedAt: core.now(),
    });
    stoppedBy = stop;
    index++;
  }
  if (run.stopped) return "Cancelled";
  return sc.core.completeStep(sc, {
    status: last === "Failed" ? "Failed" : "Succeeded",
    state: { ...state, iterations: index, stoppedBy },
    outputs: { iterations: index, stoppedBy },
    error: last === "Failed" ? SCOPE_FAILED : null,
  });
}

export function runTerminate(sc: StepContext): FinalStatus {
  const action = sc.action as WdlTerminateAction;
  const inputs = evaluateValue((action.inputs ?? {}) as JsonValue, sc.run.contextFor(sc.frame));
  const fields = isJsonObject(inputs) ? inputs : {};
  const written = String(fields.runStatus ?? "").toLowerCase();
  const runStatus =
    written === "succeeded"
      ? "Succeeded"
      : written === "failed"
        ? "Failed"
        : written === "cancelled"
          ? "Cancelled"
          : null;
  if (runStatus === null) {
    throw new StepError(
      "InvalidTerminateStatus",
      `Terminate '${sc.name}' needs a run status of Succeeded, Failed or Cancelled, not '${String(fields.runStatus ?? "")}'.`,
    );
  }
  const status = sc.core.completeStep(sc, { status: "Succeeded", inputs });
  let error: ErrorInfo | null = null;
  if (runStatus === "Failed") {
    const runError = isJsonObject(fields.runError) ? fields.runError : {};
    error = {
      code: typeof runError.code === "string" && runError.code !== "" ? runError.code : "Terminated",
      message:
        typeof runError.message === "string" && runError.message !== ""
          ? runError.message
          : `The run was terminated by '${sc.name}' with status Failed.`,
    };
  }
  sc.core.endRun(sc.run, runStatus, error);
  return status;
}
