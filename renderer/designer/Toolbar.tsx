import {
  CircleAlert,
  CircleCheck,
  Cloud,
  CloudOff,
  Loader2,
  Maximize,
  PanelLeftOpen,
  Redo2,
  ScanSearch,
  StickyNote,
  Undo2,
} from "lucide-react";
import { formatRelative } from "../i18n";
import { useDesigner } from "./state/context";

export function Toolbar({
  errorCount,
  warningCount,
  paletteOpen,
  onUndo,
  onRedo,
  onToggleChecker,
  onShowPalette,
  onAddNote,
  onFit,
  onZoomToSelection,
  children,
}: {
  errorCount: number;
  warningCount: number;
  paletteOpen: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onToggleChecker: () => void;
  onShowPalette: () => void;
  onAddNote: () => void;
  onFit: () => void;
  onZoomToSelection: () => void;
  children?: React.ReactNode;
}) {
  const past = useDesigner((s) => s.past);
  const future = useDesigner((s) => s.future);
  const selected = useDesigner((s) => s.selected);
  const readOnly = useDesigner((s) => s.readOnly);
  const lastUndo = past[past.length - 1]?.label;
  const lastRedo = future[future.length - 1]?.label;
  return (
    <div className="toolbar" role="toolbar" aria-label="Designer">
      {!paletteOpen && !readOnly && (
        <button type="button" className="button" onClick={onShowPalette}>
          <PanelLeftOpen size={16} aria-hidden="true" /> Add a step
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={lastUndo ? `Undo ${lastUndo}` : "Undo"}
        title={lastUndo ? `Undo: ${lastUndo} (Ctrl+Z)` : "Nothing to undo"}
        disabled={!lastUndo || readOnly}
        onClick={onUndo}
      >
        <Undo2 size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={lastRedo ? `Redo ${lastRedo}` : "Redo"}
        title={lastRedo ? `Redo: ${lastRedo} (Ctrl+Y)` : "Nothing to redo"}
        disabled={!lastRedo || readOnly}
        onClick={onRedo}
      >
        <Redo2 size={17} />
      </button>
      <span className="toolbar-separator" />
      <button
        type="button"
        className="icon-button"
        aria-label="Add a sticky note"
        title="Add a sticky note"
        disabled={readOnly}
        onClick={onAddNote}
      >
        <StickyNote size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Fit the flow to the window"
        title="Fit the flow to the window"
        onClick={onFit}
      >
        <Maximize size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Zoom to the selected step"
        title="Zoom to the selected step"
        disabled={!selected}
        onClick={onZoomToSelection}
      >
        <ScanSearch size={17} />
      </button>
      <span className="toolbar-separator" />
      <button
        type="button"
        className={errorCount > 0 ? "button checker-count has-errors" : "button checker-count"}
        onClick={onToggleChecker}
        data-testid="checker-count"
        aria-label={`Flow checker: ${errorCount} errors, ${warningCount} warnings`}
      >
        {errorCount > 0 ? (
          <CircleAlert size={16} aria-hidden="true" />
        ) : (
          <CircleCheck size={16} aria-hidden="true" />
        )}
        {errorCount} {errorCount === 1 ? "error" : "errors"}
        {warningCount > 0 && (
          <span className="muted">
            {" "}
            · {warningCount} {warningCount === 1 ? "warning" : "warnings"}
          </span>
        )}
      </button>
      <div className="toolbar-end">
        <SaveStatus />
        {children}
      </div>
    </div>
  );
}

function SaveStatus() {
  const save = useDesigner((s) => s.save);
  const readOnly = useDesigner((s) => s.readOnly);
  if (readOnly) return <span className="save-status">Read only</span>;
  switch (save.state) {
    case "saved":
      return (
        <span
          className="save-status"
          data-testid="save-status"
          title={save.at ? `Saved ${formatRelative(save.at)}` : undefined}
        >
          <Cloud size={15} aria-hidden="true" /> Saved
        </span>
      );
    case "pending":
    case "saving":
      return (
        <span className="save-status" data-testid="save-status">
          <Loader2 size={15} className="spin" aria-hidden="true" /> Saving…
        </span>
      );
    case "error":
      return (
        <span className="save-status error" data-testid="save-status" title={save.message}>
          <CloudOff size={15} aria-hidden="true" /> Not saved: {save.message}
        </span>
      );
    case "conflict":
      return (
        <span className="save-status error" data-testid="save-status">
          <CloudOff size={15} aria-hidden="true" /> Not saved: changed elsewhere
        </span>
      );
  }
}
