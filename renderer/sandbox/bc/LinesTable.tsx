import { Plus, Trash2 } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { ApiError } from "../../../shared/api";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { api } from "../../api/client";
import { type MessageKey, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { errorText } from "../parts/errors";
import { useSandbox, useTable } from "../sandbox-store";
import {
  displayValue,
  type FieldInfo,
  fieldErrorText,
  fieldOfError,
  inputValue,
  isNumeric,
  type TableInfo,
  typedNumber,
} from "./bc-model";
import { useLookup } from "./use-lookup";

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

/**
 * The column headers of the Lines part, shorter than the fields' titles so that they fit on one
 * line beside each other ("Amount excl. tax" for "Line amount excl. tax").
 */
const LINE_TITLES: Readonly<Record<string, MessageKey>> = {
  sequence: "sandbox.bc.line.sequence",
  lineType: "sandbox.bc.line.type",
  lineObjectNumber: "sandbox.bc.line.number",
  description: "sandbox.bc.line.description",
  quantity: "sandbox.bc.line.quantity",
  unitOfMeasureCode: "sandbox.bc.line.unit",
  unitPrice: "sandbox.bc.line.unitPrice",
  directUnitCost: "sandbox.bc.line.unitCost",
  discountPercent: "sandbox.bc.line.discount",
  amountExcludingTax: "sandbox.bc.line.amountExcludingTax",
  amountIncludingTax: "sandbox.bc.line.amountIncludingTax",
};

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
  /** Why the lines cannot change (posted, released): the card says so above; nothing is edited. */
  locked?: string;
}) {
  const linesTable = useTable(table.linesTable ?? "");
  const actingAs = useSandbox((s) => s.actingAs);
  const problemId = useId();
  const [deleting, setDeleting] = useState<JsonObject>();
  // The cell a save refused and why: the cell is marked, the reason said under the lines.
  const [problem, setProblem] = useState<{ line: string; field: string; message: string }>();
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
      setProblem(undefined);
      return true;
    } catch (cause) {
      const message = errorText(cause);
      const named = linesTable?.fields.find(
        (f) => f.name === fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message),
      );
      setProblem({
        line: String(line.id),
        field: field.name,
        message: t("sandbox.bc.lineProblem", {
          line: String(line.sequence ?? ""),
          message: fieldErrorText(message, named ?? field),
        }),
      });
      return false;
    }
  };

  return (
    <section className="sbx-lines" aria-label={t("sandbox.bc.lines")}>
      <h3>{t("sandbox.bc.lines")}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t("sandbox.bc.noLines")}</p>
      ) : (
        <div className="sbx-lines-scroll">
          <table className="table sbx-grid sbx-lines-grid" data-testid="lines-table">
            <thead>
              <tr>
                {columns.map((field) => (
                  <th key={field.name} scope="col" className={isNumeric(field) ? "sbx-num" : undefined}>
                    {LINE_TITLES[field.name] ? t(LINE_TITLES[field.name] as MessageKey) : field.title}
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
                          problem={
                            problem?.line === String(line.id) && problem.field === field.name
                              ? { id: problemId, message: problem.message }
                              : undefined
                          }
                          onProblem={(message) =>
                            setProblem(
                              message === undefined
                                ? undefined
                                : {
                                    line: String(line.id),
                                    field: field.name,
                                    message: t("sandbox.bc.lineProblem", {
                                      line: String(line.sequence ?? ""),
                                      message,
                                    }),
                                  },
                            )
                          }
                          onCommit={(value) => update(line, field, value)}
                        />
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
        </div>
      )}
      {problem && (
        <p id={problemId} className="field-problem error sbx-lines-problem" role="alert">
          {problem.message}
        </p>
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

/**
 * An editable cell: saved on blur or Enter when changed. A value that is not a number, or one
 * Business Central refuses, stays as typed and is marked, with the reason under the lines; Escape
 * puts the saved value back.
 */
function LineCell({
  field,
  value,
  label,
  problem,
  onProblem,
  onCommit,
}: {
  field: FieldInfo;
  value: JsonValue | undefined;
  label: string;
  problem: { id: string; message: string } | undefined;
  onProblem: (message: string | undefined) => void;
  onCommit: (value: string | number) => Promise<boolean>;
}) {
  const shown = String(inputValue(field, value));
  const [text, setText] = useState(shown);
  // A new value from the backend (a recomputation, another window) replaces the cell's.
  useEffect(() => setText(shown), [shown]);

  const commit = async () => {
    if (text === shown) {
      if (problem) onProblem(undefined);
      return;
    }
    if (isNumeric(field)) {
      const n = typedNumber(text);
      if (n === undefined) {
        onProblem(t("sandbox.bc.problem.number", { field: field.title }));
        return;
      }
      if (await onCommit(n)) setText(String(inputValue(field, n)));
    } else await onCommit(text);
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
      if (problem) onProblem(undefined);
    }
  };
  return (
    <input
      className={isNumeric(field) ? "input sbx-line-input sbx-num" : "input sbx-line-input sbx-line-text"}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem?.id}
      inputMode={isNumeric(field) ? "decimal" : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * A new line for an item of the company (its description, unit and price come from the item).
 * The item box suggests the company's items; what is wrong is said under the box it concerns.
 */
function AddLine({ linesTable, documentId }: { linesTable: string; documentId: string }) {
  const actingAs = useSandbox((s) => s.actingAs);
  const id = useId();
  const [item, setItem] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ item?: string; quantity?: string; other?: string }>({});
  const items = useLookup("items");

  const add = async () => {
    const number = item.trim();
    const qty = typedNumber(quantity);
    const found = {
      ...(number === "" ? { item: t("sandbox.bc.addLine.noItem") } : {}),
      ...(qty === undefined || qty <= 0 ? { quantity: t("sandbox.bc.addLine.badQuantity") } : {}),
    };
    if (found.item || found.quantity) {
      setProblems(found);
      document.getElementById(found.item ? `${id}-item` : `${id}-quantity`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.call("sandbox.records.create", {
        table: linesTable,
        fields: { documentId, lineType: "Item", lineObjectNumber: number, quantity: qty ?? 1 },
        actingAs,
      });
      setItem("");
      setQuantity("1");
      setProblems({});
    } catch (cause) {
      const message = errorText(cause);
      const field = fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message);
      const title = field === "quantity" ? t("sandbox.bc.addLine.quantity") : t("sandbox.bc.addLine.item");
      const text = fieldErrorText(message, { name: field ?? "", title, type: "string", readOnly: false });
      if (field === "lineObjectNumber" || field === "itemId") setProblems({ item: text });
      else if (field === "quantity") setProblems({ quantity: text });
      else setProblems({ other: t("sandbox.bc.addLine.failed", { message }) });
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
      <div className="sbx-add-line-fields">
        <div className="sbx-add-line-field">
          <span>
            <label htmlFor={`${id}-item`}>{t("sandbox.bc.addLine.item")}</label>
            <span className="required" aria-hidden="true">
              {" "}
              *
            </span>
          </span>
          <input
            id={`${id}-item`}
            className="input"
            list={`${id}-items`}
            autoComplete="off"
            required
            value={item}
            aria-invalid={problems.item ? true : undefined}
            aria-describedby={problems.item ? `${id}-item-problem` : undefined}
            onChange={(event) => {
              setItem(event.target.value);
              if (problems.item || problems.other)
                setProblems({ ...problems, item: undefined, other: undefined });
            }}
            onKeyDown={onKeyDown}
          />
          {problems.item && (
            <span id={`${id}-item-problem`} className="field-problem error" data-testid="field-error">
              {problems.item}
            </span>
          )}
        </div>
        <datalist id={`${id}-items`}>
          {items?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
        <div className="sbx-add-line-field">
          <label htmlFor={`${id}-quantity`}>{t("sandbox.bc.addLine.quantity")}</label>
          <input
            id={`${id}-quantity`}
            className="input sbx-num"
            inputMode="decimal"
            value={quantity}
            aria-invalid={problems.quantity ? true : undefined}
            aria-describedby={problems.quantity ? `${id}-quantity-problem` : undefined}
            onChange={(event) => {
              setQuantity(event.target.value);
              if (problems.quantity) setProblems({ ...problems, quantity: undefined });
            }}
            onKeyDown={onKeyDown}
          />
          {problems.quantity && (
            <span id={`${id}-quantity-problem`} className="field-problem error" data-testid="field-error">
              {problems.quantity}
            </span>
          )}
        </div>
        <button type="button" className="button" disabled={busy} onClick={() => void add()}>
          <Plus size={15} aria-hidden /> {t("sandbox.bc.addLine")}
        </button>
      </div>
      {problems.other && (
        <p className="field-problem error" role="alert">
          {problems.other}
        </p>
      )}
    </fieldset>
  );
}
