import { PanelLeftClose } from "lucide-react";
import type { OperationDeclaration } from "../../../shared/connectors";
import { t } from "../../i18n";
import { IconButton } from "../../ui/IconButton";
import { OperationList } from "./OperationList";

/** The side palette: drag a step onto a "+" on the canvas, or click to add it after the selection. */
export function Palette({
  onChoose,
  onClose,
}: {
  onChoose: (operation: OperationDeclaration) => void;
  onClose: () => void;
}) {
  return (
    <aside className="palette" aria-label={t("palette.title")}>
      <header className="panel-header">
        <h2>{t("palette.title")}</h2>
        <IconButton label={t("palette.hide")} icon={<PanelLeftClose size={16} />} onClick={onClose} />
      </header>
      <p className="palette-hint muted">{t("palette.hint")}</p>
      <OperationList draggable onChoose={onChoose} />
    </aside>
  );
}
