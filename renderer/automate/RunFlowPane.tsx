import { CheckCircle2, CircleX, Loader2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Link } from "wouter";
import type { InstantFlow, RunStatus } from "../../shared/api";

/** One input of a flow's Run flow form, as the contract carries it. */
export type RunFlowField = InstantFlow["fields"][number];

import type { JsonObject } from "../../shared/json";
import { api } from "../api/client";
import { useApiEvent } from "../api/hooks";
import { t } from "../i18n";
import { RunFlowFormFields } from "../runs/RunFlowFormField";
import { useRunFlowForm } from "../runs/use-run-flow-form";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { FormActions } from "../ui/FormActions";

/** What one run of the pane is doing: its status, and what it waits for or why it failed. */
interface RunState {
  status: RunStatus;
  message?: string;
}
type Outcome = { runIds: string[]; runs: Record<string, RunState> };

/** Waits on a person (an approval, a card) are "waiting"; a retry's or a delay's pause is still running. */
const PERSON_WAITS = new Set(["approval", "card"]);

/**
 * Business Central's Run flow pane: the flow's inputs (required ones marked and enforced), Continue
 * starts the run (on each selected record from a page's Automate menu; as its maker from the
 * workflow list), then how the run (or each of the runs) goes, live, with the way to it.
 */
export function RunFlowPane({
  flowId,
  name,
  fields,
  intro,
  blocked,
  start,
  onClose,
}: {
  flowId: string;
  name: string;
  fields: readonly RunFlowField[];
  /** What the run is on: "“Block vendor payments” runs on Vendor 10000." */
  intro: string;
  /** Why it cannot run from here (no record selected…): said instead of the form. */
  blocked?: string | undefined;
  start: (inputs: JsonObject) => Promise<{ runId: string; runIds?: string[] }>;
  onClose: () => void;
}) {
  const form = useRunFlowForm(fields);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const update = useCallback(
    (runId: string, state: RunState) =>
      setOutcome((current) =>
        current?.runs[runId] ? { ...current, runs: { ...current.runs, [runId]: state } } : current,
      ),
    [],
  );

  // The runs' ends and their waits for a person arrive as events, however long they take.
  useApiEvent("runs.finished", (payload) =>
    update(payload.runId, {
      status: payload.status,
      ...(payload.error ? { message: payload.error.message } : {}),
    }),
  );
  useApiEvent("runs.waiting", (payload) => {
    if (PERSON_WAITS.has(payload.kind))
      update(payload.runId, {
        status: "Waiting",
        ...(payload.description ? { message: payload.description } : {}),
      });
  });
  // A fast run may end before the event subscription sees it: look once at each.
  const started = outcome?.runIds.join(",");
  useEffect(() => {
    if (!started) return;
    const timer = setTimeout(() => {
      for (const runId of started.split(",")) {
        api.call("runs.get", { runId }).then(
          (run) => {
            if (run.status === "Running") return;
            const wait = run.waits[0];
            if (run.status === "Waiting" && wait && !PERSON_WAITS.has(wait.kind)) return;
            update(run.id, {
              status: run.status,
              ...(run.error
                ? { message: run.error.message }
                : wait?.description
                  ? { message: wait.description }
                  : {}),
            });
          },
          () => {},
        );
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [started, update]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    // Every problem at once, each under its field, the first focused; none: the flow's inputs.
    const inputs = form.check();
    if (!inputs) return;
    setBusy(true);
    try {
      const result = await start(inputs);
      const runIds = result.runIds && result.runIds.length > 0 ? result.runIds : [result.runId];
      setOutcome({
        runIds,
        runs: Object.fromEntries(runIds.map((id) => [id, { status: "Running" as const }])),
      });
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("automate.runTitle")} onClose={onClose}>
      <div data-testid="run-flow-pane" className="form">
        <p>
          <strong>{name}</strong>
        </p>
        {outcome ? (
          <RunOutcome flowId={flowId} outcome={outcome} onClose={onClose} />
        ) : blocked ? (
          <>
            <p className="muted" data-testid="run-blocked">
              {blocked}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={onClose}>
                {t("common.close")}
              </button>
            </div>
          </>
        ) : (
          <form className="form run-flow-form" onSubmit={submit} noValidate>
            <p className="muted">{intro}</p>
            <RunFlowFormFields form={form} />
            {/* Kept in view at the dialog's foot however long the form, with the summary of its problems. */}
            <div className="run-flow-actions">
              <FormActions
                error={form.summary ?? error}
                submitLabel={t("automate.continue")}
                busy={busy}
                onCancel={onClose}
              />
            </div>
          </form>
        )}
      </div>
    </Dialog>
  );
}

/** How the run went (or, for several, how many did what), and the way to it or them. */
function RunOutcome({ flowId, outcome, onClose }: { flowId: string; outcome: Outcome; onClose: () => void }) {
  const [first] = outcome.runIds;
  if (outcome.runIds.length === 1 && first) {
    const run = outcome.runs[first] ?? { status: "Running" };
    return (
      <div className="run-outcome" role="status" data-testid="run-outcome">
        {run.status === "Running" ? (
          <p>
            <Loader2 size={16} className="spin" aria-hidden="true" /> {t("automate.running")}
          </p>
        ) : run.status === "Succeeded" ? (
          <p className="outcome-ok">
            <CheckCircle2 size={16} aria-hidden="true" /> {t("automate.succeeded")}
          </p>
        ) : run.status === "Waiting" ? (
          <p>{run.message ? t("automate.waitingFor", { what: run.message }) : t("automate.waiting")}</p>
        ) : (
          <p className="outcome-failed">
            <CircleX size={16} aria-hidden="true" />{" "}
            {t("automate.failed", { message: run.message ?? run.status })}
          </p>
        )}
        {/* "~": from the sandbox's own routes too. */}
        <Link href={`~/runs/${first}`} className="button" onClick={onClose}>
          {t("automate.seeRun")}
        </Link>
      </div>
    );
  }
  const counts = new Map<RunStatus, number>();
  for (const id of outcome.runIds) {
    const status = outcome.runs[id]?.status ?? "Running";
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const parts = [...counts].map(([status, count]) =>
    t("automate.statusCount", { count, status: status.toLowerCase() }),
  );
  const running = counts.has("Running");
  return (
    <div className="run-outcome" role="status" data-testid="run-outcome">
      <p className={counts.get("Failed") ? "outcome-failed" : running ? undefined : "outcome-ok"}>
        {running && <Loader2 size={16} className="spin" aria-hidden="true" />}{" "}
        {t("automate.many", { count: outcome.runIds.length, summary: parts.join(", ") })}
      </p>
      <Link href={`~/runs?flow=${flowId}&mode=published`} className="button" onClick={onClose}>
        {t("automate.seeRuns")}
      </Link>
    </div>
  );
}
