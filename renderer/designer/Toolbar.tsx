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
import { formatRelative, t } from "../i18n";
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
    <div className="toolbar" role="toolbar" aria-label={t("designer.toolbar")}>
      {!paletteOpen && !readOnly && (
        <button type="button" className="button" onClick={onShowPalette}>
          <PanelLeftOpen size={16} aria-hidden="true" /> {t("designer.toolbar.addStep")}
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={
          lastUndo ? t("designer.toolbar.undoLabel", { label: lastUndo }) : t("designer.toolbar.undo")
        }
        title={
          lastUndo
            ? t("designer.toolbar.undoTitle", { label: lastUndo })
            : t("designer.toolbar.nothingToUndo")
        }
        disabled={!lastUndo || readOnly}
        onClick={onUndo}
      >
        <Undo2 size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={
          lastRedo ? t("designer.toolbar.redoLabel", { label: lastRedo }) : t("designer.toolbar.redo")
        }
        title={
          lastRedo
            ? t("designer.toolbar.redoTitle", { label: lastRedo })
            : t("designer.toolbar.nothingToRedo")
        }
        disabled={!lastRedo || readOnly}
        onClick={onRedo}
      >
        <Redo2 size={17} />
      </button>
      <span className="toolbar-separator" />
      <button
        type="button"
        className="icon-button"
        aria-label={t("designer.toolbar.addNote")}
        title={t("designer.toolbar.addNote")}
        disabled={readOnly}
        onClick={onAddNote}
      >
        <StickyNote size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t("designer.toolbar.fit")}
        title={t("designer.toolbar.fit")}
        onClick={onFit}
      >
        <Maximize size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t("designer.toolbar.zoomToSelection")}
        title={t("designer.toolbar.zoomToSelection")}
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
        aria-label={t("designer.toolbar.checker", {
          errors: t("designer.checker.errors", { count: errorCount }),
          warnings: t("designer.checker.warnings", { count: warningCount }),
        })}
      >
        {errorCount > 0 ? (
          <CircleAlert size={16} aria-hidden="true" />
        ) : (
          <CircleCheck size={16} aria-hidden="true" />
        )}
        {t("designer.checker.errors", { count: errorCount })}
        {warningCount > 0 && (
          <span className="muted"> · {t("designer.checker.warnings", { count: warningCount })}</span>
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
  if (readOnly) return <span className="save-status">{t("designer.save.readOnly")}</span>;
  switch (save.state) {
    case "saved":
      return (
        <span
          className="save-status"
          data-testid="save-status"
          title={save.at ? t("designer.save.savedWhen", { when: formatRelative(save.at) }) : undefined}
        >
          <Cloud size={15} aria-hidden="true" /> {t("designer.save.saved")}
        </span>
      );
    case "pending":
    case "saving":
      return (
        <span className="save-status" data-testid="save-status">
          <Loader2 size={15} className="spin" aria-hidden="true" /> {t("designer.save.saving")}
        </span>
      );
    case "error":
      return (
        <span className="save-status error" data-testid="save-status" title={save.message}>
          <CloudOff size={15} aria-hidden="true" /> {t("designer.save.failed", { message: save.message })}
        </span>
      );
    case "conflict":
      return (
        <span className="save-status error" data-testid="save-status">
          <CloudOff size={15} aria-hidden="true" /> {t("designer.save.conflict")}
        </span>
      );
  }
}
