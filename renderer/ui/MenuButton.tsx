import { type ReactNode, useId, useRef, useState } from "react";
import { Menu, type MenuItem } from "./Menu";

export type { MenuItem } from "./Menu";

/** A button that opens a small menu of actions; arrow keys move, Escape closes. */
export function MenuButton({
  label,
  icon,
  items,
  withText = false,
}: {
  label: string;
  icon: ReactNode;
  items: MenuItem[];
  /** A button with its label written beside the icon, among other text buttons. */
  withText?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="menu-root">
      <button
        ref={buttonRef}
        type="button"
        className={withText ? "button" : "icon-button"}
        aria-label={withText ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        {icon}
        {withText && label}
      </button>
      {open && (
        <Menu
          id={menuId}
          items={items}
          onClose={(focusReturn) => {
            setOpen(false);
            if (focusReturn) buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
