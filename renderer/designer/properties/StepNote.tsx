import { StickyNote } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { t } from "../../i18n";

/**
 * A step's note for the people who read the flow, written in the step's `description` as Power
 * Automate writes its notes; the card shows that it has one. Folded to a link while empty.
 */
export function StepNote({
  value,
  readOnly,
  focusRequested,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  /** The context menu's Add a note: opens the field and puts the cursor in it. */
  focusRequested: boolean;
  onChange: (text: string) => void;
}) {
  const [open, setOpen] = useState(value !== "");
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    if (focusRequested && !readOnly) setOpen(true);
  }, [focusRequested, readOnly]);
  useEffect(() => {
    if (focusRequested && open) field.current?.focus();
  }, [focusRequested, open]);
  if (!open && value === "") {
    if (readOnly) return null;
    return (
      <button
        type="button"
        className="link-button step-note-add"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => field.current?.focus());
        }}
      >
        <StickyNote size={14} aria-hidden="true" /> {t("designer.stepNote.add")}
      </button>
    );
  }
  return (
    <div className="step-note">
      <label className="field-label" htmlFor={id}>
        {t("designer.stepNote.label")}
      </label>
      <textarea
        ref={field}
        id={id}
        className="input"
        rows={2}
        maxLength={2000}
        readOnly={readOnly}
        placeholder={t("designer.stepNote.placeholder")}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => value === "" && setOpen(false)}
      />
    </div>
  );
}
