import { useEffect, useState } from "react";
import type { MethodOutput, RunSource } from "../../../shared/api";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { describeError } from "../../ui/errors";
import { SearchField } from "../../ui/SearchField";

type Records = MethodOutput<"runs.triggerRecords">;

/** The record picked (by table/id key): its trigger data once read, or why it could not be. */
export type PickedRecord =
  | { key: string; loading: true }
  | { key: string; outputs: string; description: string }
  | { key: string; error: string };

/**
 * "Use a record from the sandbox": the records (or emails) the trigger reports on, searchable; the
 * one picked becomes the trigger data (what the trigger would report for it), shown for editing.
 */
export function RecordPicker({
  flowId,
  source,
  first,
  picked,
  onPick,
}: {
  flowId: string;
  source: RunSource;
  /** The list the dialog loaded to know the option is there (no search, every table). */
  first: Records;
  picked: string | undefined;
  onPick: (pick: PickedRecord) => void;
}) {
  const [typed, setTyped] = useState("");
  const [table, setTable] = useState("");
  const [records, setRecords] = useState<Records>(first);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const search = typed.trim();
    if (!search && !table) {
      setRecords(first);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .call("runs.triggerRecords", {
          flowId,
          source,
          ...(search ? { search } : {}),
          ...(table ? { table } : {}),
        })
        .then(
          (next) => {
            if (!current) return;
            setRecords(next);
            setError(undefined);
          },
          (cause) => current && setError(describeError(cause)),
        );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [flowId, source, typed, table, first]);

  const pick = async (item: Records["items"][number]) => {
    const key = `${item.table}/${item.id}`;
    onPick({ key, loading: true });
    try {
      const sample = await api.call("runs.triggerFromRecord", {
        flowId,
        source,
        table: item.table,
        id: item.id,
      });
      onPick({ key, outputs: JSON.stringify(sample.outputs, null, 2), description: sample.description });
    } catch (cause) {
      onPick({ key, error: describeError(cause) });
    }
  };

  const noun = records.kind === "mail" ? t("test.record.emails") : t("test.record.records");
  return (
    <div className="record-picker">
      <div className="record-picker-bar">
        <SearchField label={t("test.record.search", { what: noun })} value={typed} onChange={setTyped} />
        {records.tables.length > 1 && (
          <select
            className="input"
            aria-label={t("test.record.table")}
            value={table}
            onChange={(e) => setTable(e.target.value)}
          >
            <option value="">{t("test.record.allTables")}</option>
            {records.tables.map((option) => (
              <option key={option.name} value={option.name}>
                {option.title}
              </option>
            ))}
          </select>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {records.items.length === 0 ? (
        <p className="muted">
          {typed.trim()
            ? t("test.record.noMatch", { query: typed.trim() })
            : records.kind === "mail"
              ? t("test.record.noEmail")
              : t("test.record.none")}
        </p>
      ) : (
        <div className="previous-runs" role="radiogroup" aria-label={noun}>
          {records.items.map((item) => {
            const key = `${item.table}/${item.id}`;
            return (
              <label key={key} className={picked === key ? "previous-run selected" : "previous-run"}>
                <input
                  type="radio"
                  name="trigger-record"
                  checked={picked === key}
                  onChange={() => void pick(item)}
                />
                <span className="record-choice-title">{item.title}</span>
                <span className="muted record-choice-detail">{item.detail}</span>
              </label>
            );
          })}
        </div>
      )}
      {records.total > records.items.length && (
        <p className="muted field-help">
          {t("test.record.more", { shown: records.items.length, total: records.total })}
        </p>
      )}
    </div>
  );
}
