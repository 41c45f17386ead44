import { FileSpreadsheet, PanelLeftClose, PanelLeftOpen, Sheet } from "lucide-react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { placeOf } from "../last-places";
import { ErrorBanner } from "../parts/ErrorBanner";
import { Pager } from "../parts/Pager";
import { SubHeader } from "../parts/SubHeader";
import { useScrollEdges } from "../parts/scroll-edges";
import { useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { cellText, columnFormats } from "./cells";

const PAGE_SIZE = 100;
const PANE_KEY = "flowsmith.sandbox.excelPaneHidden";

/** A workbook as people know it: its file name. */
function fileName(workbook: { name: string; path: string }): string {
  return workbook.name || workbook.path;
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function paneHidden(): boolean {
  try {
    return window.localStorage.getItem(PANE_KEY) === "1";
  } catch {
    return false;
  }
}

/**
 * Excel: the workbooks in the company's documents, their tables, and each table's rows. The table
 * shown is in the address ("/excel/<table id>"); without one, the first table.
 */
export function ExcelPage({ tableId }: { tableId?: string | undefined }) {
  const [, navigate] = useLocation();
  const workbooks = useLoad("workbooks", () => api.call("sandbox.excel.workbooks", {}));
  const [page, setPage] = useState<{ table: string | undefined; skip: number }>({
    table: undefined,
    skip: 0,
  });
  const [hidePane, setHidePane] = useState(paneHidden);
  const tables = workbooks.data?.flatMap((w) => w.tables);
  const me = useSandbox((s) => s.actingAs);
  const known = tableId !== undefined && tables?.some((tb) => tb.id === tableId);
  // No table in the address (or one that is gone): the one Excel was left on, else the first.
  const left = /^\/excel\/([^/?]+)$/.exec(placeOf("/excel", me))?.[1];
  const leftId = left ? decoded(left) : undefined;
  const currentId = known ? tableId : (tables?.find((tb) => tb.id === leftId)?.id ?? tables?.[0]?.id);
  useEffect(() => {
    if (tables && !known && currentId) navigate(`/excel/${encodeURIComponent(currentId)}`, { replace: true });
  }, [tables, known, currentId, navigate]);
  // Another table starts at its first page.
  const skip = page.table === currentId ? page.skip : 0;
  const setSkip = (next: number) => setPage({ table: currentId, skip: next });

  const rows = useLoad(currentId ? `${currentId}/${skip}` : undefined, () =>
    api.call("sandbox.excel.rows", { tableId: currentId ?? "", top: PAGE_SIZE, skip }),
  );
  useSandboxChanges(
    (c) => c.type.startsWith("excel."),
    () => {
      workbooks.reload();
      rows.reload();
    },
  );

  const workbook = workbooks.data?.find((w) => w.tables.some((tb) => tb.id === currentId));
  const table = workbook?.tables.find((tb) => tb.id === currentId);
  const togglePane = () => {
    const next = !hidePane;
    setHidePane(next);
    try {
      window.localStorage.setItem(PANE_KEY, next ? "1" : "0");
    } catch {
      // Storage refused: the pane stays as chosen for this visit.
    }
  };

  return (
    <div className="sbx-body sbx-split-page">
      <SubHeader
        title={t("sandbox.excel.title")}
        subtitle={workbook && table ? `${fileName(workbook)} › ${table.name}` : undefined}
        actions={
          workbooks.data && (
            <button
              type="button"
              className="button"
              aria-expanded={!hidePane}
              aria-controls="sbx-excel-workbooks"
              onClick={togglePane}
            >
              {hidePane ? (
                <PanelLeftOpen size={16} aria-hidden="true" />
              ) : (
                <PanelLeftClose size={16} aria-hidden="true" />
              )}
              {t(hidePane ? "sandbox.excel.showWorkbooks" : "sandbox.excel.hideWorkbooks")}
            </button>
          )
        }
      />
      {workbooks.error !== undefined && !workbooks.data ? (
        <ErrorBanner error={workbooks.error} onRetry={workbooks.reload} />
      ) : !workbooks.data ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <div className={hidePane ? "sbx-split sbx-split-excel sbx-pane-hidden" : "sbx-split sbx-split-excel"}>
          <nav
            id="sbx-excel-workbooks"
            className="sbx-pane sbx-channels"
            aria-label={t("sandbox.excel.workbooks")}
            hidden={hidePane}
          >
            {workbooks.data.map((w) => (
              <section key={w.id} className="sbx-team" aria-label={fileName(w)}>
                <h3 className="sbx-workbook-name" title={w.path}>
                  <FileSpreadsheet size={14} aria-hidden="true" />
                  <span>{fileName(w)}</span>
                </h3>
                <ul>
                  {w.tables.map((tb) => (
                    <li key={tb.id}>
                      <button
                        type="button"
                        className={tb.id === currentId ? "sbx-folder active" : "sbx-folder"}
                        aria-current={tb.id === currentId ? "true" : undefined}
                        onClick={() => navigate(`/excel/${encodeURIComponent(tb.id)}`)}
                      >
                        <Sheet size={14} aria-hidden="true" />
                        <span>{tb.name}</span>
                        {typeof tb.rowCount === "number" && (
                          <span className="sbx-count muted">{tb.rowCount}</span>
                        )}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </nav>
          <section className="sbx-pane sbx-sheet" aria-label={t("sandbox.excel.rows")}>
            {rows.error !== undefined && !rows.data ? (
              <ErrorBanner error={rows.error} onRetry={rows.reload} />
            ) : !table || !rows.data ? (
              <p className="muted sbx-pane-note">{t("common.loading")}</p>
            ) : (
              <SheetTable
                columns={table.columns}
                rows={rows.data.items}
                first={skip + 1}
                pager={
                  rows.data.items.length > 0 && (
                    <Pager skip={skip} top={PAGE_SIZE} total={rows.data.total} onChange={setSkip} />
                  )
                }
              />
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/**
 * A table's grid: its header row always (an empty table still shows its columns), numbers
 * right-aligned and grouped, dates readable, and a shadow on the side where columns are cut.
 */
function SheetTable({
  columns,
  rows,
  first,
  pager,
}: {
  columns: readonly string[];
  rows: readonly { id: string; values: Record<string, unknown>; createdAt?: unknown }[];
  first: number;
  pager: ReactNode;
}) {
  const formats = useMemo(
    () =>
      columnFormats(
        columns,
        rows.map((row) => row.values),
      ),
    [columns, rows],
  );
  const scroller = useRef<HTMLElement>(null);
  const edges = useScrollEdges(scroller, rows);
  const frame = ["sbx-sheet-frame", edges.before ? "more-before" : "", edges.after ? "more-after" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <div className={frame} data-testid="excel-frame">
        {/* Wide tables scroll sideways: focusable, so the keyboard can scroll them too. */}
        <section
          ref={scroller}
          className="sbx-sheet-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keys
          tabIndex={0}
          aria-label={t("sandbox.excel.table")}
        >
          <table className="table sbx-grid sbx-sheet-grid" data-testid="excel-rows">
            <thead>
              <tr>
                <th scope="col" className="sbx-num">
                  #
                </th>
                {columns.map((column) => (
                  <th
                    key={column}
                    scope="col"
                    className={formats[column]?.kind === "number" ? "sbx-num" : undefined}
                  >
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr
                  key={row.id}
                  title={typeof row.createdAt === "string" ? formatDateTime(row.createdAt) : undefined}
                >
                  <td className="sbx-num muted">{first + index}</td>
                  {columns.map((column) => {
                    const format = formats[column];
                    const raw = row.values[column];
                    const shown = cellText(raw, format);
                    const held = raw === undefined || raw === null ? "" : String(raw);
                    return (
                      <td
                        key={column}
                        className={format?.kind === "number" ? "sbx-num" : undefined}
                        // What the cell holds, where it reads otherwise ("12821.39" for "12,821.39").
                        title={shown !== held && typeof raw !== "object" ? held : undefined}
                      >
                        {shown}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={<Sheet size={32} />} title={t("sandbox.excel.empty.title")}>
          {t("sandbox.excel.empty.body")}
        </EmptyState>
      ) : (
        pager
      )}
    </>
  );
}
