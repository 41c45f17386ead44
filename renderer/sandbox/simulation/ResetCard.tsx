import { RotateCcw } from "lucide-react";
import { useState } from "react";
import type { LostWaitRun } from "../../../shared/api";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { describeError } from "../../ui/errors";
import { toast } from "../../ui/toasts";
import { useSandbox } from "../sandbox-store";
import { LostRuns, useCancelledRunsToast } from "./LostRuns";

/** Reset to the demo data, after saying what goes (and which waiting runs it cancels). */
export function ResetCard() {
  // The runs the reset would cancel, asked for before the question opens.
  const [lostRuns, setLostRuns] = useState<LostWaitRun[]>();
  const [asking, setAsking] = useState(false);
  const company = useSandbox((s) => s.overview?.company ?? "");
  const cancelledToast = useCancelledRunsToast();
  const ask = async () => {
    setAsking(true);
    try {
      setLostRuns((await api.call("sandbox.resetPreview", {})).runs);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setAsking(false);
    }
  };
  return (
    <section className="sbx-panel" aria-labelledby="sbx-reset-title">
      <h3 id="sbx-reset-title">{t("sandbox.reset.title")}</h3>
      <p className="muted">{t("sandbox.reset.body", { company })}</p>
      <div>
        <button type="button" className="button" disabled={asking} onClick={() => void ask()}>
          <RotateCcw size={16} aria-hidden="true" />
          {t("sandbox.reset.action")}
        </button>
      </div>
      {lostRuns && (
        <ConfirmDialog
          title={t("sandbox.reset.confirm.title")}
          body={t("sandbox.reset.confirm.body")}
          details={
            <LostRuns runs={lostRuns} summary={t("sandbox.reset.lostRuns", { count: lostRuns.length })} />
          }
          confirmLabel={t("sandbox.reset.action")}
          danger
          onClose={() => setLostRuns(undefined)}
          onConfirm={async () => {
            const { cancelled } = await api.call("sandbox.reset", {});
            setLostRuns(undefined);
            toast.success(t("sandbox.reset.done"));
            cancelledToast(cancelled);
          }}
        />
      )}
    </section>
  );
}
