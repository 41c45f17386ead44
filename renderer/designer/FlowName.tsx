import { useEffect, useRef, useState } from "react";
import { t } from "../i18n";

/** The flow's name in the designer header: click (or Enter) to edit, Enter saves, Escape cancels. */
export function FlowName({ name, onRename }: { name: string; onRename: (name: string) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  // Enter commits, and the blur that may follow must not commit a second time.
  const committing = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);
  useEffect(() => setDraft(name), [name]);

  const commit = async () => {
    if (committing.current) return;
    const next = draft.trim();
    if (!next || next === name) {
      setDraft(name);
      setEditing(false);
      return;
    }
    committing.current = true;
    try {
      await onRename(next);
    } catch {
      setDraft(name);
    } finally {
      committing.current = false;
      setEditing(false);
    }
  };

  if (!editing) {
    return (
      <button
        type="button"
        className="flow-title"
        title={t("designer.renameHint", { name })}
        onClick={() => setEditing(true)}
      >
        <h1>{name}</h1>
      </button>
    );
  }
  return (
    <input
      ref={input}
      className="input flow-title-input"
      aria-label={t("designer.nameLabel")}
      value={draft}
      maxLength={200}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === "Enter") void commit();
        if (event.key === "Escape") {
          setDraft(name);
          setEditing(false);
        }
      }}
    />
  );
}
