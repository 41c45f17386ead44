import { type CSSProperties, type ReactNode, type RefObject, useEffect, useRef } from "react";
import { isTypeaheadKey, TypeaheadBuffer, typeaheadIndex } from "./typeahead";

export interface MenuItem {
  label: string;
  icon?: ReactNode;
  /** The key that does the same, shown at the end of the row ("Ctrl+C"). */
  shortcut?: string;
  danger?: boolean;
  disabled?: boolean;
  /** Why the item is disabled, or more about it, shown on hover. */
  title?: string;
  /** A line above this item, to group the items. */
  separatorBefore?: boolean;
  onSelect: () => void;
}

/** The focusable items of a menu, in order (disabled ones are skipped). */
function menuItems(root: HTMLElement | null): HTMLElement[] {
  return [...(root?.querySelectorAll<HTMLElement>("[role=menuitem]:not(:disabled)") ?? [])];
}

/** Puts the focus on a menu's first (or last) item; a menu without items yet keeps it itself. */
export function focusMenuItem(root: HTMLElement | null, which: "first" | "last" = "first"): void {
  const items = menuItems(root);
  const item = which === "first" ? items[0] : items[items.length - 1];
  if (item) item.focus();
  else if (root?.hasAttribute("tabindex")) root.focus();
}

/**
 * The behaviour of a role=menu element, for Menu and for menus with markup of their own (the
 * sandbox's Automate menu): on mount the first item takes the focus (unless `focusOnOpen` is false:
 * a menu whose items are still loading places it with focusMenuItem once they are there), a press
 * outside the menu's parent closes it, and the returned key handler moves with the arrow keys,
 * Home/End and by typing an item's first letters, and closes on Escape and Tab.
 */
export function useMenuKeys(
  root: RefObject<HTMLElement | null>,
  onClose: (focusReturn: boolean) => void,
  { focusOnOpen = true }: { focusOnOpen?: boolean } = {},
): (event: React.KeyboardEvent) => void {
  const close = useRef(onClose);
  close.current = onClose;
  const typed = useRef(new TypeaheadBuffer());

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the menu opens
  useEffect(() => {
    if (focusOnOpen) focusMenuItem(root.current);
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.parentElement?.contains(event.target as Node)) close.current(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, []);

  return (event: React.KeyboardEvent) => {
    // While the menu has the focus its keys are its own: Delete must not delete behind it.
    event.stopPropagation();
    const entries = menuItems(root.current);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const moveTo = (i: number) => {
      event.preventDefault();
      entries[(i + entries.length) % entries.length]?.focus();
    };
    if (event.key === "Escape") {
      event.preventDefault();
      close.current(true);
    } else if (event.key === "ArrowDown") moveTo(index + 1);
    else if (event.key === "ArrowUp") moveTo(index < 0 ? entries.length - 1 : index - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(entries.length - 1);
    else if (event.key === "Tab") {
      event.preventDefault();
      close.current(true);
    } else if (isTypeaheadKey(event)) {
      const labels = entries.map((item) => item.getAttribute("aria-label") ?? item.textContent ?? "");
      const next = typeaheadIndex(labels, index, typed.current.add(event.key, event.timeStamp));
      if (next >= 0) moveTo(next);
    }
  };
}

/**
 * A list of actions (role menu): the first one takes the focus, arrow keys and Home/End move, Escape
 * closes, and a click outside closes. Used under a button (MenuButton) and where the pointer was
 * (the canvas's context menu).
 */
export function Menu({
  id,
  items,
  label,
  onClose,
  className = "menu",
  style,
}: {
  id?: string;
  items: readonly MenuItem[];
  label?: string;
  /** Escape (focusReturn true), a click outside or a choice (false: the choice decides where focus goes). */
  onClose: (focusReturn: boolean) => void;
  className?: string;
  style?: CSSProperties;
}) {
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const onKeyDown = useMenuKeys(root, onClose);

  return (
    <div
      ref={root}
      className={className}
      role="menu"
      id={id}
      aria-label={label}
      style={style}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <div key={item.label} className="menu-entry" role="none">
          {item.separatorBefore && <hr className="menu-separator" />}
          <button
            type="button"
            role="menuitem"
            className={item.danger ? "menu-item danger" : "menu-item"}
            disabled={item.disabled}
            title={item.title}
            onClick={(event) => {
              event.stopPropagation();
              close.current(false);
              item.onSelect();
            }}
          >
            {item.icon}
            <span className="menu-label">{item.label}</span>
            {item.shortcut && <kbd className="menu-shortcut">{item.shortcut}</kbd>}
          </button>
        </div>
      ))}
    </div>
  );
}
