import {
  Copy,
  Download,
  FileUp,
  LayoutTemplate,
  MoreHorizontal,
  Pencil,
  Plus,
  Trash2,
  Workflow,
} from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { FlowSummary } from "../../shared/api";
import { api } from "../api/client";
import { useDocumentTitle } from "../app/document-title";
import { useUi } from "../app/ui-store";
import { formatDateTime, formatRelative, t } from "../i18n";
import { EmptyState } from "../ui/EmptyState";
import { describeError } from "../ui/errors";
import { MenuButton } from "../ui/MenuButton";
import { SearchField } from "../ui/SearchField";
import { SortableHeader } from "../ui/SortableHeader";
import { useStoredSort } from "../ui/sort-state";
import { toast } from "../ui/toasts";
import { downloadText } from "../workflows/download";
import { DeleteFlowDialog, restoreFlow } from "./delete-flow";
import { DEFAULT_FLOW_SORT, FLOW_SORT_KEYS, sortFlows } from "./flow-sort";
import { useFlows } from "./flows-store";
import { KindIcon, kindLabel } from "./kinds";
import { PublishedState, usePublishedStates } from "./published-state";
import { RecycleBinDialog } from "./RecycleBinDialog";
import { RenameDialog } from "./RenameDialog";
import { triggerTitle } from "./trigger-title";

const SORT_KEY = "flowsmith.flowList.sort";

type Dialogs =
  | { kind: "none" }
  | { kind: "rename"; flow: FlowSummary }
  | { kind: "delete"; flow: FlowSummary }
  | { kind: "recycle" };

export function FlowListPage() {
  useDocumentTitle(t("nav.myFlows"));
  const { flows, deleted, error, load, rename, duplicate } = useFlows();
  const openCreate = useUi((s) => s.openCreate);
  const openTemplates = useUi((s) => s.openTemplates);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    try {
      const flow = await api.call("flows.import", { fileName: file.name, content: await file.text() });
      toast.success(t("flows.imported", { name: flow.name }), {
        label: t("common.open"),
        run: () => navigate(`/flows/${flow.id}`),
      });
      void load();
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };
  const exportFlow = async (flow: FlowSummary) => {
    try {
      const file = await api.call("flows.export", { flowId: flow.id });
      downloadText(file.fileName, file.content);
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };
  const [, navigate] = useLocation();
  const [query, setQuery] = useState("");
  const [dialog, setDialog] = useState<Dialogs>({ kind: "none" });
  const published = usePublishedStates();
  const sorting = useStoredSort(SORT_KEY, FLOW_SORT_KEYS, DEFAULT_FLOW_SORT, ["modified"]);
  const { sort } = sorting;

  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    const matching = (flows ?? []).filter(
      (flow) => !needle || flow.name.toLocaleLowerCase().includes(needle),
    );
    return sortFlows(matching, sort);
  }, [flows, query, sort]);

  const close = () => setDialog({ kind: "none" });
  const open = (flow: FlowSummary) => navigate(`/flows/${flow.id}`);

  const onDuplicate = async (flow: FlowSummary) => {
    try {
      const copy = await duplicate(flow.id);
      toast.success(t("flows.duplicated", { name: copy.name }));
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };
  const onRestore = (id: string) => restoreFlow(id, navigate);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t("flows.title")}</h1>
          {flows && flows.length > 0 && (
            // While searching, how many of the flows the search keeps, announced as the person types.
            <p className="muted" aria-live="polite" data-testid="flow-count">
              {query.trim()
                ? t("flows.countMatching", { shown: visible.length, count: flows.length })
                : t("flows.count", { count: flows.length })}
            </p>
          )}
        </div>
        <div className="page-actions">
          {flows && flows.length > 0 && (
            <SearchField label={t("flows.searchPlaceholder")} value={query} onChange={setQuery} />
          )}
          <button type="button" className="button" onClick={() => setDialog({ kind: "recycle" })}>
            <Trash2 size={16} aria-hidden="true" />
            {deleted.length > 0
              ? t("flows.recycleBin.count", { count: deleted.length })
              : t("flows.recycleBin")}
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            <FileUp size={16} aria-hidden="true" />
            {t("flows.import")}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            // The Import button opens it: one stop for the keyboard, one name for a screen reader.
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="button" onClick={openTemplates}>
            <LayoutTemplate size={16} aria-hidden="true" />
            {t("templates.open")}
          </button>
          <button type="button" className="button primary" onClick={openCreate}>
            <Plus size={16} aria-hidden="true" />
            {t("flows.new")}
          </button>
        </div>
      </header>

      {error !== undefined && flows === undefined ? (
        <div className="banner banner-error" role="alert">
          {t("flows.loadFailed", { message: describeError(error) })}
          <button type="button" className="button" onClick={() => void load()}>
            {t("common.retry")}
          </button>
        </div>
      ) : flows === undefined ? (
        <p className="muted">{t("common.loading")}</p>
      ) : flows.length === 0 ? (
        <EmptyState
          icon={<Workflow size={40} />}
          title={t("flows.empty.title")}
          action={
            <div className="empty-actions">
              <button type="button" className="button primary" onClick={openCreate}>
                <Plus size={16} aria-hidden="true" />
                {t("flows.empty.action")}
              </button>
              <button type="button" className="button" onClick={openTemplates}>
                <LayoutTemplate size={16} aria-hidden="true" />
                {t("templates.open")}
              </button>
            </div>
          }
        >
          {t("flows.empty.body")}
        </EmptyState>
      ) : visible.length === 0 ? (
        <p className="muted list-no-match">
          {t("flows.noMatch", { query })}
          <button type="button" className="button" onClick={() => setQuery("")}>
            {t("flows.clearSearch")}
          </button>
        </p>
      ) : (
        <table className="table flow-table">
          <thead>
            <tr>
              <SortableHeader label={t("flows.column.name")} column="name" sorting={sorting} />
              <SortableHeader label={t("flows.column.kind")} column="kind" sorting={sorting} />
              <th scope="col">{t("flows.column.trigger")}</th>
              <th scope="col">{t("flows.column.published")}</th>
              <SortableHeader label={t("flows.column.modified")} column="modified" sorting={sorting} />
              <th scope="col">
                <span className="visually-hidden">{t("common.more")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((flow) => (
              <tr key={flow.id} data-testid="flow-row" onDoubleClick={() => open(flow)}>
                <td>
                  <a
                    href={`#/flows/${flow.id}`}
                    className="flow-name"
                    onClick={(event) => {
                      event.preventDefault();
                      open(flow);
                    }}
                  >
                    {flow.name}
                  </a>
                </td>
                <td>
                  <span className={`kind-badge kind-${flow.kind}`}>
                    <KindIcon kind={flow.kind} size={14} />
                    {kindLabel(flow.kind)}
                  </span>
                </td>
                <td className="muted">{triggerTitle(flow)}</td>
                <td>
                  <PublishedState entry={published.get(flow.id)} revision={flow.revision} />
                </td>
                <td className="muted" title={formatDateTime(flow.updatedAt)}>
                  {formatRelative(flow.updatedAt)}
                </td>
                <td className="row-actions">
                  <MenuButton
                    label={t("common.more")}
                    icon={<MoreHorizontal size={18} />}
                    items={[
                      {
                        label: t("common.rename"),
                        icon: <Pencil size={14} />,
                        onSelect: () => setDialog({ kind: "rename", flow }),
                      },
                      {
                        label: t("common.duplicate"),
                        icon: <Copy size={14} />,
                        onSelect: () => void onDuplicate(flow),
                      },
                      {
                        label: t("flows.export"),
                        icon: <Download size={14} />,
                        onSelect: () => void exportFlow(flow),
                      },
                      {
                        label: t("common.delete"),
                        icon: <Trash2 size={14} />,
                        danger: true,
                        onSelect: () => setDialog({ kind: "delete", flow }),
                      },
                    ]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {dialog.kind === "rename" && (
        <RenameDialog
          currentName={dialog.flow.name}
          onClose={close}
          onRename={async (name) => {
            const renamed = await rename(dialog.flow, name);
            close();
            toast.success(t("flows.renamed", { name: renamed.name }));
          }}
        />
      )}
      {dialog.kind === "delete" && (
        <DeleteFlowDialog flow={dialog.flow} onClose={close} navigate={navigate} />
      )}
      {dialog.kind === "recycle" && (
        <RecycleBinDialog deleted={deleted} onClose={close} onRestore={(flow) => void onRestore(flow.id)} />
      )}
    </div>
  );
}
