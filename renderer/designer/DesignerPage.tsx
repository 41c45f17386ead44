import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import {
  ArchiveRestore,
  ArrowLeft,
  Copy,
  Download,
  FlaskConical,
  History,
  Trash2,
  Upload,
} from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import type { Flow } from "../../shared/api";
import { applyFix, type Finding } from "../../shared/checker";
import type { OperationDeclaration } from "../../shared/connectors";
import {
  actionNameOfNodeId,
  actionNodeId,
  copyActions,
  definitionAsJson,
  type InsertionPoint,
} from "../../shared/flow";
import { api } from "../api/client";
import { isEditableTarget, useCommand } from "../app/commands";
import { useDocumentTitle } from "../app/document-title";
import { DeleteFlowDialog, restoreFlow } from "../flows/delete-flow";
import { useFlows } from "../flows/flows-store";
import { KindIcon, kindLabel } from "../flows/kinds";
import { t } from "../i18n";
import { resolveTheme, useSettings } from "../settings/settings-store";
import { describeError, isConflict } from "../ui/errors";
import { toast } from "../ui/toasts";
import { useMediaQuery } from "../ui/use-media-query";
import { downloadText } from "../workflows/download";
import { VersionsDialog } from "../workflows/VersionsDialog";
import { useCanvasMenu } from "./CanvasContextMenu";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { focusCanvas, focusCard } from "./canvas/focus-card";
import { CheckerPanel } from "./checker/CheckerPanel";
import { badgesOf, useCheck } from "./checker/use-check";
import { ConflictChangesDialog } from "./compare/ConflictChangesDialog";
import { FindBox } from "./FindBox";
import { FlowName } from "./FlowName";
import { PanelResizers } from "./PanelResizer";
import { InsertPicker } from "./palette/InsertPicker";
import { Palette } from "./palette/Palette";
import { panelWidthStyle, usePanelWidths } from "./panel-widths";
import { PropertiesPanel } from "./properties/PropertiesPanel";
import { readSandboxNames } from "./properties/use-sandbox-names";
import { DraftState } from "./publish/DraftState";
import { PublishDialog } from "./publish/PublishDialog";
import { flushSave, useAutosave } from "./state/autosave";
import { readSteps, writeSteps } from "./state/clipboard";
import { DesignerContext, useDesigner, useDesignerStore } from "./state/context";
import { createDesignerStore, type DesignerStore, RENAME_FIELD } from "./state/designer-store";
import {
  addParallelBranch,
  deleteSteps,
  duplicateStep,
  endOfFlow,
  insertOperation,
  nudgeStep,
  pasteAt,
  selectedStepNames,
} from "./state/edits";
import { useFieldUndo } from "./state/field-undo";
import { type FoundStep, hiddenBy, paddingClearOf } from "./state/find-steps";
import { graphOf } from "./state/graph-cache";
import { type Direction, nearestCard } from "./state/keyboard";
import { Toolbar } from "./Toolbar";
import { type TestChoice, TestDialog } from "./test/TestDialog";
import { ArmedBanner, TestRunPanel, useFlowTest } from "./test/use-flow-test";

type Load =
  | { state: "loading" }
  | { state: "ready"; store: DesignerStore }
  | { state: "failed"; message: string; inRecycleBin: boolean };

export function DesignerPage({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });

  const open = useCallback(async () => {
    try {
      const flow = await api.call("flows.get", { id });
      setLoad({
        state: "ready",
        store: createDesignerStore(flow, { onEditError: (message) => toast.error(message) }),
      });
    } catch (error) {
      // A flow in the recycle bin can be restored right here, where the person wanted it.
      const deleted = await api.call("flows.listDeleted", {}).catch(() => []);
      setLoad({
        state: "failed",
        message: describeError(error),
        inRecycleBin: deleted.some((flow) => flow.id === id),
      });
    }
  }, [id]);
  const [, navigate] = useLocation();
  // The sandbox's company, teams and channels, for the choices of the properties panel.
  useEffect(() => {
    void readSandboxNames();
  }, []);
  useEffect(() => {
    setLoad({ state: "loading" });
    void open();
  }, [open]);

  if (load.state === "loading") return <p className="page muted">{t("designer.loading")}</p>;
  if (load.state === "failed") {
    return (
      <div className="page">
        <div className="banner banner-error" role="alert">
          {load.message}
        </div>
        <div className="page-actions page-actions-below">
          {load.inRecycleBin && (
            <button
              type="button"
              className="button primary"
              onClick={() => void restoreFlow(id, navigate).then(open)}
            >
              <ArchiveRestore size={16} aria-hidden="true" />
              {t("designer.restoreDeleted")}
            </button>
          )}
          <Link href="/flows" className="button">
            <ArrowLeft size={16} aria-hidden="true" />
            {t("designer.back")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <DesignerContext.Provider value={load.store}>
      <ReactFlowProvider>
        <Designer />
      </ReactFlowProvider>
    </DesignerContext.Provider>
  );
}

const PALETTE_KEY = "flowsmith.paletteOpen";

function Designer() {
  const store = useDesignerStore();
  const [, navigate] = useLocation();
  const flowId = useDesigner((s) => s.flowId);
  const name = useDesigner((s) => s.name);
  const kind = useDesigner((s) => s.kind);
  const save = useDesigner((s) => s.save);
  const panelOpen = useDesigner((s) => s.panelOpen);
  const selected = useDesigner((s) => s.selected);
  const readOnly = useDesigner((s) => s.readOnly);
  useDocumentTitle(name);
  const panelSizes = usePanelWidths();
  const theme = useSettings((s) => s.settings.theme);
  const { duplicate } = useFlows();
  const reactFlow = useReactFlow();
  const [paletteOpen, setPaletteOpen] = useState(() => localStorage.getItem(PALETTE_KEY) !== "false");
  // On a laptop-sized window the palette steps aside while a step's properties are open, so that the
  // canvas (and a test run under it) keeps room; "Show steps" brings it back until the panel closes.
  const narrowWindow = useMediaQuery("(max-width: 1279px)");
  const [paletteKept, setPaletteKept] = useState(false);
  useEffect(() => {
    if (!panelOpen) setPaletteKept(false);
  }, [panelOpen]);
  const paletteAside = narrowWindow && panelOpen && !paletteKept;
  const showPalette = paletteOpen && !readOnly && !paletteAside;
  const [checkerOpen, setCheckerOpen] = useState(false);
  /** The step picker: opened at a "+" (point), or beside a card for a parallel branch (beside). */
  const [picker, setPicker] = useState<{ point?: InsertionPoint; beside?: string; anchor: DOMRect }>();
  const [renameConflict, setRenameConflict] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const check = useCheck();
  const [testOpen, setTestOpen] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [conflictCompare, setConflictCompare] = useState(false);
  /** Find a step: open or not, and a counter that each Ctrl+F bumps to focus its field again. */
  const [find, setFind] = useState({ open: false, focus: 0 });
  const test = useFlowTest(flowId, null, name);
  // A test run's panel takes the room under the canvas: the checker gives way (it can be reopened).
  const testRunId = test.run?.id;
  useEffect(() => {
    if (testRunId) setCheckerOpen(false);
  }, [testRunId]);

  const startTest = async (choice: TestChoice) => {
    await flushSave(store);
    if (await test.start(choice)) setTestOpen(false);
  };
  const openPublish = () => {
    if (check.errorCount > 0) {
      toast.error(t("publish.refused"));
      setCheckerOpen(true);
      return;
    }
    setPublishOpen(true);
  };
  const publish = async (note: string) => {
    await flushSave(store);
    try {
      const result = await api.call("publish.publish", { flowId, ...(note ? { note } : {}) });
      setPublishOpen(false);
      if (result.enabled) toast.success(t("publish.done", { version: result.version }));
      // Published all the same: news to act on, not a failure.
      else
        toast.info(
          t("publish.doneDisabled", { version: result.version, reason: result.notEnabledReason ?? "" }),
          { label: t("nav.workflows"), run: () => navigate("/workflows") },
        );
    } catch (error) {
      // Refused by the checker with the administrator's policy: show where.
      setCheckerOpen(true);
      throw error;
    }
  };
  const exportDraft = async () => {
    try {
      await flushSave(store);
      const file = await api.call("flows.export", { flowId });
      downloadText(file.fileName, file.content);
    } catch (error) {
      toast.error(describeError(error));
    }
  };
  const badges = useMemo(() => badgesOf(check.findings), [check.findings]);
  useAutosave(store);

  useEffect(() => localStorage.setItem(PALETTE_KEY, String(paletteOpen)), [paletteOpen]);

  const undo = () => {
    const entry = store.getState().undo();
    if (entry) toast.info(t("designer.undone", { label: entry.label }));
    return entry;
  };
  const redo = () => {
    const entry = store.getState().redo();
    if (entry) toast.info(t("designer.redone", { label: entry.label }));
    return entry;
  };
  useCommand("edit.undo", undo);
  useCommand("edit.redo", redo);
  useFieldUndo(store, undo, redo);
  useCommand("edit.delete", () => deleteSteps(store, selectedStepNames(store.getState())));
  const openFind = () => {
    // Not from behind a modal dialog (Test, Publish…): the page under it cannot take the focus.
    if (document.querySelector("dialog[open]")) return;
    setFind((f) => ({ open: true, focus: f.focus + 1 }));
  };
  useCommand("edit.find", openFind);
  // Every step of the flow: the top-level ones, each scope with what it holds.
  useCommand("edit.selectAll", () =>
    store.getState().selectSteps(graphOf(store.getState().definition).rootIds),
  );

  // Zooms to a found card, as "Zoom to the selected step" does but clear of the find box, once the
  // card is on the canvas (a scope just expanded is laid out first), and two frames after, so that
  // the canvas's own scroll to a new selection does not cut the zoom short.
  const reveal = useRef(0);
  const zoomWhenShown = (id: string) => {
    const request = ++reveal.current;
    let frames = 0;
    let shown = 0;
    const tick = () => {
      if (request !== reveal.current) return;
      if (reactFlow.getInternalNode(id)) shown++;
      if (shown > 2) {
        const canvas = document.querySelector(".designer-center .canvas")?.getBoundingClientRect();
        const box = document.querySelector(".find-box")?.getBoundingClientRect();
        void reactFlow.fitView({
          nodes: [{ id }],
          duration: 250,
          maxZoom: 1.2,
          padding: canvas ? paddingClearOf(canvas, box) : 0.5,
        });
      } else if (++frames < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  /** Find's "go to": selects the step, expands the collapsed scopes hiding it, and zooms to it. */
  const goToStep = (step: FoundStep) => {
    const state = store.getState();
    const hiding = hiddenBy(step, state.designer.collapsed);
    let id = step.id;
    if (hiding.length > 0) {
      // A read-only flow keeps its scopes as they are: the outermost collapsed one stands for the step.
      if (state.readOnly) id = actionNodeId(hiding[0] ?? "");
      else
        state.applyDesigner(t("designer.edit.expand"), (d) => ({
          ...d,
          collapsed: d.collapsed.filter((name) => !hiding.includes(name)),
        }));
    }
    state.select(id);
    zoomWhenShown(id);
  };

  /**
   * Closing Find gives the keyboard back to the canvas: with the focus on the page, arrows, Enter and
   * Delete act on the selected card (the step found) again.
   */
  const closeFind = () => {
    setFind((f) => ({ ...f, open: false }));
    // Back to the step found (or the flow), so that the arrows go on from there.
    focusCanvas(store.getState().selected);
  };

  const onPick = useCallback((point: InsertionPoint, anchor: DOMRect) => setPicker({ point, anchor }), []);

  const addFromPalette = (operation: OperationDeclaration) => {
    const names = selectedStepNames(store.getState());
    const point: InsertionPoint = names[0] ? { kind: "after", action: names[0] } : endOfFlow(store);
    insertOperation(store, point, operation);
  };

  const openFinding = (finding: Finding) => {
    const nodeId = finding.nodeId.startsWith("#root") ? undefined : finding.nodeId;
    store.getState().select(nodeId, {
      openPanel: nodeId !== undefined,
      ...(finding.field ? { field: finding.field } : {}),
    });
    if (nodeId) void reactFlow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1, duration: 250, padding: 0.6 });
  };

  // The checker's suggested edit, as one undoable step ("Fix: Did you mean “Compose”?").
  const fixFinding = (finding: Finding) => {
    const label = finding.fix?.label ?? "";
    if (store.getState().apply(t("designer.edit.fix", { label }), (d) => applyFix(d, finding)))
      toast.success(t("designer.checker.fixed", { label }));
  };

  /** A new note, where the pointer was (the context menu) or in the middle of the canvas in view. */
  const addNote = (at?: { x: number; y: number }) => {
    const canvas = document.querySelector(".designer-center .canvas")?.getBoundingClientRect();
    const middle = canvas
      ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
      : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    let center = reactFlow.screenToFlowPosition(at ?? middle);
    if (!at && canvas) {
      // From the toolbar: beside the flow rather than on its cards, when that is still in view.
      const steps = reactFlow.getNodes().filter((n) => n.type !== "note");
      const bounds = steps.length > 0 ? reactFlow.getNodesBounds(steps) : undefined;
      const viewRight = reactFlow.screenToFlowPosition({ x: canvas.right, y: canvas.top }).x;
      const beside = bounds ? bounds.x + bounds.width + 150 : center.x;
      if (beside > center.x && beside + 110 < viewRight) center = { x: beside, y: center.y };
    }
    const note = {
      id: crypto.randomUUID(),
      text: "",
      x: center.x - 110,
      y: center.y - 70,
      color: "yellow" as const,
    };
    store.getState().applyDesigner(t("designer.edit.addNote"), (d) => ({ ...d, notes: [...d.notes, note] }));
  };
  const canvasMenu = useCanvasMenu({
    store,
    pickParallel: (beside, at) => setPicker({ beside, anchor: new DOMRect(at.x, at.y, 0, 0) }),
    addNoteAt: addNote,
    fitView: () => void reactFlow.fitView({ duration: 250, maxZoom: 1 }),
  });

  // Clipboard: the DOM's copy/cut/paste events, raised by the keyboard and by the Edit menu alike.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (isEditableTarget(document.activeElement)) return;
      const names = selectedStepNames(store.getState());
      if (names.length === 0) return;
      event.preventDefault();
      writeSteps(event.clipboardData, copyActions(store.getState().definition, { names }));
      if (cut) deleteSteps(store, names);
      else toast.info(t("designer.copied", { count: names.length }));
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(document.activeElement) || store.getState().readOnly) return;
      const actions = readSteps(event.clipboardData);
      if (!actions) return;
      event.preventDefault();
      const names = selectedStepNames(store.getState());
      const point: InsertionPoint = names[0] ? { kind: "after", action: names[0] } : endOfFlow(store);
      pasteAt(store, point, actions, t("designer.edit.paste"));
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    document.addEventListener("copy", copy);
    document.addEventListener("cut", cut);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("copy", copy);
      document.removeEventListener("cut", cut);
      document.removeEventListener("paste", onPaste);
    };
  }, [store]);

  // Ctrl+S, from habit, anywhere in the designer (a field too): the draft is saved now rather than
  // within the second, and the browser's "Save page" never opens over the flow.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.shiftKey ||
        event.altKey ||
        event.key.toLowerCase() !== "s"
      )
        return;
      event.preventDefault();
      void flushSave(store).then(() => {
        if (store.getState().save.state === "saved") toast.info(t("designer.savedNow"));
      });
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [store]);

  // Keyboard navigation between cards.
  const canvasMenuOpen = useRef(canvasMenu.open);
  canvasMenuOpen.current = canvasMenu.open;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isEditableTarget(event.target) || event.defaultPrevented) return;
      if (
        (event.target as HTMLElement).closest?.(
          ".properties, .palette, .checker-panel, .find-box, dialog, [role=menu]",
        )
      )
        return;
      const directions: Record<string, Direction> = {
        ArrowUp: "up",
        ArrowDown: "down",
        ArrowLeft: "left",
        ArrowRight: "right",
      };
      const direction = directions[event.key];
      const state = store.getState();
      // A card reached with Tab has the focus without being selected: the keys start from it.
      const focusedId = (event.target as HTMLElement).closest?.(".react-flow__node")?.getAttribute("data-id");
      const focusedType = focusedId ? reactFlow.getNode(focusedId)?.type : undefined;
      const current = focusedType === "step" || focusedType === "scope" ? focusedId : state.selected;
      const nudging = event.altKey && (direction === "up" || direction === "down");
      if (nudging && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        // Alt+↑ / Alt+↓: the selected step swaps places with its neighbour in the line.
        const names = selectedStepNames(state);
        const [only] = names;
        if (only !== undefined && names.length === 1 && !state.readOnly) {
          event.preventDefault();
          nudgeStep(store, only, direction);
        }
      } else if (direction && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const cards = reactFlow
          .getNodes()
          .filter((n) => n.type === "step" || n.type === "scope")
          .map((n) => {
            const internal = reactFlow.getInternalNode(n.id);
            const at = internal?.internals.positionAbsolute ?? n.position;
            return {
              id: n.id,
              x: at.x,
              y: at.y,
              width: n.width ?? 300,
              height: n.type === "scope" ? 56 : (n.height ?? 64),
            };
          });
        const next = nearestCard(cards, current ?? undefined, direction);
        if (next) {
          event.preventDefault();
          state.select(next);
          // The focus follows, so that the next key starts from this card too.
          if (focusedId) focusCard(next);
          const node = reactFlow.getInternalNode(next);
          if (node)
            void reactFlow.setCenter(
              node.internals.positionAbsolute.x + 150,
              node.internals.positionAbsolute.y + 32,
              { zoom: reactFlow.getZoom(), duration: 150 },
            );
        }
      } else if (event.key === "Enter" && current) {
        event.preventDefault();
        state.select(current, { openPanel: true });
      } else if (event.key === "Escape") {
        if (state.panelOpen) state.closePanel();
        else state.select(undefined);
      } else if (
        event.key === "F2" &&
        current &&
        !state.readOnly &&
        actionNameOfNodeId(current) !== undefined
      ) {
        event.preventDefault();
        state.select(current, { openPanel: true, field: RENAME_FIELD });
      } else if ((event.key === "F10" && event.shiftKey) || event.key === "ContextMenu") {
        // The context menu from the keyboard: the selected card's, at the card; else the canvas's.
        event.preventDefault();
        const card = current
          ? document
              .querySelector(`.react-flow__node[data-id="${CSS.escape(current)}"]`)
              ?.getBoundingClientRect()
          : undefined;
        const canvas = document.querySelector(".designer-center .canvas")?.getBoundingClientRect();
        if (card && current) canvasMenuOpen.current(current, { x: card.left + 24, y: card.bottom - 8 });
        else if (canvas) canvasMenuOpen.current(undefined, { x: canvas.left + 40, y: canvas.top + 40 });
      } else if (event.key === "Backspace" && state.selected && !state.readOnly) {
        event.preventDefault();
        deleteSteps(store, selectedStepNames(state));
      } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "d") {
        const names = selectedStepNames(state);
        if (names[0]) {
          event.preventDefault();
          duplicateStep(store, names[0]);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, reactFlow]);

  const onRename = async (next: string) => {
    const state = store.getState();
    try {
      const renamed = await api.call("flows.rename", {
        id: state.flowId,
        revision: state.revision,
        name: next,
      });
      state.setName(renamed.name, renamed.revision);
    } catch (error) {
      if (isConflict(error)) setRenameConflict(error.message);
      else toast.error(describeError(error));
      throw error;
    }
  };

  /** A published version becomes the draft: saved by the server, one Undo away from this draft. */
  const restoreVersion = async (version: number) => {
    await flushSave(store);
    await api.call("publish.restore", { flowId, version });
    const fresh = await api.call("flows.get", { id: flowId });
    store.getState().adoptFromServer(fresh, t("designer.edit.restoreVersion", { version }));
    toast.success(t("versions.restored", { version }), {
      label: t("designer.toolbar.undo"),
      run: () => store.getState().undo(),
    });
  };
  // Restored from the workflow list or an old version's page: done here, where Undo is.
  const askedRestore = Number(new URLSearchParams(useSearch()).get("restore"));
  const restoreAsked = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per request in the address
  useEffect(() => {
    if (!Number.isInteger(askedRestore) || askedRestore < 1 || restoreAsked.current) return;
    restoreAsked.current = true;
    navigate(`/flows/${flowId}`, { replace: true });
    restoreVersion(askedRestore).catch((error: unknown) => toast.error(describeError(error)));
  }, [askedRestore]);

  const reload = async () => {
    try {
      const fresh = await api.call("flows.get", { id: flowId });
      store.getState().replaceFromServer(fresh);
      setRenameConflict(undefined);
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  const saveAsCopy = async () => {
    const state = store.getState();
    try {
      const copy: Flow = await api.call("flows.create", {
        name: t("designer.conflict.copyName", { name: state.name }).slice(0, 200),
        kind: state.kind,
        definition: definitionAsJson(state.definition) as never,
        designer: state.designer,
      });
      toast.success(t("designer.conflict.savedAsCopy", { name: copy.name }));
      navigate(`/flows/${copy.id}`);
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  const keepMine = async () => {
    const state = store.getState();
    try {
      const current = await api.call("flows.get", { id: state.flowId });
      const saved = await api.call("flows.saveDraft", {
        id: state.flowId,
        revision: current.revision,
        definition: definitionAsJson(state.definition) as never,
        designer: state.designer,
      });
      state.markSaved(saved.revision, saved.updatedAt, {
        definition: state.definition,
        designer: state.designer,
      });
      toast.success(t("designer.conflict.keptMine"));
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  return (
    <div className="designer">
      {/* The toolbar and the palette are many Tab stops: this goes straight to the cards. */}
      <button type="button" className="skip-link" onClick={() => focusCanvas(selected)}>
        {t("designer.skipToCanvas")}
      </button>
      <header className="designer-header">
        <Link
          href="/flows"
          className="icon-button"
          aria-label={t("designer.back")}
          title={t("designer.back")}
        >
          <ArrowLeft size={18} />
        </Link>
        <FlowName name={name} onRename={onRename} />
        <span className={`kind-badge kind-${kind}`}>
          <KindIcon kind={kind} size={14} />
          {kindLabel(kind)}
        </span>
        <DraftState flowId={flowId} onShowChanges={() => setPublishOpen(true)} />
        <div className="designer-actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                const copy = await duplicate(flowId);
                toast.success(t("flows.duplicated", { name: copy.name }), {
                  label: t("common.open"),
                  run: () => navigate(`/flows/${copy.id}`),
                });
              } catch (error) {
                toast.error(describeError(error));
              }
            }}
          >
            <Copy size={16} aria-hidden="true" />
            {t("common.duplicate")}
          </button>
          <button type="button" className="button" onClick={() => setConfirmDelete(true)}>
            <Trash2 size={16} aria-hidden="true" />
            {t("common.delete")}
          </button>
        </div>
      </header>
      <Toolbar
        errorCount={check.errorCount}
        warningCount={check.warningCount}
        paletteOpen={paletteOpen && !paletteAside}
        onUndo={undo}
        onRedo={redo}
        onToggleChecker={() => setCheckerOpen(!checkerOpen)}
        onShowPalette={() => {
          setPaletteOpen(true);
          setPaletteKept(true);
        }}
        onAddNote={addNote}
        onFit={() => void reactFlow.fitView({ duration: 250, maxZoom: 1 })}
        onZoomToSelection={() =>
          selected &&
          void reactFlow.fitView({ nodes: [{ id: selected }], duration: 250, maxZoom: 1.2, padding: 0.5 })
        }
        onFind={openFind}
      >
        <button
          type="button"
          className="button"
          title={t("publish.versions")}
          onClick={() => setVersionsOpen(true)}
        >
          <History size={16} aria-hidden="true" />{" "}
          <span className="toolbar-label">{t("publish.versions")}</span>
        </button>
        <button
          type="button"
          className="button"
          title={t("publish.export")}
          onClick={() => void exportDraft()}
        >
          <Download size={16} aria-hidden="true" />{" "}
          <span className="toolbar-label">{t("publish.export")}</span>
        </button>
        <button type="button" className="button" onClick={openPublish}>
          <Upload size={16} aria-hidden="true" /> {t("publish.button")}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => setTestOpen(true)}
          disabled={check.errorCount > 0}
          title={check.errorCount > 0 ? t("designer.testBlocked") : undefined}
        >
          <FlaskConical size={16} aria-hidden="true" /> {t("test.button")}
        </button>
      </Toolbar>
      <ArmedBanner test={test} />
      {(renameConflict || save.state === "conflict") && (
        <div className="banner banner-warning" role="alert" data-testid="conflict-banner">
          <div>
            <strong>{t("error.conflict.title")}</strong>
            <p>{save.state === "conflict" ? t("designer.conflict.body") : t("error.conflict.body")}</p>
          </div>
          <div className="banner-actions">
            <button type="button" className="button" onClick={() => void reload()}>
              {save.state === "conflict" ? t("designer.conflict.reloadTheirs") : t("common.reload")}
            </button>
            {save.state === "conflict" && (
              <>
                <button type="button" className="button" onClick={() => setConflictCompare(true)}>
                  {t("compare.conflictButton")}
                </button>
                <button type="button" className="button" onClick={() => void saveAsCopy()}>
                  {t("designer.conflict.saveMineAsCopy")}
                </button>
                <button type="button" className="button" onClick={() => void keepMine()}>
                  {t("designer.conflict.keepMine")}
                </button>
              </>
            )}
          </div>
        </div>
      )}
      <div
        className={`designer-body${showPalette ? " with-palette" : ""}${panelOpen ? " with-panel" : ""}`}
        style={panelWidthStyle(panelSizes.widths)}
      >
        {showPalette && <Palette onChoose={addFromPalette} onClose={() => setPaletteOpen(false)} />}
        <div className="designer-center">
          <PanelResizers palette={showPalette} panel={panelOpen} sizes={panelSizes} />
          <FlowCanvas
            dark={resolveTheme(theme) === "dark"}
            badges={badges}
            statuses={test.statuses}
            onPick={onPick}
            onContextMenu={canvasMenu.open}
          />
          {canvasMenu.menu}
          {find.open && <FindBox focusRequest={find.focus} onGoTo={goToStep} onClose={closeFind} />}
          {checkerOpen && (
            <CheckerPanel
              result={check}
              onOpenFinding={openFinding}
              onFix={readOnly ? undefined : fixFinding}
              onClose={() => setCheckerOpen(false)}
            />
          )}
          <TestRunPanel
            test={test}
            selectedNode={selected}
            onSelectNode={(id) => store.getState().select(id)}
          />
        </div>
        {panelOpen && <PropertiesPanel findings={check.findings} />}
      </div>
      {testOpen && <TestDialog source={test.source} onClose={() => setTestOpen(false)} onTest={startTest} />}
      {publishOpen && (
        <PublishDialog
          flowId={flowId}
          name={name}
          definition={store.getState().definition}
          errorCount={check.errorCount}
          onShowErrors={() => {
            setPublishOpen(false);
            setCheckerOpen(true);
          }}
          onClose={() => setPublishOpen(false)}
          onPublish={publish}
        />
      )}
      {conflictCompare && (
        <ConflictChangesDialog
          flowId={flowId}
          mine={store.getState().definition}
          onClose={() => setConflictCompare(false)}
        />
      )}
      {versionsOpen && (
        <VersionsDialog
          flowId={flowId}
          name={name}
          onClose={() => setVersionsOpen(false)}
          onRestore={restoreVersion}
        />
      )}
      {picker && (
        <InsertPicker
          anchor={picker.anchor}
          onClose={() => setPicker(undefined)}
          onChoose={(operation) => {
            if (picker.point) insertOperation(store, picker.point, operation);
            else if (picker.beside) addParallelBranch(store, picker.beside, operation);
            setPicker(undefined);
          }}
        />
      )}
      {confirmDelete && (
        <DeleteFlowDialog
          flow={{ id: flowId, name }}
          onClose={() => setConfirmDelete(false)}
          onDeleted={() => navigate("/flows")}
          navigate={navigate}
        />
      )}
    </div>
  );
}

/** After the last top-level step (or first, in an empty flow). */
