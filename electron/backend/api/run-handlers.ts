// runs.*: test runs from the designer and the run journal for the Runs page.
import { notFound, type RunDetail } from "../../../shared/api";
import type { Engine } from "../engine";
import type { TestRuns } from "../runs/test-runs";
import type { TriggerRecords } from "../runs/trigger-records";
import type { Sandbox } from "../sandbox";
import type { Handlers } from "./dispatch";

type RunMethods = Pick<Handlers, `runs.${string}` & keyof Handlers>;

export function runHandlers({
  engine,
  tests,
  triggerRecords,
  sandbox,
}: {
  engine: Engine;
  tests: TestRuns;
  triggerRecords: TriggerRecords;
  sandbox: Sandbox;
}): RunMethods {
  // A picked record is reported as if the connections' user had acted on it.
  const connectionUser = () => {
    const email = sandbox.connectionUser();
    return { email, name: sandbox.getPerson(email)?.displayName ?? email };
  };
  return {
    "runs.start": ({ flowId, source, triggerOutputs, fromRun }) => {
      if (fromRun === undefined) return tests.start(flowId, triggerOutputs ?? null, source);
      const earlier = engine.triggerOutputsOf(fromRun);
      if (earlier === undefined) throw notFound("This earlier run");
      return tests.start(flowId, earlier, source);
    },
    "runs.armTest": ({ flowId, source }) => tests.arm(flowId, source),
    "runs.disarmTest": ({ flowId }) => {
      tests.disarm(flowId);
      return {};
    },
    "runs.triggerSample": ({ flowId, source }) => tests.sample(flowId, source),
    "runs.triggerRecords": ({ flowId, ...options }) => triggerRecords.list(flowId, options),
    "runs.triggerFromRecord": ({ flowId, source, table, id }) =>
      triggerRecords.outputs(flowId, { table, id }, connectionUser(), source),
    "runs.get": ({ runId }) => {
      const run = engine.getRun(runId);
      if (!run) throw notFound("This run");
      return run as unknown as RunDetail;
    },
    "runs.list": (query) => engine.listRuns(query),
    "runs.cancel": ({ runId }) => {
      if (!engine.getRunSummary(runId)) throw notFound("This run");
      return { cancelled: engine.cancelRun(runId) };
    },
    "runs.cancelAll": ({ flowId }) => ({ cancelled: engine.cancelFlowRuns(flowId) }),
    "runs.resubmit": ({ runId }) => {
      if (!engine.getRunSummary(runId)) throw notFound("This run");
      const result = engine.resubmit(runId);
      return result.started
        ? { started: true, runId: result.runId }
        : { started: false, reason: result.reason, message: result.message };
    },
    "runs.resubmitMany": ({ runIds }) => engine.resubmitMany(runIds),
  };
}
