// The canvas's context menu (right click, Shift+F10 or the Menu key): what can be done to a card, or
// on the empty canvas, with the keys that do the same. Every action is the designer's own undoable
// edit; Copy and Cut go through the clipboard events, as the keyboard and the Edit menu do.

import {
  ArrowDown,
  ArrowUp,
  ClipboardPaste,
  Copy,
  CopyPlus,
  FileText,
  FoldVertical,
  Group,
  Maximize,
  PencilLine,
  Scissors,
  Split,
  StickyNote,
  Trash2,
  UnfoldVertical,
} from "lucide-react";
import { type ReactNode, useState } from "react";
import { actionNameOfNodeId, type InsertionPoint, type WdlActions } from "../../shared/flow";
import { t } from "../i18n";
import { Menu, type MenuItem } from "../ui/Menu";
import { focusCard } from "./canvas/focus-card";
import { displayName, stepNote } from "./card-info";
import { copiedSteps } from "./state/clipboard";
import { type DesignerStore, NOTE_FIELD, RENAME_FIELD } from "./state/designer-store";
import {
  canNudge,
  deleteSteps,
  duplicateStep,
  endOfFlow,
  nudgeStep,
  pasteAt,
  selectedStepNames,
  toggleCollapsed,
  wrapStepsInScope,
} from "./state/edits";
import { graphOf } from "./state/graph-cache";

export interface CanvasMenuHost {
  store: DesignerStore;
  /** Opens the step picker beside the card; the chosen step runs in parallel with it. */
  pickParallel: (name: string, at: { x: number; y: number }) => void;
  /** A note where the pointer was (screen coordinates). */
  addNoteAt: (at: { x: number; y: number }) => void;
  fitView: () => void;
}

interface Opened {
  nodeId: string | undefined;
  x: number;
  y: number;
}

const ITEM_HEIGHT = 34;
const MENU_WIDTH = 250;

export function useCanvasMenu(host: CanvasMenuHost): {
  open: (nodeId: string | undefined, at: { x: number; y: number }) => void;
  menu: ReactNode;
} {
  const [opened, setOpened] = useState<Opened>();
  const items = opened ? menuItems(host, opened) : [];
  // Kept on screen: opened near the right or bottom edge, it opens leftwards or upwards.
  const height = items.length * ITEM_HEIGHT + items.filter((i) => i.separatorBefore).length * 9 + 10;
  const style = opened && {
    left: Math.max(4, Math.min(opened.x, window.innerWidth - MENU_WIDTH - 4)),
    top: Math.max(4, opened.y + height > window.innerHeight ? opened.y - height : opened.y),
  };
  return {
    open: (nodeId, at) => setOpened({ nodeId, ...at }),
    menu: opened && items.length > 0 && (
      <div className="context-menu-root">
        <Menu
          className="menu context-menu"
          label={opened.nodeId ? t("designer.menu.stepLabel") : t("designer.menu.canvasLabel")}
          items={items}
          style={style}
          onClose={(focusReturn) => {
            setOpened(undefined);
            if (focusReturn && opened.nodeId) focusCard(opened.nodeId);
          }}
        />
      </div>
    ),
  };
}

function menuItems(host: CanvasMenuHost, opened: Opened): MenuItem[] {
  const { store } = host;
  const state = store.getState();
  const copied = copiedSteps();
  const paste = (point: InsertionPoint, steps: WdlActions) =>
    pasteAt(store, point, steps, t("designer.edit.paste"));
  const at = { x: opened.x, y: opened.y };

  if (opened.nodeId === undefined) {
    return [
      {
        label: t("designer.menu.pasteAtEnd"),
        icon: <ClipboardPaste size={15} aria-hidden="true" />,
        shortcut: "Ctrl+V",
        disabled: !copied || state.readOnly,
        onSelect: () => copied && paste(endOfFlow(store), copied),
      },
      {
        label: t("designer.menu.addNote"),
        icon: <StickyNote size={15} aria-hidden="true" />,
        disabled: state.readOnly,
        onSelect: () => host.addNoteAt(at),
      },
      {
        label: t("designer.menu.fit"),
        icon: <Maximize size={15} aria-hidden="true" />,
        separatorBefore: true,
        onSelect: host.fitView,
      },
    ];
  }

  const id = opened.nodeId;
  const name = actionNameOfNodeId(id);
  const openProperties: MenuItem = {
    label: t("designer.menu.properties"),
    icon: <FileText size={15} aria-hidden="true" />,
    shortcut: "Enter",
    onSelect: () => state.select(id, { openPanel: true }),
  };
  if (name === undefined) {
    // The trigger: its properties, and a paste before every step.
    return [
      openProperties,
      {
        label: t("designer.menu.pasteAtStart"),
        icon: <ClipboardPaste size={15} aria-hidden="true" />,
        disabled: !copied || state.readOnly,
        separatorBefore: true,
        onSelect: () => copied && paste({ kind: "start", container: null }, copied),
      },
    ];
  }
  const readOnly = state.readOnly;
  // Right-clicked in a selection of several: copy, cut, wrap and delete act on all of it.
  const names = selectedStepNames(state);
  const several = names.length > 1 && names.includes(name) ? names : undefined;
  /** What acts on one step only is off while several are selected. */
  const single = (item: MenuItem): MenuItem => (several ? { ...item, disabled: true } : item);
  const node = graphOf(state.definition).byActionName.get(name);
  const isScope = (node?.branchIds.length ?? 0) > 0;
  const collapsed = state.designer.collapsed.includes(name);
  const hasNote = stepNote(node?.action) !== "";
  const items: MenuItem[] = [
    single(openProperties),
    single({
      label: t("designer.menu.rename"),
      icon: <PencilLine size={15} aria-hidden="true" />,
      shortcut: "F2",
      disabled: readOnly,
      onSelect: () => state.select(id, { openPanel: true, field: RENAME_FIELD }),
    }),
    single({
      label: hasNote ? t("designer.menu.editStepNote") : t("designer.menu.stepNote"),
      icon: <StickyNote size={15} aria-hidden="true" />,
      disabled: readOnly,
      onSelect: () => state.select(id, { openPanel: true, field: NOTE_FIELD }),
    }),
    {
      label: several ? t("designer.menu.copySeveral", { count: several.length }) : t("designer.menu.copy"),
      icon: <Copy size={15} aria-hidden="true" />,
      shortcut: "Ctrl+C",
      separatorBefore: true,
      onSelect: () => {
        if (!several) state.select(id);
        document.execCommand("copy");
      },
    },
    {
      label: several ? t("designer.menu.cutSeveral", { count: several.length }) : t("designer.menu.cut"),
      icon: <Scissors size={15} aria-hidden="true" />,
      shortcut: "Ctrl+X",
      disabled: readOnly,
      onSelect: () => {
        if (!several) state.select(id);
        document.execCommand("cut");
      },
    },
    {
      label: t("designer.menu.pasteAfter"),
      icon: <ClipboardPaste size={15} aria-hidden="true" />,
      shortcut: "Ctrl+V",
      disabled: !copied || readOnly,
      onSelect: () => copied && paste({ kind: "after", action: name }, copied),
    },
    single({
      label: t("designer.menu.duplicate"),
      icon: <CopyPlus size={15} aria-hidden="true" />,
      shortcut: "Ctrl+D",
      disabled: readOnly,
      onSelect: () => duplicateStep(store, name),
    }),
    single({
      label: t("designer.menu.moveUp"),
      icon: <ArrowUp size={15} aria-hidden="true" />,
      shortcut: "Alt+↑",
      disabled: readOnly || !canNudge(state.definition, name, "up"),
      onSelect: () => nudgeStep(store, name, "up"),
    }),
    single({
      label: t("designer.menu.moveDown"),
      icon: <ArrowDown size={15} aria-hidden="true" />,
      shortcut: "Alt+↓",
      disabled: readOnly || !canNudge(state.definition, name, "down"),
      onSelect: () => nudgeStep(store, name, "down"),
    }),
    single({
      label: t("designer.menu.parallel"),
      icon: <Split size={15} aria-hidden="true" />,
      separatorBefore: true,
      disabled: readOnly,
      onSelect: () => host.pickParallel(name, at),
    }),
    {
      label: t("designer.menu.wrap"),
      icon: <Group size={15} aria-hidden="true" />,
      separatorBefore: several !== undefined,
      disabled: readOnly,
      onSelect: () => wrapStepsInScope(store, several ?? [name]),
    },
  ];
  if (isScope && !several)
    items.push({
      label: collapsed ? t("designer.menu.expand") : t("designer.menu.collapse"),
      icon: collapsed ? (
        <UnfoldVertical size={15} aria-hidden="true" />
      ) : (
        <FoldVertical size={15} aria-hidden="true" />
      ),
      onSelect: () => toggleCollapsed(store, name),
    });
  items.push({
    label: several
      ? t("designer.menu.deleteSeveral", { count: several.length })
      : t("designer.menu.delete", { step: displayName(name) }),
    icon: <Trash2 size={15} aria-hidden="true" />,
    shortcut: "Del",
    danger: true,
    separatorBefore: true,
    disabled: readOnly,
    onSelect: () => deleteSteps(store, several ?? [name]),
  });
  return items;
}
