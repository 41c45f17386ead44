import { useEffect, useRef } from "react";
import type { OperationDeclaration } from "../../../shared/connectors";
import { t } from "../../i18n";
import { OperationList } from "./OperationList";

/** The palette as a picker, opened by clicking a "+": for people who do not drag. */
export function InsertPicker({
  anchor,
  onChoose,
  onClose,
}: {
  anchor: DOMRect;
  onChoose: (operation: OperationDeclaration) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [onClose]);
  const width = 340;
  const height = 420;
  const left = Math.min(
    Math.max(8, anchor.left + anchor.width / 2 - width / 2),
    window.innerWidth - width - 8,
  );
  const below = anchor.bottom + 8 + height < window.innerHeight;
  const top = below ? anchor.bottom + 8 : Math.max(8, anchor.top - height - 8);
  return (
    <div
      ref={ref}
      className="insert-picker"
      role="dialog"
      aria-label={t("palette.pickTitle")}
      style={{ left, top, width, height }}
    >
      <OperationList autoFocus draggable={false} onChoose={onChoose} />
    </div>
  );
}
