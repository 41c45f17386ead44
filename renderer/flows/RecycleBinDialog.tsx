import { RotateCcw } from "lucide-react";
import type { DeletedFlow } from "../../shared/api";
import { formatDate, formatRelative, t } from "../i18n";
import { Dialog } from "../ui/Dialog";
import { KindIcon } from "./kinds";

export function RecycleBinDialog({
  deleted,
  onClose,
  onRestore,
}: {
  deleted: DeletedFlow[];
  onClose: () => void;
  onRestore: (flow: DeletedFlow) => void;
}) {
  return (
    <Dialog title={t("flows.recycleBin.title")} onClose={onClose} size="wide">
      <p className="muted">{t("flows.recycleBin.body")}</p>
      {deleted.length === 0 ? (
        <p className="recycle-empty">{t("flows.recycleBin.empty")}</p>
      ) : (
        <ul className="recycle-list" aria-label={t("flows.recycleBin.title")}>
          {deleted.map((flow) => (
            <li key={flow.id} className="recycle-item">
              <KindIcon kind={flow.kind} />
              <div className="recycle-text">
                <span className="recycle-name">{flow.name}</span>
                <span className="muted">
                  {t("flows.recycleBin.deleted", { when: formatRelative(flow.deletedAt) })} ·{" "}
                  {t("flows.recycleBin.purge", { date: formatDate(flow.purgeAt) })}
                </span>
              </div>
              <button type="button" className="button" onClick={() => onRestore(flow)}>
                <RotateCcw size={14} aria-hidden="true" />
                {t("common.restore")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
