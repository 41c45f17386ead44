import { CheckCircle2, CircleX, Loader2 } from "lucide-react";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import type { InstantFlow, RunStatus } from "../../shared/api";

/** One input of a flow's Run flow form, as the contract carries it. */
export type RunFlowField = InstantFlow["fields"][number];

import type { JsonObject, JsonValue } from "../../shared/json";
import { api } from "../api/client";
import { useApiEvent } from "../api/hooks";
import { t } from "../i18n";
import { RunFlowFormField } from "../runs/RunFlowFormField";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { FormActions } from "../ui/FormActions";

type Outcome =
  | { state: "running"; runId: string }
  | { state: "done"; runId: string; status: RunStatus; message?: string };

/**
 * Business Central's Run flow pane: the flow's inputs (required ones marked and enforced), Continue
 * starts the run (on the selected record(s) from a page's Automate menu; as its maker from the
 * workflow list), then the result and a link to its run.
 */
export function RunFlowPane({
  name,
  fields,
  intro,
  blocked,
  start,
  onClose,
}: {
  name: string;
  fields: readonly RunFlowField[];
  /** What the run is on: "“Block vendor payments” runs on Vendor 10000." */
  intro: string;
  /** Why it cannot run from here (no record selected…): said instead of the form. */
  blocked?: string | undefined;
  start: (inputs: JsonObject) => Promise<{ runId: string }>;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Record<string, JsonValue>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  // The run's end (or its first wait) arrives as an event.
  const onFinished = (payload: { runId: string; status: RunStatus; error: { message: string } | null }) => {
    if (outcome?.state === "running" && payload.runId === outcome.runId) {
      setOutcome({
        state: "done",
        runId: payload.runId,
        status: payload.status,
        ...(payload.error ? { message: payload.error.message } : {}),
      });
    }
  };
  useApiEvent("runs.finished", onFinished);
  useApiEvent("runs.waiting", (payload) => {
    if (outcome?.state === "running" && payload.runId === outcome.runId)
      setOutcome({ state: "done", runId: payload.runId, status: "Waiting" });
  });
  // A fast run may end before the event subscription sees it: look once.
  useEffect(() => {
    if (outcome?.state !== "running") return;
    const timer = setTimeout(() => {
      api.call("runs.get", { runId: outcome.runId }).then(
        (run) => {
          if (run.status !== "Running")
            setOutcome({
              state: "done",
              runId: run.id,
              status: run.status,
              ...(run.error ? { message: run.error.message } : {}),
            });
        },
        () => {},
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [outcome]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing = fields.find((f) => f.required && (values[f.key] === undefined || values[f.key] === ""));
    if (missing) {
      setError(t("automate.required", { title: missing.title }));
      return;
    }
    setBusy(true);
    try {
      const result = await start({ ...values });
      setOutcome({ state: "running", runId: result.runId });
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
          <div className="run-outcome" role="status" data-testid="run-outcome">
            {outcome.state === "running" ? (
              <p>
                <Loader2 size={16} className="spin" aria-hidden="true" /> {t("automate.running")}
              </p>
            ) : outcome.status === "Succeeded" ? (
              <p className="outcome-ok">
                <CheckCircle2 size={16} aria-hidden="true" /> {t("automate.succeeded")}
              </p>
            ) : outcome.status === "Waiting" || outcome.status === "Running" ? (
              <p>{t("automate.waiting")}</p>
            ) : (
              <p className="outcome-failed">
                <CircleX size={16} aria-hidden="true" />{" "}
                {t("automate.failed", { message: outcome.message ?? outcome.status })}
              </p>
            )}
            <Link href={`/runs/${outcome.runId}`} className="button" onClick={onClose}>
              {t("automate.seeRun")}
            </Link>
          </div>
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
          <form className="form" onSubmit={submit} noValidate>
            <p className="muted">{intro}</p>
            {fields.map((field) => (
              <RunFlowFormField
                key={field.key}
                field={field}
                value={values[field.key]}
                onChange={(v) => setValues({ ...values, [field.key]: v })}
              />
            ))}
            <FormActions error={error} submitLabel={t("automate.continue")} busy={busy} onCancel={onClose} />
          </form>
        )}
      </div>
    </Dialog>
  );
}
