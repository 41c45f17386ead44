import { useLocation } from "wouter";
import type { LostWaitRun } from "../../../shared/api";
import { t } from "../../i18n";
import { ConfirmList } from "../../ui/ConfirmList";
import { toast } from "../../ui/toasts";

/**
 * Under a reset's or a restore's question: the runs it would cancel, because the approval or the
 * Teams card they wait on would be gone. Nothing when there are none.
 */
export function LostRuns({ runs, summary }: { runs: readonly LostWaitRun[]; summary: string }) {
  if (runs.length === 0) return null;
  return (
    <>
      <p role="note">{summary}</p>
      <ConfirmList
        testId="runs-to-cancel"
        items={runs.map((run) => ({
          id: run.runId,
          name: run.flowName,
          detail: run.waitsOn === "card" ? t("sandbox.lostRuns.card") : t("sandbox.lostRuns.approval"),
        }))}
      />
    </>
  );
}

/** After a reset or a restore: says how many waiting runs it cancelled, with the way to Runs. */
export function useCancelledRunsToast(): (cancelled: number) => void {
  const [, navigate] = useLocation();
  return (cancelled) => {
    if (cancelled === 0) return;
    toast.info(t("sandbox.lostRuns.cancelled", { count: cancelled }), {
      label: t("nav.runs"),
      run: () => navigate("~/runs"),
    });
  };
}
