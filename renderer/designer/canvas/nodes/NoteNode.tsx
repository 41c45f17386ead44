import type { Node, NodeProps } from "@xyflow/react";
import { X } from "lucide-react";
import { memo, useEffect, useState } from "react";
import { t } from "../../../i18n";
import { useDesignerStore } from "../../state/context";
import type { StickyNote } from "../../state/designer-data";

export type NoteNodeData = { note: StickyNote };
export type NoteNodeType = Node<NoteNodeData, "note">;

/** A sticky note on the canvas: designer-only, saved beside the definition, never exported inside it. */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<NoteNodeType>) {
  const store = useDesignerStore();
  const [text, setText] = useState(data.note.text);
  useEffect(() => setText(data.note.text), [data.note.text]);
  const commit = () => {
    if (text === data.note.text) return;
    store.getState().applyDesigner(t("designer.edit.editNote"), (d) => ({
      ...d,
      notes: d.notes.map((n) => (n.id === data.note.id ? { ...n, text } : n)),
    }));
  };
  return (
    <div
      className={`sticky-note note-${data.note.color}${selected ? " selected" : ""}`}
      data-testid="sticky-note"
    >
      <button
        type="button"
        className="note-delete nodrag"
        aria-label={t("designer.note.delete")}
        onClick={() =>
          store.getState().applyDesigner(t("designer.edit.deleteNote"), (d) => ({
            ...d,
            notes: d.notes.filter((n) => n.id !== data.note.id),
          }))
        }
      >
        <X size={12} aria-hidden="true" />
      </button>
      <textarea
        className="nodrag nowheel"
        aria-label={t("designer.note.label")}
        value={text}
        placeholder={t("designer.note.placeholder")}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
      />
    </div>
  );
});
