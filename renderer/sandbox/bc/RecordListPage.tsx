import { ArrowDown, ArrowUp, ChevronLeft, Plus, Search, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import type { JsonObject } from "../../../shared/json";
import { api } from "../../api/client";
import { useStillShown } from "../../app/hash-location";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ConfirmList } from "../../ui/ConfirmList";
import { EmptyState } from "../../ui/EmptyState";
import { SearchField } from "../../ui/SearchField";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { Pager } from "../parts/Pager";
import { StatusBadge } from "../parts/StatusBadge";
import { SubHeader } from "../parts/SubHeader";
import { useSandbox, useTable } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { AutomateSlot } from "./AutomateSlot";
import {
  cellKind,
  DOCUMENT_COLUMN,
  displayValue,
  type FieldInfo,
  inSentence,
  listColumns,
  recordName,
  singularTitle,
  type TableInfo,
} from "./bc-model";
import {
  type ListQuery,
  listPath,
  readListQuery,
  rememberListView,
  sortedBy,
  writeListQuery,
} from "./list-query";
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
  const columns = useMemo(() => listColumns(table), [table]);
  const sortable = useMemo(() => columns.map((field) => field.name), [columns]);
  // The address holds the view (search, sort, page): Back from a card, a reload or a link shows it again.
  const address = useSearch();
  const view = useMemo(() => readListQuery(address, sortable), [address, sortable]);
  const latestView = useRef(view);
  latestView.current = view;
  const show = (next: ListQuery, replace = false) => navigate(listPath(table.name, next), { replace });
  useEffect(() => rememberListView(table.name, writeListQuery(view)), [table.name, view]);

  const [typed, setTyped] = useState(view.q);
  // Back or Forward to another search: the box shows it (in this render, so no stale keystroke wins).
  const [typedFor, setTypedFor] = useState(view.q);
  if (view.q !== typedFor) {
    setTypedFor(view.q);
    if (typed.trim() !== view.q) setTyped(view.q);
  }
  const searchInput = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<"new" | "delete">();

  // Search as the person types, once they pause; typing replaces the address rather than add to history.
  const stillShown = useStillShown();
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!stillShown()) return;
      const current = latestView.current;
      const q = typed.trim();
      if (q !== current.q) navigate(listPath(table.name, { ...current, q, page: 1 }), { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, navigate, table.name, stillShown]);

  const skip = (view.page - 1) * PAGE_SIZE;
  const key = JSON.stringify([table.name, view.q, skip, view.sort]);
  const page = useLoad(key, () =>
    api.call("sandbox.records.list", {
      table: table.name,
      top: PAGE_SIZE,
      skip,
      ...(view.q ? { search: view.q } : {}),
      ...(view.sort?.field === DOCUMENT_COLUMN
        ? { byDocument: view.sort.desc ? "desc" : "asc" }
        : view.sort
          ? { orderBy: `${view.sort.field}${view.sort.desc ? " desc" : ""}` }
          : {}),
    }),
  );
  useSandboxChanges((c) => c.table === table.name, page.reload);

  // The rows last shown stay, dimmed, while another sort, page or search loads: the table is not
  // swapped for "Loading…", so a focused header keeps focus and the page does not jump.
  const [lastShown, setLastShown] = useState<{ data: NonNullable<typeof page.data>; q: string }>();
  if (page.data && page.data !== lastShown?.data) setLastShown({ data: page.data, q: view.q });
  const shown = page.data ? { data: page.data, q: view.q } : page.error === undefined ? lastShown : undefined;
  const busy = !page.data && shown !== undefined;

  // A page past the end (rows deleted, an old link): the last page instead.
  useEffect(() => {
    const data = page.data;
    const current = latestView.current;
    if (data && data.items.length === 0 && data.total > 0 && current.page > 1)
      navigate(listPath(table.name, { ...current, page: Math.ceil(data.total / PAGE_SIZE) }), {
        replace: true,
      });
  }, [page.data, navigate, table.name]);

  const rows = shown?.data.items ?? [];
  const documentNumbers = useDocumentNumbers(table, rows);
  const selectedRows = rows.filter((row) => selected.has(String(row.id)));
  const open = (row: JsonObject) => navigate(`/bc/${table.name}/${String(row.id)}`);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const clearSearch = () => {
    setTyped("");
    show({ ...view, q: "", page: 1 }, true);
    // The button goes with the message: focus goes where the next search is typed.
    searchInput.current?.focus();
  };

  return (
    <div className="sbx-body sbx-list-page">
      <SubHeader
        before={
          <Link href="/bc" className="sbx-back">
            <ChevronLeft size={16} aria-hidden="true" />
            {t("sandbox.bc.title")}
          </Link>
        }
        title={table.title}
        subtitle={shown ? t("sandbox.bc.records", { count: shown.data.total }) : undefined}
        actions={
          <>
            <SearchField
              label={t("sandbox.bc.search", { table: inSentence(table.title) })}
              placeholder={t("sandbox.bc.searchShort")}
              className="sbx-list-search"
              value={typed}
              onChange={setTyped}
              inputRef={searchInput}
            />
            <button type="button" className="button" onClick={() => setDialog("new")}>
              <Plus size={16} aria-hidden="true" />
              {t("sandbox.bc.new")}
            </button>
            <button
              type="button"
              className="button sbx-delete-button"
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

      <div className="sbx-list-scroll">
        {page.error !== undefined && !page.data ? (
          <ErrorBanner error={page.error} onRetry={page.reload} />
        ) : !shown ? (
          <p className="muted">{t("common.loading")}</p>
        ) : shown.data.total === 0 ? (
          shown.q ? (
            <p
              className="muted sbx-empty-line list-no-match"
              role="status"
              aria-busy={busy || undefined}
              data-query={shown.q}
            >
              {t("sandbox.bc.noMatch", { query: shown.q })}
              <button type="button" className="link-button" onClick={clearSearch}>
                {t("sandbox.bc.clearSearch")}
              </button>
            </p>
          ) : (
            <p className="muted sbx-empty-line">{t("sandbox.bc.empty")}</p>
          )
        ) : (
          <>
            <table
              className="table sbx-grid sbx-list"
              data-testid="record-table"
              aria-busy={busy || undefined}
              // The search these rows answer (they stay while the next one loads, marked busy).
              data-query={shown.q}
            >
              <thead>
                <tr>
                  <th scope="col" className="sbx-check-cell">
                    <input
                      type="checkbox"
                      aria-label={t("sandbox.bc.selectAll")}
                      checked={rows.length > 0 && selectedRows.length === rows.length}
                      onChange={(event) =>
                        setSelected(event.target.checked ? new Set(rows.map((r) => String(r.id))) : new Set())
                      }
                    />
                  </th>
                  {columns.map((field) => {
                    const sorted = view.sort?.field === field.name ? view.sort : undefined;
                    return (
                      <th
                        key={field.name}
                        scope="col"
                        className={cellClass(field, columns)}
                        aria-sort={sorted ? (sorted.desc ? "descending" : "ascending") : "none"}
                      >
                        <button
                          type="button"
                          className="sbx-sort"
                          onClick={() => show(sortedBy(view, field.name))}
                        >
                          {field.title}
                          {sorted &&
                            (sorted.desc ? (
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
                    // A click anywhere on the row opens the card too, for the mouse; the keyboard and
                    // screen readers have the No. link, so the row is not a Tab stop of its own.
                    <tr
                      key={id}
                      data-testid="record-row"
                      className="sbx-row"
                      aria-selected={selected.has(id)}
                      onClick={(event) => {
                        // The check box selects; text being selected is not a click to open.
                        if ((event.target as HTMLElement).closest(".sbx-check-cell, a")) return;
                        if (window.getSelection()?.isCollapsed === false) return;
                        open(row);
                      }}
                    >
                      <td className="sbx-check-cell">
                        <input
                          type="checkbox"
                          aria-label={t("sandbox.bc.select", {
                            number: String(row[table.numberField] ?? id),
                          })}
                          checked={selected.has(id)}
                          onChange={(event) => toggle(id, event.target.checked)}
                        />
                      </td>
                      {columns.map((field) => (
                        <Cell
                          key={field.name}
                          table={table}
                          field={field}
                          className={cellClass(field, columns)}
                          row={row}
                          document={
                            field.name === DOCUMENT_COLUMN
                              ? documentNumbers.get(String(row.documentId ?? ""))
                              : undefined
                          }
                        />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {/* One page: the count is under the title already. */}
            {(shown.data.total > PAGE_SIZE || skip > 0) && (
              <Pager
                skip={skip}
                top={PAGE_SIZE}
                total={shown.data.total}
                onChange={(next) => show({ ...view, page: Math.floor(next / PAGE_SIZE) + 1 })}
              />
            )}
          </>
        )}
      </div>

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
                  what: inSentence(singularTitle(table.title)),
                  number: String(selectedRows[0]?.[table.numberField] ?? ""),
                })
              : t("sandbox.bc.delete.titleMany", {
                  count: selectedRows.length,
                  what: inSentence(table.title),
                })
          }
          body={t(selectedRows.length === 1 ? "sandbox.bc.delete.body" : "sandbox.bc.delete.bodyMany")}
          details={
            selectedRows.length > 1 ? (
              <ConfirmList
                testId="delete-list"
                limit={10}
                items={selectedRows.map((row) => ({
                  id: String(row.id),
                  name: String(row[table.numberField] ?? "") || t("sandbox.bc.noNumber"),
                  detail: recordName(row) || undefined,
                }))}
              />
            ) : undefined
          }
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            // Each record on its own: one refused (pending approval…) does not stop the others, and
            // the person learns which were deleted and which were not, and why; those stay ticked.
            const refused: { id: string; reason: string }[] = [];
            for (const row of selectedRows) {
              try {
                await api.call("sandbox.records.delete", { table: table.name, id: String(row.id), actingAs });
              } catch (cause) {
                const number = String(row[table.numberField] ?? row.id);
                refused.push({ id: String(row.id), reason: `${number}: ${errorText(cause)}` });
              }
            }
            const deleted = selectedRows.length - refused.length;
            setSelected(new Set(refused.map((r) => r.id)));
            setDialog(undefined);
            if (deleted > 0)
              toast.success(
                deleted === 1
                  ? t("sandbox.bc.deletedOne", {
                      what: singularTitle(table.title),
                      number: String(
                        selectedRows.find((row) => !refused.some((r) => r.id === String(row.id)))?.[
                          table.numberField
                        ] ?? "",
                      ),
                    })
                  : t("sandbox.bc.deleted", { count: deleted, what: inSentence(table.title) }),
              );
            if (refused.length > 0)
              toast.error(
                t("sandbox.bc.deleteRefused", {
                  count: refused.length,
                  reasons: refused.map((r) => r.reason).join(" · "),
                }),
              );
            page.reload();
          }}
        />
      )}
    </div>
  );
}

/**
 * The class of a list cell by what it holds: codes and numbers on one line, text cut with "…";
 * the first text column (the name) takes the room the others leave.
 */
function cellClass(field: FieldInfo, columns: readonly FieldInfo[]): string {
  const kind = cellKind(field);
  if (kind === "number") return "sbx-num sbx-cell-nowrap";
  if (kind !== "text") return "sbx-cell-nowrap";
  const main = columns.find((column) => cellKind(column) === "text");
  return main === field ? "sbx-cell-text sbx-cell-main" : "sbx-cell-text";
}

/** One cell of a list row: the number links to the card, a line's document to the document's. */
function Cell({
  table,
  field,
  className,
  row,
  document,
}: {
  table: TableInfo;
  field: FieldInfo;
  className: string;
  row: JsonObject;
  document: string | undefined;
}) {
  const id = String(row.id);
  if (field.name === DOCUMENT_COLUMN) {
    return (
      <td className={className}>
        {document !== undefined && table.documentTable && (
          <Link href={`/bc/${table.documentTable}/${String(row.documentId)}`} className="sbx-cell-link">
            {document}
          </Link>
        )}
      </td>
    );
  }
  const text = displayValue(field, row[field.name]);
  if (field.name === table.numberField) {
    return (
      <td className={className}>
        <Link href={`/bc/${table.name}/${id}`} className="flow-name">
          {text || t("sandbox.bc.noNumber")}
        </Link>
      </td>
    );
  }
  if (field.name === "status" && table.kind !== "employee") {
    return (
      <td className={className}>
        <StatusBadge status={String(row.status ?? "")} posted={row.posted === true} />
      </td>
    );
  }
  const kind = cellKind(field);
  // A name cut short shows in full on hover.
  return (
    <td className={className} title={kind === "text" && text !== "" ? text : undefined}>
      {text}
    </td>
  );
}

/** The numbers of the documents the rows of a line list belong to, by document id. */
function useDocumentNumbers(table: TableInfo, rows: readonly JsonObject[]): ReadonlyMap<string, string> {
  const documentTable = table.kind === "line" ? table.documentTable : null;
  const ids = [...new Set(rows.map((row) => String(row.documentId ?? "")).filter((id) => id !== ""))].sort();
  const key = documentTable && ids.length > 0 ? JSON.stringify([documentTable, ids]) : undefined;
  const documents = useLoad(key, () =>
    api.call("sandbox.records.list", {
      table: documentTable ?? "",
      filter: `id in (${ids.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ")})`,
      top: ids.length,
    }),
  );
  return useMemo(() => {
    const numbers = new Map<string, string>();
    for (const document of documents.data?.items ?? []) {
      numbers.set(String(document.id), String(document.number ?? ""));
    }
    return numbers;
  }, [documents.data]);
}
