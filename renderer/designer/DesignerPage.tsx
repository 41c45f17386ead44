import { ArrowLeft, Copy, Trash2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation } from "wouter";
import type { Flow } from "../../shared/api";
import { api } from "../api/client";
import { useFlows } from "../flows/flows-store";
import { KindIcon, kindLabel } from "../flows/kinds";
import { t } from "../i18n";
import { resolveTheme, useSettings } from "../settings/settings-store";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { describeError, isConflict } from "../ui/errors";
import { toast } from "../ui/toasts";
import { Canvas } from "./Canvas";
import { FlowName } from "./FlowName";

type Load = { state: "loading" } | { state: "ready"; flow: Flow } | { state: "failed"; message: string };

export function DesignerPage({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [conflict, setConflict] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [, navigate] = useLocation();
  const theme = useSettings((s) => s.settings.theme);
  const { duplicate, remove, restore } = useFlows();

  const reload = useCallback(async () => {
    try {
      setLoad({ state: "ready", flow: await api.call("flows.get", { id }) });
      setConflict(undefined);
    } catch (error) {
      setLoad({ state: "failed", message: describeError(error) });
    }
  }, [id]);

  useEffect(() => {
    setLoad({ state: "loading" });
    void reload();
  }, [reload]);

  if (load.state === "loading") return <p className="page muted">{t("designer.loading")}</p>;
  if (load.state === "failed") {
    return (
      <div className="page">
        <div className="banner banner-error" role="alert">
          {load.message}
        </div>
        <Link href="/flows" className="button">
          <ArrowLeft size={16} aria-hidden="true" />
          {t("designer.back")}
        </Link>
      </div>
    );
  }
  const { flow } = load;

  const onRename = async (name: string) => {
    try {
      const renamed = await api.call("flows.rename", { id: flow.id, revision: flow.revision, name });
      setLoad({ state: "ready", flow: { ...flow, ...renamed } });
    } catch (error) {
      if (isConflict(error)) setConflict(error.message);
      else toast.error(describeError(error));
      throw error;
    }
  };

  return (
    <div className="designer">
      <header className="designer-header">
        <Link
          href="/flows"
          className="icon-button"
          aria-label={t("designer.back")}
          title={t("designer.back")}
        >
          <ArrowLeft size={18} />
        </Link>
        <FlowName name={flow.name} onRename={onRename} />
        <span className={`kind-badge kind-${flow.kind}`}>
          <KindIcon kind={flow.kind} size={14} />
          {kindLabel(flow.kind)}
        </span>
        <div className="designer-actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                const copy = await duplicate(flow.id);
                toast.success(t("flows.duplicated", { name: copy.name }), {
                  label: t("common.open"),
                  run: () => navigate(`/flows/${copy.id}`),
                });
              } catch (error) {
                toast.error(describeError(error));
              }
            }}
          >
            <Copy size={16} aria-hidden="true" />
            {t("common.duplicate")}
          </button>
          <button type="button" className="button" onClick={() => setConfirmDelete(true)}>
            <Trash2 size={16} aria-hidden="true" />
            {t("common.delete")}
          </button>
        </div>
      </header>
      {conflict && (
        <div className="banner banner-warning" role="alert" data-testid="conflict-banner">
          <div>
            <strong>{t("error.conflict.title")}</strong>
            <p>{t("error.conflict.body")}</p>
          </div>
          <button type="button" className="button" onClick={() => void reload()}>
            {t("common.reload")}
          </button>
        </div>
      )}
      <Canvas flow={flow} dark={resolveTheme(theme) === "dark"} />
      {confirmDelete && (
        <ConfirmDialog
          title={t("delete.title", { name: flow.name })}
          body={t("delete.body")}
          confirmLabel={t("delete.confirm")}
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await remove(flow.id);
            navigate("/flows");
            toast.info(t("flows.deleted", { name: flow.name }), {
              label: t("common.undo"),
              run: () => void restore(flow.id),
            });
          }}
        />
      )}
    </div>
  );
}
