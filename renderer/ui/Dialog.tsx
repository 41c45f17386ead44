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

/**
 * The last few elements that had the keyboard, newest last. A dialog opened from a menu item opens
 * as the menu goes (focus is on <body> by then): the menu's button, focused just before, takes the
 * keyboard back when the dialog closes.
 */
const recentFocus: HTMLElement[] = [];
const RECENT = 8;
if (typeof document !== "undefined") {
  document.addEventListener("focusin", (event) => {
    if (!(event.target instanceof HTMLElement) || event.target === recentFocus[recentFocus.length - 1])
      return;
    recentFocus.push(event.target);
    if (recentFocus.length > RECENT) recentFocus.shift();
  });
}

/** A modal on the native <dialog>: focus is trapped, Escape closes it, the page behind is inert. */
export function Dialog({ title, onClose, children, footer, size = "narrow", initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // What had the keyboard before (else what had it last): it gets it back when the dialog goes,
    // unless something else took it meanwhile.
    const before = [...recentFocus].reverse();
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) before.unshift(active);
    if (!dialog.open) dialog.showModal();
    const target = initialFocus
      ? dialog.querySelector<HTMLElement>(initialFocus)
      : (dialog.querySelector<HTMLElement>(FIRST_FIELD) ?? dialog.querySelector<HTMLElement>(PRIMARY_ACTION));
    target?.focus();
    return () => {
      dialog.close();
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!lost) return;
      const back = before.find((element) => element.isConnected && !dialog.contains(element));
      back?.focus({ preventScroll: true });
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
