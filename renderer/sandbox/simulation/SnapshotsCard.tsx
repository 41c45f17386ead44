import { Camera, History, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import type { LostWaitRun } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { describeError } from "../../ui/errors";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { LostRuns, useCancelledRunsToast } from "./LostRuns";

/** Named snapshots of the world: save one, restore or delete it (both confirmed). */
export function SnapshotsCard() {
  const list = useLoad("snapshots", () => api.call("sandbox.snapshots.list", {}));
  useSandboxChanges(() => false, list.reload);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A restore's question carries the waiting runs it would cancel, asked for before it opens.
  const [confirm, setConfirm] = useState<
    | { kind: "restore"; name: string; lostRuns: LostWaitRun[] }
    | { kind: "delete"; name: string }
    | { kind: "replace"; name: string; savedAt: string }
  >();
  const cancelledToast = useCancelledRunsToast();
  const askRestore = async (snapshot: string) => {
    try {
      const preview = await api.call("sandbox.resetPreview", { snapshot });
      setConfirm({ kind: "restore", name: snapshot, lostRuns: preview.runs });
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };
  const inputId = useId();
  const existing = list.data?.find((s) => s.name === name.trim());

  // Saving under a name already taken replaces that snapshot: asked first, as it cannot be undone.
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("sandbox.snapshots.nameRequired"));
      return;
    }
    if (existing) setConfirm({ kind: "replace", name: existing.name, savedAt: existing.createdAt });
    else void save();
  };
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api.call("sandbox.snapshots.save", { name: name.trim() });
      toast.success(t("sandbox.snapshots.saved", { name: saved.name }));
      setName("");
      setError(undefined);
      list.reload();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sbx-panel" aria-labelledby="sbx-snapshots-title">
      <h3 id="sbx-snapshots-title">{t("sandbox.snapshots.title")}</h3>
      <p className="muted">{t("sandbox.snapshots.body")}</p>
      <form className="sbx-inline-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          {t("sandbox.snapshots.name")}
        </label>
        <input
          id={inputId}
          className="input"
          placeholder={t("sandbox.snapshots.name")}
          maxLength={80}
          value={name}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
        <button type="submit" className="button primary" disabled={busy}>
          <Camera size={16} aria-hidden="true" />
          {existing ? t("sandbox.snapshots.replace") : t("sandbox.snapshots.save")}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list.error !== undefined && !list.data ? (
        <ErrorBanner error={list.error} onRetry={list.reload} />
      ) : list.data && list.data.length === 0 ? (
        <p className="muted sbx-empty-line">{t("sandbox.snapshots.none")}</p>
      ) : (
        <ul className="sbx-rows" data-testid="snapshot-list">
          {(list.data ?? []).map((snapshot) => (
            <li key={snapshot.name} className="sbx-row-item" data-testid="snapshot">
              <div className="sbx-row-text">
                <strong>{snapshot.name}</strong>
                <span className="muted">{formatDateTime(snapshot.createdAt)}</span>
              </div>
              <button type="button" className="button" onClick={() => void askRestore(snapshot.name)}>
                <History size={16} aria-hidden="true" />
                {t("common.restore")}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t("sandbox.snapshots.delete", { name: snapshot.name })}
                onClick={() => setConfirm({ kind: "delete", name: snapshot.name })}
              >
                <Trash2 size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirm?.kind === "restore" && (
        <ConfirmDialog
          title={t("sandbox.snapshots.restore.title", { name: confirm.name })}
          body={t("sandbox.snapshots.restore.body")}
          details={
            <LostRuns
              runs={confirm.lostRuns}
              summary={t("sandbox.snapshots.restore.lostRuns", { count: confirm.lostRuns.length })}
            />
          }
          confirmLabel={t("common.restore")}
          onClose={() => setConfirm(undefined)}
          onConfirm={async () => {
            const { cancelled } = await api.call("sandbox.snapshots.restore", { name: confirm.name });
            setConfirm(undefined);
            toast.success(t("sandbox.snapshots.restored", { name: confirm.name }));
            cancelledToast(cancelled);
          }}
        />
      )}
      {confirm?.kind === "replace" && (
        <ConfirmDialog
          title={t("sandbox.snapshots.replace.title", { name: confirm.name })}
          body={t("sandbox.snapshots.replace.body", { savedAt: formatDateTime(confirm.savedAt) })}
          confirmLabel={t("sandbox.snapshots.replace")}
          danger
          onClose={() => setConfirm(undefined)}
          onConfirm={async () => {
            setConfirm(undefined);
            await save();
          }}
        />
      )}
      {confirm?.kind === "delete" && (
        <ConfirmDialog
          title={t("sandbox.snapshots.deleteTitle", { name: confirm.name })}
          body={t("sandbox.snapshots.deleteBody")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setConfirm(undefined)}
          onConfirm={async () => {
            await api.call("sandbox.snapshots.delete", { name: confirm.name });
            setConfirm(undefined);
            list.reload();
          }}
        />
      )}
    </section>
  );
}
