import type { JsonObject } from "../../../shared/json";
import { t } from "../../i18n";
import { useTable } from "../sandbox-store";
import { displayValue, type FieldInfo, type TableInfo } from "./bc-model";

const LINE_COLUMNS = [
  "sequence",
  "lineType",
  "lineObjectNumber",
  "description",
  "quantity",
  "unitOfMeasureCode",
  "unitPrice",
  "directUnitCost",
  "discountPercent",
  "amountExcludingTax",
  "amountIncludingTax",
];

/** A document's lines, as the Lines part of its card shows them. */
export function LinesTable({ table, lines }: { table: TableInfo; lines: readonly JsonObject[] }) {
  const linesTable = useTable(table.linesTable ?? "");
  const columns: FieldInfo[] = LINE_COLUMNS.flatMap((name) => {
    const field = linesTable?.fields.find((f) => f.name === name);
    return field ? [field] : [];
  });
  const numeric = (field: FieldInfo) => field.type === "number" || field.type === "integer";
  return (
    <section className="sbx-lines" aria-label={t("sandbox.bc.lines")}>
      <h3>{t("sandbox.bc.lines")}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t("sandbox.bc.noLines")}</p>
      ) : (
        <table className="table sbx-grid" data-testid="lines-table">
          <thead>
            <tr>
              {columns.map((field) => (
                <th key={field.name} scope="col" className={numeric(field) ? "sbx-num" : undefined}>
                  {field.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={String(line.id)}>
                {columns.map((field) => (
                  <td key={field.name} className={numeric(field) ? "sbx-num" : undefined}>
                    {field.name === "sequence" || field.name === "quantity"
                      ? String(line[field.name] ?? "")
                      : displayValue(field, line[field.name])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
