import { ArrowDown, ArrowUp, ChevronLeft, Plus, Search, Trash2 } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import type { JsonObject } from "../../../shared/json";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/EmptyState";
import { SearchField } from "../../ui/SearchField";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { Pager } from "../parts/Pager";
import { StatusBadge } from "../parts/StatusBadge";
import { SubHeader } from "../parts/SubHeader";
import { useSandbox, useTable } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { AutomateSlot } from "./AutomateSlot";
import { displayValue, type FieldInfo, listColumns, singularTitle, type TableInfo } from "./bc-model";
import { NewRecordDialog } from "./NewRecordDialog";

const PAGE_SIZE = 25;

/** A table's list page: search, sort, page, select rows; open one for its card. */
export function RecordListPage({ table: name }: { table: string }) {
  const table = useTable(name);
  const tables = useSandbox((s) => s.tables);
  if (!tables) return <p className="muted sbx-body">{t("common.loading")}</p>;
  if (!table) {
    return (
      <div className="sbx-body">
        <EmptyState icon={<Search size={40} />} title={t("sandbox.bc.noTable", { name })}>
          <Link href="/bc">{t("sandbox.bc.backToTables")}</Link>
        </EmptyState>
      </div>
    );
  }
  return <RecordList table={table} />;
}

function RecordList({ table }: { table: TableInfo }) {
  const [, navigate] = useLocation();
  const actingAs = useSandbox((s) => s.actingAs);
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [skip, setSkip] = useState(0);
  const [sort, setSort] = useState<{ field: string; desc: boolean }>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<"new" | "delete">();
  const columns = useMemo(() => listColumns(table), [table]);

  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(typed.trim());
      setSkip(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const key = JSON.stringify([table.name, search, skip, sort]);
  const page = useLoad(key, () =>
    api.call("sandbox.records.list", {
      table: table.name,
      top: PAGE_SIZE,
      skip,
      ...(search ? { search } : {}),
      ...(sort ? { orderBy: `${sort.field}${sort.desc ? " desc" : ""}` } : {}),
    }),
  );
  useSandboxChanges((c) => c.table === table.name, page.reload);

  const rows = page.data?.items ?? [];
  const selectedRows = rows.filter((row) => selected.has(String(row.id)));
  const open = (row: JsonObject) => navigate(`/bc/${table.name}/${String(row.id)}`);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const sortBy = (field: FieldInfo) =>
    setSort(
      sort?.field === field.name
        ? { field: field.name, desc: !sort.desc }
        : { field: field.name, desc: false },
    );

  return (
    <div className="sbx-body sbx-scroll">
      <SubHeader
        before={
          <Link href="/bc" className="sbx-back">
            <ChevronLeft size={16} aria-hidden="true" />
            {t("sandbox.bc.title")}
          </Link>
        }
        title={table.title}
        subtitle={page.data ? t("sandbox.bc.records", { count: page.data.total }) : undefined}
        actions={
          <>
            <SearchField
              label={t("sandbox.bc.search", { table: table.title.toLocaleLowerCase() })}
              value={typed}
              onChange={setTyped}
            />
            <button type="button" className="button" onClick={() => setDialog("new")}>
              <Plus size={16} aria-hidden="true" />
              {t("sandbox.bc.new")}
            </button>
            <button
              type="button"
              className="button"
              disabled={selectedRows.length === 0}
              onClick={() => setDialog("delete")}
            >
              <Trash2 size={16} aria-hidden="true" />
              {selectedRows.length > 1
                ? t("sandbox.bc.deleteCount", { count: selectedRows.length })
                : t("common.delete")}
            </button>
            <AutomateSlot table={table} records={selectedRows} page="list" />
          </>
        }
      />

      {page.error !== undefined && !page.data ? (
        <ErrorBanner error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <p className="muted">{t("common.loading")}</p>
      ) : rows.length === 0 ? (
        <p className="muted sbx-empty-line">
          {search ? t("sandbox.bc.noMatch", { query: search }) : t("sandbox.bc.empty")}
        </p>
      ) : (
        <>
          <table className="table sbx-grid" data-testid="record-table">
            <thead>
              <tr>
                <th scope="col" className="sbx-check-cell">
                  <input
                    type="checkbox"
                    aria-label={t("sandbox.bc.selectAll")}
                    checked={selectedRows.length === rows.length}
                    onChange={(event) =>
                      setSelected(event.target.checked ? new Set(rows.map((r) => String(r.id))) : new Set())
                    }
                  />
                </th>
                {columns.map((field) => {
                  const sorted = sort?.field === field.name;
                  return (
                    <th
                      key={field.name}
                      scope="col"
                      className={field.type === "number" || field.type === "integer" ? "sbx-num" : undefined}
                      aria-sort={sorted ? (sort?.desc ? "descending" : "ascending") : undefined}
                    >
                      <button type="button" className="sbx-sort" onClick={() => sortBy(field)}>
                        {field.title}
                        {sorted &&
                          (sort?.desc ? (
                            <ArrowDown size={12} aria-hidden="true" />
                          ) : (
                            <ArrowUp size={12} aria-hidden="true" />
                          ))}
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const id = String(row.id);
                return (
                  <tr
                    key={id}
                    data-testid="record-row"
                    className="sbx-row"
                    tabIndex={0}
                    aria-selected={selected.has(id)}
                    onClick={(event) => {
                      // The check box selects; the rest of the row opens the card.
                      if (!(event.target as HTMLElement).closest(".sbx-check-cell")) open(row);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" && event.target === event.currentTarget) open(row);
                    }}
                  >
                    <td className="sbx-check-cell">
                      <input
                        type="checkbox"
                        aria-label={t("sandbox.bc.select", { number: String(row[table.numberField] ?? id) })}
                        checked={selected.has(id)}
                        onChange={(event) => toggle(id, event.target.checked)}
                      />
                    </td>
                    {columns.map((field, index) => (
                      <td
                        key={field.name}
                        className={
                          field.type === "number" || field.type === "integer" ? "sbx-num" : undefined
                        }
                      >
                        {index === 0 ? (
                          <Link
                            href={`/bc/${table.name}/${id}`}
                            className="flow-name"
                            onClick={(event) => event.stopPropagation()}
                          >
                            {displayValue(field, row[field.name]) || t("sandbox.bc.noNumber")}
                          </Link>
                        ) : field.name === "status" && table.kind !== "employee" ? (
                          <StatusBadge status={String(row.status ?? "")} posted={row.posted === true} />
                        ) : (
                          displayValue(field, row[field.name])
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager skip={skip} top={PAGE_SIZE} total={page.data.total} onChange={setSkip} />
        </>
      )}

      {dialog === "new" && (
        <NewRecordDialog
          table={table}
          actingAs={actingAs}
          onClose={() => setDialog(undefined)}
          onCreated={(record) => {
            setDialog(undefined);
            toast.success(
              t("sandbox.bc.created", {
                what: singularTitle(table.title),
                number: String(record[table.numberField] ?? ""),
              }),
            );
            navigate(`/bc/${table.name}/${String(record.id)}`);
          }}
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          title={
            selectedRows.length === 1
              ? t("sandbox.bc.delete.title", {
                  what: singularTitle(table.title),
                  number: String(selectedRows[0]?.[table.numberField] ?? ""),
                })
              : t("sandbox.bc.delete.titleMany", { count: selectedRows.length })
          }
          body={t("sandbox.bc.delete.body")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            for (const row of selectedRows) {
              await api.call("sandbox.records.delete", { table: table.name, id: String(row.id), actingAs });
              toggle(String(row.id), false);
            }
            setSelected(new Set());
            setDialog(undefined);
            toast.success(t("sandbox.bc.deleted", { count: selectedRows.length }));
            page.reload();
          }}
        />
      )}
    </div>
  );
}
