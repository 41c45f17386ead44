import { ReactFlowProvider } from "@xyflow/react";
import { ArrowLeft, Workflow } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import type { RunDetail } from "../../shared/api";
import { actionNodeId } from "../../shared/flow";
import { api } from "../api/client";
import { useDocumentTitle } from "../app/document-title";
import { FlowCanvas } from "../designer/canvas/FlowCanvas";
import { DesignerContext, useDesigner, useDesignerStore } from "../designer/state/context";
import { createDesignerStore } from "../designer/state/designer-store";
import { t } from "../i18n";
import { resolveTheme, useSettings } from "../settings/settings-store";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { RunPanel } from "./RunPanel";
import { stepStatuses, useRuns } from "./run-store";

const NO_BADGES = new Map();

/** One run: the flow as it was when the run started, coloured by the run, and its journal. */
export function RunPage({ id }: { id: string }) {
  const run = useRuns((s) => s.details[id]);
  const [error, setError] = useState<string>();
  const [, navigate] = useLocation();
  useDocumentTitle(run ? `${t("runs.panel")}: ${run.flowName}` : undefined);
  useEffect(() => {
    useRuns
      .getState()
      .load(id)
      .then((detail) => setError(detail ? undefined : t("runs.notFound")));
  }, [id]);

  if (error && !run) {
    return (
      <div className="page">
        <div className="banner banner-error" role="alert">
          {error}
        </div>
        <Link href="/runs" className="button">
          <ArrowLeft size={16} aria-hidden="true" /> {t("runs.back")}
        </Link>
      </div>
    );
  }
  if (!run) return <p className="page muted">{t("common.loading")}</p>;
  return (
    <div className="designer run-page">
      <header className="designer-header">
        <Link href="/runs" className="icon-button" aria-label={t("runs.back")} title={t("runs.back")}>
          <ArrowLeft size={18} />
        </Link>
        <h1 className="run-title">{run.flowName}</h1>
        <span className="muted">
          {run.flowVersion === null ? (
            t("runs.kind.draft")
          ) : (
            // The version as published, read-only: what ran, and what it changed from the one before.
            <Link href={`/flows/${run.flowId}/versions/${run.flowVersion}`} data-testid="run-version">
              {t("runs.kind.version", { version: run.flowVersion })}
            </Link>
          )}{" "}
          · {t("runs.definitionNote")}
        </span>
        <div className="designer-actions">
          <Link href={`/flows/${run.flowId}`} className="button">
            <Workflow size={16} aria-hidden="true" /> {t("runs.openInDesigner")}
          </Link>
        </div>
      </header>
      <RunView run={run} onResubmitted={(runId) => navigate(`/runs/${runId}`)} />
    </div>
  );
}

function RunView({ run, onResubmitted }: { run: RunDetail; onResubmitted: (runId: string) => void }) {
  // A read-only designer store over the run's own copy of the definition.
  const store = useMemo(
    () =>
      createDesignerStore(
        {
          id: run.flowId,
          name: run.flowName,
          kind: "automated",
          revision: 1,
          triggerName: run.triggerName,
          triggerType: "",
          createdAt: run.startedAt,
          updatedAt: run.startedAt,
          definition: run.definition as never,
          designer: {},
        },
        { readOnly: true },
      ),
    [run.flowId, run.flowName, run.triggerName, run.startedAt, run.definition],
  );
  return (
    <DesignerContext.Provider value={store}>
      <ReactFlowProvider>
        <RunBody run={run} onResubmitted={onResubmitted} />
      </ReactFlowProvider>
    </DesignerContext.Provider>
  );
}

function RunBody({ run, onResubmitted }: { run: RunDetail; onResubmitted: (runId: string) => void }) {
  const theme = useSettings((s) => s.settings.theme);
  const store = useDesignerStore();
  const selected = useDesigner((s) => s.selected);
  const statuses = useMemo(() => stepStatuses(run), [run]);
  return (
    <div className="designer-body">
      <div className="designer-center">
        <FlowCanvas dark={resolveTheme(theme) === "dark"} badges={NO_BADGES} statuses={statuses} />
        <RunPanel
          run={run}
          selectedNode={selected}
          onSelectNode={(id) => store.getState().select(id)}
          onCancel={async () => {
            await api.call("runs.cancel", { runId: run.id });
            toast.info(t("runs.cancelled"));
          }}
          onResubmit={async () => {
            try {
              const result = await api.call("runs.resubmit", { runId: run.id });
              if (result.started) {
                toast.success(t("runs.resubmitted"));
                onResubmitted(result.runId);
              } else toast.error(t("runs.notStarted", { message: result.message }));
            } catch (e) {
              toast.error(describeError(e));
            }
          }}
        />
      </div>
    </div>
  );
}

export { actionNodeId };
