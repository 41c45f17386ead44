import { type ReactNode, useEffect, useId, useRef } from "react";
import { t } from "../i18n";

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Narrow for confirmations, wide for forms with choices. */
  size?: "narrow" | "wide";
  /**
   * Where focus goes when the dialog opens (a CSS selector inside it). Without one: its first field,
   * else its primary action; never the close button, which the browser would choose.
   */
  initialFocus?: string;
}

const FIRST_FIELD =
  "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
const PRIMARY_ACTION = ".dialog-actions .button.primary:not([disabled])";

/** A modal on the native <dialog>: focus is trapped, Escape closes it, the page behind is inert. */
export function Dialog({ title, onClose, children, footer, size = "narrow", initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // What had the keyboard before: it gets it back when the dialog goes, unless something else took it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target = initialFocus
      ? dialog.querySelector<HTMLElement>(initialFocus)
      : (dialog.querySelector<HTMLElement>(FIRST_FIELD) ?? dialog.querySelector<HTMLElement>(PRIMARY_ACTION));
    target?.focus();
    return () => {
      dialog.close();
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener?.isConnected && !dialog.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t("common.close")} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
