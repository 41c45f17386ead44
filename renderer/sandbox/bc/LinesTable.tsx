import { Plus, Trash2 } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toasts";
import { errorText } from "../parts/errors";
import { useSandbox, useTable } from "../sandbox-store";
import { useLoad } from "../use-sandbox-data";
import { displayValue, type FieldInfo, inputValue, isNumeric, type TableInfo, typedNumber } from "./bc-model";

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

/** What a person changes on a line, as Business Central's Lines part lets them; the rest is computed. */
const EDITABLE = new Set(["description", "quantity", "unitPrice", "directUnitCost", "discountPercent"]);

/**
 * A document's lines, as the Lines part of its card shows them. While the document is open, the
 * person edits a line's description, quantity, price and discount in place (saved when they leave
 * the cell or press Enter; Escape puts the value back), adds a line for an item, and deletes one;
 * the backend recomputes the line's amounts and the document's totals.
 */
export function LinesTable({
  table,
  documentId,
  lines,
  locked,
}: {
  table: TableInfo;
  documentId: string;
  lines: readonly JsonObject[];
  /** Why the lines cannot change (posted, released), or undefined when they can. */
  locked?: string;
}) {
  const linesTable = useTable(table.linesTable ?? "");
  const actingAs = useSandbox((s) => s.actingAs);
  const [deleting, setDeleting] = useState<JsonObject>();
  const columns: FieldInfo[] = LINE_COLUMNS.flatMap((name) => {
    const field = linesTable?.fields.find((f) => f.name === name);
    return field ? [field] : [];
  });
  const tableName = linesTable?.name ?? "";
  const editing = locked === undefined && linesTable !== undefined;

  const update = async (line: JsonObject, field: FieldInfo, value: string | number): Promise<boolean> => {
    try {
      await api.call("sandbox.records.update", {
        table: tableName,
        id: String(line.id),
        patch: { [field.name]: value },
        actingAs,
      });
      return true;
    } catch (cause) {
      toast.error(t("sandbox.bc.lineNotSaved", { field: field.title, message: errorText(cause) }));
      return false;
    }
  };

  return (
    <section className="sbx-lines" aria-label={t("sandbox.bc.lines")}>
      <h3>{t("sandbox.bc.lines")}</h3>
      {locked !== undefined && lines.length > 0 && <p className="muted sbx-lines-locked">{locked}</p>}
      {lines.length === 0 ? (
        <p className="muted">{t("sandbox.bc.noLines")}</p>
      ) : (
        <table className="table sbx-grid" data-testid="lines-table">
          <thead>
            <tr>
              {columns.map((field) => (
                <th key={field.name} scope="col" className={isNumeric(field) ? "sbx-num" : undefined}>
                  {field.title}
                </th>
              ))}
              {editing && (
                <th scope="col">
                  <span className="visually-hidden">{t("common.delete")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={String(line.id)}>
                {columns.map((field) => (
                  <td key={field.name} className={isNumeric(field) ? "sbx-num" : undefined}>
                    {editing && EDITABLE.has(field.name) ? (
                      <LineCell
                        field={field}
                        value={line[field.name]}
                        label={t("sandbox.bc.lineField", {
                          field: field.title,
                          line: String(line.sequence ?? ""),
                        })}
                        onCommit={(value) => update(line, field, value)}
                      />
                    ) : field.name === "sequence" || field.name === "quantity" ? (
                      String(line[field.name] ?? "")
                    ) : (
                      displayValue(field, line[field.name])
                    )}
                  </td>
                ))}
                {editing && (
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t("sandbox.bc.deleteLine", { line: String(line.sequence ?? "") })}
                      title={t("sandbox.bc.deleteLine", { line: String(line.sequence ?? "") })}
                      onClick={() => setDeleting(line)}
                    >
                      <Trash2 size={15} aria-hidden />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <AddLine linesTable={tableName} documentId={documentId} />}
      {deleting && (
        <ConfirmDialog
          title={t("sandbox.bc.deleteLine.title", {
            line: String(deleting.sequence ?? ""),
            description: String(deleting.description ?? ""),
          })}
          body={t("sandbox.bc.deleteLine.body")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await api.call("sandbox.records.delete", { table: tableName, id: String(deleting.id), actingAs });
            setDeleting(undefined);
          }}
        />
      )}
    </section>
  );
}

/** An editable cell: saved on blur or Enter when changed, put back on Escape or when refused. */
function LineCell({
  field,
  value,
  label,
  onCommit,
}: {
  field: FieldInfo;
  value: JsonValue | undefined;
  label: string;
  onCommit: (value: string | number) => Promise<boolean>;
}) {
  const shown = String(inputValue(field, value));
  const [text, setText] = useState(shown);
  // A new value from the backend (a recomputation, another window) replaces the cell's.
  useEffect(() => setText(shown), [shown]);

  const commit = async () => {
    if (text === shown) return;
    if (isNumeric(field)) {
      const n = typedNumber(text);
      if (n === undefined) {
        toast.error(t("sandbox.bc.lineNotNumber", { field: field.title, value: text }));
        setText(shown);
        return;
      }
      if (!(await onCommit(n))) setText(shown);
    } else if (!(await onCommit(text))) setText(shown);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The lines sit inside the card's form: their keys are theirs, not the card's Save/Cancel.
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setText(shown);
    }
  };
  return (
    <input
      className={isNumeric(field) ? "input sbx-line-input sbx-num" : "input sbx-line-input sbx-line-text"}
      aria-label={label}
      inputMode={isNumeric(field) ? "decimal" : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={onKeyDown}
    />
  );
}

/** A new line for an item of the company (its description, unit and price come from the item). */
function AddLine({ linesTable, documentId }: { linesTable: string; documentId: string }) {
  const actingAs = useSandbox((s) => s.actingAs);
  const listId = useId();
  const [item, setItem] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [busy, setBusy] = useState(false);

  // Only for suggestions: without them the item is still typed by number, and the backend names a wrong one.
  const items = useLoad("items/suggestions", () =>
    api.call("sandbox.records.list", { table: "items", top: 500 }),
  ).data?.items;

  const add = async () => {
    const number = item.trim();
    const qty = typedNumber(quantity);
    if (number === "") {
      toast.error(t("sandbox.bc.addLine.noItem"));
      return;
    }
    if (qty === undefined || qty <= 0) {
      toast.error(t("sandbox.bc.addLine.badQuantity", { value: quantity }));
      return;
    }
    setBusy(true);
    try {
      await api.call("sandbox.records.create", {
        table: linesTable,
        fields: { documentId, lineType: "Item", lineObjectNumber: number, quantity: qty },
        actingAs,
      });
      setItem("");
      setQuantity("1");
    } catch (cause) {
      toast.error(t("sandbox.bc.addLine.failed", { message: errorText(cause) }));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void add();
    }
  };

  return (
    <fieldset className="sbx-add-line" aria-label={t("sandbox.bc.addLine")}>
      <label>
        {t("sandbox.bc.addLine.item")}
        <input
          className="input"
          list={listId}
          value={item}
          placeholder="1000"
          onChange={(event) => setItem(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <datalist id={listId}>
        {items?.map((i) => (
          <option key={String(i.id)} value={String(i.number ?? "")}>
            {String(i.displayName ?? "")}
          </option>
        ))}
      </datalist>
      <label>
        {t("sandbox.bc.addLine.quantity")}
        <input
          className="input sbx-num"
          inputMode="decimal"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => void add()}>
        <Plus size={15} aria-hidden /> {t("sandbox.bc.addLine")}
      </button>
    </fieldset>
  );
}
