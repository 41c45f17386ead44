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
  Search,
  StickyNote,
  Undo2,
} from "lucide-react";
import { formatRelative, t } from "../i18n";
import { IconButton } from "../ui/IconButton";
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
  onFind,
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
  onFind: () => void;
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
        <button
          type="button"
          className="button"
          title={t("designer.toolbar.addStep")}
          onClick={onShowPalette}
        >
          <PanelLeftOpen size={16} aria-hidden="true" />{" "}
          <span className="toolbar-label">{t("designer.toolbar.addStep")}</span>
        </button>
      )}
      <IconButton
        label={lastUndo ? t("designer.toolbar.undoLabel", { label: lastUndo }) : t("designer.toolbar.undo")}
        title={
          lastUndo
            ? t("designer.toolbar.undoTitle", { label: lastUndo })
            : t("designer.toolbar.nothingToUndo")
        }
        icon={<Undo2 size={17} />}
        disabled={!lastUndo || readOnly}
        onClick={onUndo}
      />
      <IconButton
        label={lastRedo ? t("designer.toolbar.redoLabel", { label: lastRedo }) : t("designer.toolbar.redo")}
        title={
          lastRedo
            ? t("designer.toolbar.redoTitle", { label: lastRedo })
            : t("designer.toolbar.nothingToRedo")
        }
        icon={<Redo2 size={17} />}
        disabled={!lastRedo || readOnly}
        onClick={onRedo}
      />
      <span className="toolbar-separator" />
      <IconButton
        label={t("designer.toolbar.addNote")}
        icon={<StickyNote size={17} />}
        disabled={readOnly}
        onClick={() => onAddNote()}
      />
      <IconButton label={t("designer.toolbar.fit")} icon={<Maximize size={17} />} onClick={onFit} />
      <IconButton
        label={t("designer.toolbar.zoomToSelection")}
        icon={<ScanSearch size={17} />}
        disabled={!selected}
        onClick={onZoomToSelection}
      />
      <IconButton
        label={t("designer.toolbar.find")}
        title={t("designer.toolbar.findTitle")}
        icon={<Search size={17} />}
        onClick={onFind}
      />
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
