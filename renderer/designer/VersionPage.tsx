import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { ArrowLeft, FlaskConical, GitCompare, History, RotateCcw } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import type { VersionDetail } from "../../shared/api";
import { api } from "../api/client";
import { useDocumentTitle } from "../app/document-title";
import { t } from "../i18n";
import { resolveTheme, useSettings } from "../settings/settings-store";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { describeError } from "../ui/errors";
import { VersionsDialog } from "../workflows/VersionsDialog";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { ChangesPanel, type CompareWith } from "./compare/ChangesPanel";
import { changeMarks } from "./compare/change-marks";
import { draftOf, useComparison, versionBefore } from "./compare/use-comparison";
import { PanelResizers } from "./PanelResizer";
import { panelWidthStyle, usePanelWidths } from "./panel-widths";
import { PropertiesPanel } from "./properties/PropertiesPanel";
import { DesignerContext, useDesigner, useDesignerStore } from "./state/context";
import { createDesignerStore } from "./state/designer-store";
import { type TestChoice, TestDialog } from "./test/TestDialog";
import { ArmedBanner, type FlowTest, TestRunPanel, useFlowTest } from "./test/use-flow-test";

const NO_BADGES = new Map();
const NO_MARKS = new Map();

/** A published version, read-only: what runs (or ran), to compare with the draft or restore it. */
export function VersionPage({ id, version }: { id: string; version: number }) {
  const [detail, setDetail] = useState<VersionDetail>();
  const [error, setError] = useState<string>();
  const [history, setHistory] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [, navigate] = useLocation();
  const [testOpen, setTestOpen] = useState(false);
  // "?changes=previous" or "?changes=draft" (the Versions dialog's Changes) opens the panel at once.
  const asked = new URLSearchParams(useSearch()).get("changes");
  const [compare, setCompare] = useState<{ open: boolean; with: CompareWith }>(() => ({
    open: asked === "previous" || asked === "draft",
    with: asked === "draft" ? "draft" : "previous",
  }));
  const test = useFlowTest(id, version, detail?.name ?? "");
  useDocumentTitle(detail ? `${detail.name} (${t("runs.kind.version", { version })})` : undefined);
  useEffect(() => {
    api
      .call("publish.version", { flowId: id, version })
      .then(setDetail, (e: unknown) => setError(describeError(e)));
  }, [id, version]);
  const store = useMemo(
    () =>
      detail &&
      createDesignerStore(
        {
          id,
          name: detail.name,
          kind: detail.kind,
          revision: 1,
          triggerName: "",
          triggerType: "",
          createdAt: detail.publishedAt,
          updatedAt: detail.publishedAt,
          definition: detail.definition,
          designer: detail.designer,
        },
        { readOnly: true },
      ),
    [detail, id],
  );
  if (error) {
    return (
      <div className="page">
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      </div>
    );
  }
  if (!detail || !store) return <p className="page muted">{t("common.loading")}</p>;
  return (
    <DesignerContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="designer">
          <header className="designer-header">
            <Link
              href={`/flows/${id}`}
              className="icon-button"
              aria-label={t("versions.backToDraft")}
              title={t("versions.backToDraft")}
            >
              <ArrowLeft size={18} />
            </Link>
            <h1 className="run-title">{detail.name}</h1>
            <span className="tag" data-testid="read-only-version">
              {t("versions.readOnly", { version })}
            </span>
            {detail.current && (
              <span className="tag" data-testid="version-runs">
                {t(detail.status === "enabled" ? "versions.current" : "versions.currentOff")}
              </span>
            )}
            <span className="muted">{detail.note}</span>
            <div className="designer-actions">
              <button
                type="button"
                className="button"
                aria-pressed={compare.open}
                onClick={() => setCompare((c) => ({ ...c, open: !c.open }))}
              >
                <GitCompare size={16} aria-hidden="true" /> {t("versions.changes")}
              </button>
              <button type="button" className="button" onClick={() => setHistory(true)}>
                <History size={16} aria-hidden="true" /> {t("publish.versions")}
              </button>
              <button type="button" className="button" onClick={() => setRestoring(true)}>
                <RotateCcw size={16} aria-hidden="true" /> {t("versions.restore")}
              </button>
              <button type="button" className="button primary" onClick={() => setTestOpen(true)}>
                <FlaskConical size={16} aria-hidden="true" /> {t("test.version")}
              </button>
            </div>
          </header>
          <ArmedBanner test={test} />
          <VersionBody test={test} flowId={id} version={version} compare={compare} onCompare={setCompare} />
        </div>
        {history && <VersionsDialog flowId={id} name={detail.name} onClose={() => setHistory(false)} />}
        {restoring && (
          // Done by the designer, where one Undo brings back the draft it replaces.
          <ConfirmDialog
            title={t("versions.restoreTitle", { version })}
            body={t("versions.restoreBody", { version })}
            confirmLabel={t("versions.restore")}
            onClose={() => setRestoring(false)}
            onConfirm={async () => {
              setRestoring(false);
              navigate(`/flows/${id}?restore=${version}`);
            }}
          />
        )}
        {testOpen && (
          <TestDialog
            source={test.source}
            onClose={() => setTestOpen(false)}
            onTest={async (choice: TestChoice) => {
              if (await test.start(choice)) setTestOpen(false);
            }}
          />
        )}
      </ReactFlowProvider>
    </DesignerContext.Provider>
  );
}

interface CompareState {
  open: boolean;
  with: CompareWith;
}

function VersionBody({
  test,
  flowId,
  version,
  compare,
  onCompare,
}: {
  test: FlowTest;
  flowId: string;
  version: number;
  compare: CompareState;
  onCompare: (next: CompareState) => void;
}) {
  const store = useDesignerStore();
  const reactFlow = useReactFlow();
  const theme = useSettings((s) => s.settings.theme);
  const panelOpen = useDesigner((s) => s.panelOpen);
  const selected = useDesigner((s) => s.selected);
  const definition = useDesigner((s) => s.definition);
  const panelSizes = usePanelWidths();
  // Loaded once the panel is first opened; the canvas keeps its marks while the panel is open.
  const comparison = useComparison(
    compare.open ? `${compare.with}:${version}` : "closed",
    () =>
      !compare.open
        ? Promise.resolve(null)
        : compare.with === "previous"
          ? versionBefore(flowId, version)
          : draftOf(flowId),
    definition,
    compare.with === "previous" ? "base-first" : "base-last",
  );
  const marks = useMemo(
    () =>
      compare.open && comparison.state === "ready"
        ? changeMarks(comparison.diff, compare.with === "previous" ? "newer" : "older")
        : NO_MARKS,
    [compare, comparison],
  );
  const showStep = useCallback(
    (nodeId: string) => {
      store.getState().select(nodeId);
      if (reactFlow.getInternalNode(nodeId))
        void reactFlow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1, duration: 250, padding: 0.6 });
    },
    [store, reactFlow],
  );
  const side = compare.open ? "compare" : panelOpen ? "properties" : undefined;
  return (
    <div
      className={side ? "designer-body with-panel" : "designer-body"}
      style={panelWidthStyle(panelSizes.widths)}
    >
      <div className="designer-center">
        <PanelResizers palette={false} panel={side !== undefined} sizes={panelSizes} />
        <FlowCanvas
          dark={resolveTheme(theme) === "dark"}
          badges={NO_BADGES}
          statuses={test.statuses}
          changes={marks}
        />
        <TestRunPanel
          test={test}
          selectedNode={selected}
          onSelectNode={(id) => store.getState().select(id)}
        />
      </div>
      {side === "compare" && (
        <ChangesPanel
          version={version}
          compareWith={compare.with}
          onCompareWith={(value) => onCompare({ open: true, with: value })}
          comparison={comparison}
          onShowStep={showStep}
          onClose={() => onCompare({ ...compare, open: false })}
        />
      )}
      {side === "properties" && <PropertiesPanel findings={[]} />}
    </div>
  );
}
