import type { Notice } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";

/** Things the person must read once (a damaged database moved aside…), until dismissed. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`banner banner-${notice.level}`} role="alert" data-testid="notice">
          <div>
            <strong>{notice.title}</strong>
            <p>{notice.message}</p>
          </div>
          <button
            type="button"
            className="button"
            onClick={() => {
              onDismiss(notice.id);
              void api.call("app.dismissNotice", { id: notice.id }).catch(() => {});
            }}
          >
            {t("common.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
