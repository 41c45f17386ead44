// Testing a flow from a canvas: the draft from the designer, a published version from its read-only
// page. Starts the test (or arms it for the sandbox event), follows the run it started, and gives
// the canvas its step statuses; the banner and the run panel that go with it.
import { useEffect, useMemo } from "react";
import { useLocation } from "wouter";
import type { RunDetail, RunSource } from "../../../shared/api";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { RunPanel } from "../../runs/RunPanel";
import { stepStatuses, testKey, useRuns } from "../../runs/run-store";
import { toast } from "../../ui/toasts";
import type { TestChoice } from "./TestDialog";

export interface FlowTest {
  /** What the test runs: the draft, or this version. */
  source: RunSource;
  /** What to do in the sandbox; notMatched: why the last matching event started nothing (its conditions). */
  armed: { hint: string; notMatched?: string } | undefined;
  run: RunDetail | undefined;
  statuses: Map<string, string>;
  /** Starts (or arms) the test; false when the engine refused to start it (the person was told). */
  start(choice: TestChoice): Promise<boolean>;
  stopWaiting(): Promise<void>;
  closeRun(): void;
}

export function useFlowTest(flowId: string, version: number | null, flowName: string): FlowTest {
  const key = testKey(flowId, version);
  const source = useMemo((): RunSource => (version === null ? { draft: true } : { version }), [version]);
  const armed = useRuns((s) => s.armed[key]);
  const runId = useRuns((s) => s.watching[key]);
  const run = useRuns((s) => (runId ? s.details[runId] : undefined));
  const statuses = useMemo(() => stepStatuses(run), [run]);
  const note = useRuns((s) => s.armNotes[key]);
  useEffect(() => {
    // The event used the test up without starting a run (the store disarmed it): say why.
    if (note?.outcome !== "not-started") return;
    useRuns.getState().clearArmNote(key);
    toast.error(t("runs.notStarted", { message: note.message }));
  }, [note, key]);

  return {
    source,
    armed: armed && { ...armed, ...(note?.outcome === "waiting" ? { notMatched: note.message } : {}) },
    run,
    statuses,
    async start(choice) {
      if (choice.kind === "perform") {
        const result = await api.call("runs.armTest", { flowId, source });
        useRuns.getState().arm(key, { flowId, version, flowName, hint: result.hint });
        useRuns.getState().unwatch(key);
        return true;
      }
      const result = await api.call("runs.start", {
        flowId,
        source,
        ...(choice.kind === "fromRun"
          ? { fromRun: choice.runId }
          : { triggerOutputs: choice.triggerOutputs }),
      });
      if (!result.started) {
        toast.error(t("runs.notStarted", { message: result.message }));
        return false;
      }
      useRuns.getState().watch(key, result.runId);
      return true;
    },
    async stopWaiting() {
      useRuns.getState().disarm(key);
      await api.call("runs.disarmTest", { flowId }).catch(() => {});
    },
    closeRun() {
      useRuns.getState().unwatch(key);
    },
  };
}

/** "Waiting for the trigger": what to do in the sandbox, and a way out. */
export function ArmedBanner({ test }: { test: FlowTest }) {
  const [, navigate] = useLocation();
  if (!test.armed) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="test-armed">
      <div>
        <strong>{t("test.waitingFor")}</strong>
        <p>{test.armed.hint}</p>
        {test.armed.notMatched && (
          <p className="armed-not-matched" data-testid="test-not-matched">
            {t("test.notMatched", { message: test.armed.notMatched })}
          </p>
        )}
      </div>
      <div className="banner-actions">
        <button type="button" className="button" onClick={() => navigate("/sandbox")}>
          {t("test.openSandbox")}
        </button>
        <button type="button" className="button" onClick={() => void test.stopWaiting()}>
          {t("test.stopWaiting")}
        </button>
      </div>
    </div>
  );
}

/** The run panel of the test being watched, under the canvas. */
export function TestRunPanel({
  test,
  selectedNode,
  onSelectNode,
}: {
  test: FlowTest;
  selectedNode: string | undefined;
  onSelectNode: (nodeId: string) => void;
}) {
  const [, navigate] = useLocation();
  const { run } = test;
  if (!run) return null;
  return (
    <RunPanel
      run={run}
      selectedNode={selectedNode}
      onSelectNode={onSelectNode}
      onCancel={async () => {
        await api.call("runs.cancel", { runId: run.id });
        toast.info(t("runs.cancelled"));
      }}
      onResubmit={async () => {
        const result = await api.call("runs.resubmit", { runId: run.id });
        if (result.started) useRuns.getState().watch(testKey(run.flowId, run.flowVersion), result.runId);
        else toast.error(t("runs.notStarted", { message: result.message }));
      }}
      onOpen={() => navigate(`/runs/${run.id}`)}
      onClose={test.closeRun}
      resizable
    />
  );
}
