import { FileSpreadsheet, Sheet } from "lucide-react";
import { useState } from "react";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorBanner } from "../parts/ErrorBanner";
import { Pager } from "../parts/Pager";
import { SubHeader } from "../parts/SubHeader";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";

const PAGE_SIZE = 100;

/** A workbook as people know it: its file name. */
function fileName(workbook: { name: string; path: string }): string {
  return workbook.name || workbook.path;
}

/** Excel: the workbooks in the company's documents, their tables, and each table's rows. */
export function ExcelPage() {
  const workbooks = useLoad("workbooks", () => api.call("sandbox.excel.workbooks", {}));
  const [tableId, setTableId] = useState<string>();
  const [skip, setSkip] = useState(0);
  const firstTable = workbooks.data?.flatMap((w) => w.tables)[0];
  const currentId = tableId ?? firstTable?.id;
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

  return (
    <div className="sbx-body sbx-split-page">
      <SubHeader
        title={t("sandbox.excel.title")}
        subtitle={workbook && table ? `${fileName(workbook)} › ${table.name}` : undefined}
      />
      {workbooks.error !== undefined && !workbooks.data ? (
        <ErrorBanner error={workbooks.error} onRetry={workbooks.reload} />
      ) : !workbooks.data ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <div className="sbx-split">
          <nav className="sbx-pane sbx-channels" aria-label={t("sandbox.excel.workbooks")}>
            {workbooks.data.map((w) => (
              <section key={w.id} className="sbx-team" aria-label={fileName(w)}>
                <h3>
                  <FileSpreadsheet size={14} aria-hidden="true" />
                  {fileName(w)}
                </h3>
                <ul>
                  {w.tables.map((tb) => (
                    <li key={tb.id}>
                      <button
                        type="button"
                        className={tb.id === currentId ? "sbx-folder active" : "sbx-folder"}
                        aria-current={tb.id === currentId ? "true" : undefined}
                        onClick={() => {
                          setTableId(tb.id);
                          setSkip(0);
                        }}
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
            ) : rows.data.items.length === 0 ? (
              <EmptyState icon={<Sheet size={32} />} title={t("sandbox.excel.empty.title")}>
                {t("sandbox.excel.empty.body")}
              </EmptyState>
            ) : (
              <>
                {/* Wide tables scroll sideways: focusable, so the keyboard can scroll them too. */}
                <section
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
                        {table.columns.map((column) => (
                          <th key={column} scope="col">
                            {column}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.data.items.map((row, index) => (
                        <tr
                          key={row.id}
                          title={
                            typeof row.createdAt === "string" ? formatDateTime(row.createdAt) : undefined
                          }
                        >
                          <td className="sbx-num muted">{skip + index + 1}</td>
                          {table.columns.map((column) => (
                            <td key={column}>{cell(row.values[column])}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
                <Pager skip={skip} top={PAGE_SIZE} total={rows.data.total} onChange={setSkip} />
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
