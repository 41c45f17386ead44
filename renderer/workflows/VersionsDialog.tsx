import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import type { VersionInfo } from "../../shared/api";
import { api } from "../api/client";
import { formatDateTime, t } from "../i18n";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";

/**
 * A flow's published versions, newest first: open one read-only, or restore it as the draft. The
 * restore happens in the designer (onRestore there; elsewhere the designer is opened to do it), so
 * that Undo brings back the draft it replaced.
 */
export function VersionsDialog({
  flowId,
  name,
  onClose,
  onRestore,
}: {
  flowId: string;
  name: string;
  onClose: () => void;
  onRestore?: (version: number) => Promise<void>;
}) {
  const [versions, setVersions] = useState<VersionInfo[]>();
  const [error, setError] = useState<string>();
  const [restoring, setRestoring] = useState<number>();
  const [, navigate] = useLocation();
  useEffect(() => {
    api.call("publish.versions", { flowId }).then(setVersions, (e: unknown) => setError(describeError(e)));
  }, [flowId]);
  return (
    <>
      <Dialog title={t("versions.title", { name })} onClose={onClose} size="wide">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {versions === undefined ? (
          <p className="muted">{t("common.loading")}</p>
        ) : versions.length === 0 ? (
          <p className="muted">{t("versions.empty")}</p>
        ) : (
          <ol className="versions" aria-label={t("publish.versions")}>
            {versions.map((v) => (
              <li key={v.version} className="version" data-testid="version">
                <div className="version-text">
                  <strong>
                    {t("versions.version", { version: v.version })}
                    {v.current && (
                      // The version the list holds: it runs only while the workflow is enabled.
                      <span className="tag">
                        {t(v.status === "enabled" ? "versions.current" : "versions.currentOff")}
                      </span>
                    )}
                  </strong>
                  <span>{v.note || <span className="muted">{t("versions.noNote")}</span>}</span>
                  <span className="muted">
                    <span title={v.publishedBy}>{v.publishedByName}</span> · {formatDateTime(v.publishedAt)}
                  </span>
                </div>
                <div className="version-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      onClose();
                      navigate(`/flows/${flowId}/versions/${v.version}`);
                    }}
                  >
                    {t("versions.open")}
                  </button>
                  <button
                    type="button"
                    className="button"
                    title={t("versions.changesHint", { version: v.version })}
                    onClick={() => {
                      onClose();
                      navigate(`/flows/${flowId}/versions/${v.version}?changes=previous`);
                    }}
                  >
                    {t("versions.changes")}
                  </button>
                  <button type="button" className="button" onClick={() => setRestoring(v.version)}>
                    {t("versions.restore")}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </Dialog>
      {restoring !== undefined && (
        <ConfirmDialog
          title={t("versions.restoreTitle", { version: restoring })}
          body={t("versions.restoreBody", { version: restoring })}
          confirmLabel={t("versions.restore")}
          onClose={() => setRestoring(undefined)}
          onConfirm={async () => {
            const version = restoring;
            if (onRestore) await onRestore(version);
            setRestoring(undefined);
            onClose();
            if (!onRestore) navigate(`/flows/${flowId}?restore=${version}`);
          }}
        />
      )}
    </>
  );
}
