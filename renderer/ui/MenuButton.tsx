import { type ReactNode, useId, useRef, useState } from "react";
import { Menu, type MenuItem } from "./Menu";

export type { MenuItem } from "./Menu";

/** A button that opens a small menu of actions; arrow keys move, Escape closes. */
export function MenuButton({ label, icon, items }: { label: string; icon: ReactNode; items: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="menu-root">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        {icon}
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
