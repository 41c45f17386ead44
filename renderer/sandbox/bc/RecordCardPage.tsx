import { ChevronLeft, FileQuestion, Lock, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import {
  ApiError,
  type ApprovalRequestInfo,
  type RequestAnswer,
  sentForApprovalSchema,
} from "../../../shared/api";
import type { JsonObject } from "../../../shared/json";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/EmptyState";
import { toast } from "../../ui/toasts";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { StatusBadge } from "../parts/StatusBadge";
import { SubHeader } from "../parts/SubHeader";
import { useSandbox, useTable } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { AutomateSlot } from "./AutomateSlot";
import {
  ACTION_LABELS,
  actionDisabledReason,
  actionEnabled,
  cardSections,
  displayValue,
  type FieldInfo,
  fieldErrorText,
  fieldOfError,
  inputValue,
  isEditable,
  lockedReason,
  patchOf,
  type RecordAction,
  replacesRecord,
  singularTitle,
  type TableInfo,
} from "./bc-model";
import { FieldInput } from "./FieldInput";
import { type CardForm, keepEdits, keptEdits } from "./kept-edits";
import { LinesTable } from "./LinesTable";
import { lastListPath } from "./list-query";

/** A record's card: every field, the editable ones in a form, its lines and its actions. */
export function RecordCardPage({ table: tableName, id }: { table: string; id: string }) {
  const table = useTable(tableName);
  const tables = useSandbox((s) => s.tables);
  if (!tables) return <p className="muted sbx-body">{t("common.loading")}</p>;
  if (!table) {
    return (
      <div className="sbx-body">
        <EmptyState icon={<FileQuestion size={40} />} title={t("sandbox.bc.noTable", { name: tableName })}>
          <Link href="/bc">{t("sandbox.bc.backToTables")}</Link>
        </EmptyState>
      </div>
    );
  }
  // A card per record: another record's card starts from its own edits, not this one's.
  return <RecordCard key={`${table.name}/${id}`} table={table} id={id} />;
}

/** Where an action that replaces the record (convert, post an order) leaves the person. */
function targetTable(table: TableInfo, action: RecordAction): string {
  if (action === "makeOrder") return "salesOrders";
  if (action === "makeInvoice") return "salesInvoices";
  return table.name.startsWith("sales") ? "salesInvoices" : "purchaseInvoices";
}

function RecordCard({ table, id }: { table: TableInfo; id: string }) {
  const [, navigate] = useLocation();
  const actingAs = useSandbox((s) => s.actingAs);
  const loaded = useLoad(`${table.name}/${id}`, () =>
    api.call("sandbox.records.get", { table: table.name, id }),
  );
  useSandboxChanges(
    (c) =>
      (c.table === table.name && c.id === id) || (table.linesTable !== null && c.table === table.linesTable),
    loaded.reload,
  );

  const record = loaded.data?.record;
  const editable = useMemo(() => table.fields.filter((f) => isEditable(table, f)), [table]);
  const sections = useMemo(() => cardSections(table), [table]);
  const fromRecord = (value: JsonObject): CardForm =>
    Object.fromEntries(editable.map((f) => [f.name, inputValue(f, value[f.name])]));
  // Edits left unsaved on an earlier visit come back with the card.
  const [keptAtOpen] = useState(() => keptEdits(table.name, id));
  const [form, setForm] = useState<CardForm>(() => keptAtOpen?.form ?? {});
  const [base, setBase] = useState<JsonObject | undefined>(() => keptAtOpen?.base);
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [busy, setBusy] = useState<string>();
  // The field a save refused gets the keyboard once the form is enabled again (not while busy).
  const [refusedField, setRefusedField] = useState<string>();
  useEffect(() => {
    if (refusedField === undefined || busy !== undefined) return;
    showField(refusedField);
    setRefusedField(undefined);
  }, [refusedField, busy]);
  const [confirm, setConfirm] = useState<"delete" | "post">();
  const patch = base ? patchOf(editable, base, form) : {};
  const dirty = Object.keys(patch).length > 0;
  // A change made elsewhere (a flow, another window) while the person has unsaved edits.
  const changedElsewhere =
    dirty && record !== undefined && base !== undefined && record.systemModifiedAt !== base.systemModifiedAt;

  const gone = loaded.error instanceof ApiError && loaded.error.code === "not_found";
  useEffect(
    () => keepEdits(table.name, id, dirty && base && !gone ? { form, base } : undefined),
    [table.name, id, form, base, dirty, gone],
  );
  // Leaving the card with edits not saved (they are kept): the person is told where.
  const recordTitle = useRef("");
  recordTitle.current = `${singularTitle(table.title)} ${String(record?.[table.numberField] ?? "")}`.trim();
  useEffect(
    () => () => {
      if (!keptEdits(table.name, id)) return;
      const back = `~/sandbox/bc/${table.name}/${id}`;
      toast.info(
        t("sandbox.bc.editsKept", { record: recordTitle.current }),
        { label: t("sandbox.bc.backToEdits"), run: () => navigate(back) },
        `bc-edits:${table.name}/${id}`,
      );
    },
    [table.name, id, navigate],
  );

  // Follow the record while the person has nothing unsaved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new record resets the form
  useEffect(() => {
    if (!record || dirty) return;
    setBase(record);
    setForm(fromRecord(record));
  }, [record]);

  if (gone) {
    return (
      <div className="sbx-body">
        <EmptyState icon={<FileQuestion size={40} />} title={t("sandbox.bc.gone")}>
          <Link href={lastListPath(table.name)}>{t("sandbox.bc.backTo", { table: table.title })}</Link>
        </EmptyState>
      </div>
    );
  }
  if (loaded.error !== undefined && !record)
    return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!record || !base) return <p className="muted sbx-body">{t("common.loading")}</p>;

  const number = String(record[table.numberField] ?? "");
  const what = singularTitle(table.title);
  const locked = lockedReason(table, record);
  const pending = record.status === "Pending Approval";
  const request = loaded.data?.approvalRequest ?? null;
  const party = typeof record.vendorName === "string" ? record.vendorName : record.customerName;
  const subtitle = [
    typeof party === "string" ? party : typeof record.displayName === "string" ? record.displayName : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const hasStatus = typeof record.status === "string" && table.kind !== "employee";

  const save = async () => {
    setBusy("save");
    try {
      const saved = await api.call("sandbox.records.update", { table: table.name, id, patch, actingAs });
      setBase(saved);
      setForm(fromRecord(saved));
      setError(undefined);
      toast.success(t("sandbox.bc.saved", { what, number: String(saved[table.numberField] ?? number) }));
      loaded.reload();
    } catch (cause) {
      const message = errorText(cause);
      const field = fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message);
      const info = table.fields.find((f) => f.name === field);
      setError(info ? { message: fieldErrorText(message, info), field: info.name } : { message });
      if (info) setRefusedField(info.name);
    } finally {
      setBusy(undefined);
    }
  };
  const cancel = () => {
    setBase(record);
    setForm(fromRecord(record));
    setError(undefined);
  };
  const run = async (action: RecordAction) => {
    setBusy(action);
    try {
      const result = await api.call("sandbox.records.action", { table: table.name, id, action, actingAs });
      if (replacesRecord(table, action) && typeof result === "object" && result !== null && "id" in result) {
        const target = targetTable(table, action);
        toast.success(t("sandbox.bc.actionDone", { action: t(ACTION_LABELS[action]), number }));
        navigate(`/bc/${target}/${String(result.id)}`);
        return;
      }
      if (action === "sendForApproval") {
        const sent = sentForApprovalSchema.safeParse(result);
        const answer = sent.success ? sent.data.answeredBy : undefined;
        // Nothing answers: told at once, not found out days later. A newer word on the record's
        // request (sent again, canceled) replaces this one.
        const about = `bc-request:${table.name}/${id}`;
        if (answer?.kind === "nobody") toast.info(sentText(number || what, answer), undefined, about);
        else toast.success(sentText(number || what, answer), undefined, about);
      } else {
        toast.success(
          t("sandbox.bc.actionDone", { action: t(ACTION_LABELS[action]), number: number || what }),
          undefined,
          action === "cancelApprovalRequest" ? `bc-request:${table.name}/${id}` : undefined,
        );
      }
      loaded.reload();
    } catch (cause) {
      toast.error(errorText(cause));
    } finally {
      setBusy(undefined);
    }
  };

  const renderField = (field: FieldInfo) =>
    editable.includes(field) ? (
      <FieldInput
        key={field.name}
        field={field}
        value={form[field.name] ?? ""}
        disabled={locked !== undefined || busy !== undefined}
        invalid={error?.field === field.name}
        onChange={(value) => {
          setForm({ ...form, [field.name]: value });
          if (error?.field === field.name) setError(undefined);
        }}
      />
    ) : (
      <div key={field.name} className="sbx-field">
        <span className="sbx-field-label">{field.title}</span>
        <span className="sbx-readonly" data-field={field.name}>
          {displayValue(field, record[field.name]) || "—"}
        </span>
      </div>
    );

  return (
    <div className="sbx-body sbx-scroll">
      <SubHeader
        before={
          <Link href={lastListPath(table.name)} className="sbx-back">
            <ChevronLeft size={16} aria-hidden="true" />
            {table.title}
          </Link>
        }
        title={`${what} ${number}`.trim()}
        subtitle={subtitle || undefined}
        badge={
          hasStatus ? (
            <StatusBadge status={String(record.status)} posted={record.posted === true} />
          ) : undefined
        }
        actions={
          <>
            {table.actions.map((action) => {
              const why = actionDisabledReason(action, request !== null);
              return (
                <button
                  key={action}
                  type="button"
                  className={action === "sendForApproval" ? "button primary" : "button"}
                  disabled={
                    busy !== undefined || dirty || !actionEnabled(table, action, record, request !== null)
                  }
                  title={dirty ? t("sandbox.bc.saveFirst") : why ? t(why) : undefined}
                  onClick={() => (action === "post" ? setConfirm("post") : void run(action))}
                >
                  {t(ACTION_LABELS[action])}
                </button>
              );
            })}
            <button
              type="button"
              className="button"
              disabled={busy !== undefined || record.posted === true || pending}
              title={pending ? t("sandbox.bc.deletePending") : undefined}
              onClick={() => setConfirm("delete")}
            >
              <Trash2 size={16} aria-hidden="true" />
              {t("common.delete")}
            </button>
            <AutomateSlot table={table} records={[record]} page="card" />
          </>
        }
      />

      {request ? (
        <RequestBanner request={request} document={table.kind === "document"} />
      ) : (
        pending && (
          <div className="banner banner-info sbx-banner" data-testid="pending-hint">
            <span>{t("sandbox.bc.pendingHint")}</span>
          </div>
        )
      )}
      {locked && !pending && (
        <div className="banner sbx-banner sbx-locked">
          <span>
            <Lock size={14} aria-hidden="true" /> {t(locked)}
          </span>
        </div>
      )}
      {keptAtOpen && dirty && !changedElsewhere && (
        <div className="banner banner-info sbx-banner" data-testid="kept-edits">
          <span>{t("sandbox.bc.editsBack")}</span>
        </div>
      )}
      {changedElsewhere && (
        <div className="banner banner-warning sbx-banner" role="alert">
          <span>{t("sandbox.bc.changedElsewhere")}</span>
          <button type="button" className="button" onClick={cancel}>
            {t("sandbox.bc.discardAndReload")}
          </button>
        </div>
      )}

      <form
        className="sbx-card-form"
        aria-label={t("sandbox.bc.fields")}
        onSubmit={(event) => {
          event.preventDefault();
          if (dirty) void save();
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && dirty) {
            event.preventDefault();
            cancel();
          }
        }}
      >
        <section className="sbx-card" aria-label={t("sandbox.bc.general")}>
          {sections.details.length > 0 && <h3>{t("sandbox.bc.general")}</h3>}
          <div className="sbx-card-grid">{sections.general.map(renderField)}</div>
        </section>
        {table.linesTable && loaded.data && (
          <LinesTable
            table={table}
            documentId={id}
            lines={loaded.data.lines}
            locked={locked === undefined ? undefined : t(locked)}
          />
        )}
        {sections.details.length > 0 && (
          <details className="sbx-card sbx-card-details">
            <summary>{t("sandbox.bc.details")}</summary>
            <div className="sbx-card-grid">{sections.details.map(renderField)}</div>
          </details>
        )}
        <div className={dirty || error ? "sbx-card-footer sbx-sticky" : "sbx-card-footer"}>
          {error ? (
            <p className="form-error sbx-footer-error" role="alert">
              {error.message}
            </p>
          ) : (
            <span className="muted sbx-system-id">
              {t("sandbox.bc.systemId")} <code>{String(record.id)}</code>
            </span>
          )}
          <button type="button" className="button" disabled={!dirty || busy !== undefined} onClick={cancel}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button primary" disabled={!dirty || busy !== undefined}>
            {t("common.save")}
          </button>
        </div>
      </form>

      {confirm === "delete" && (
        <ConfirmDialog
          title={t("sandbox.bc.delete.title", { what, number })}
          body={t("sandbox.bc.delete.body")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setConfirm(undefined)}
          onConfirm={async () => {
            await api.call("sandbox.records.delete", { table: table.name, id, actingAs });
            setConfirm(undefined);
            toast.success(t("sandbox.bc.deletedOne", { what, number }));
            navigate(lastListPath(table.name));
          }}
        />
      )}
      {confirm === "post" && (
        <ConfirmDialog
          title={t("sandbox.bc.post.title", { what, number })}
          body={t(table.name.endsWith("Orders") ? "sandbox.bc.post.bodyOrder" : "sandbox.bc.post.body")}
          confirmLabel={t("sandbox.bc.action.post")}
          onClose={() => setConfirm(undefined)}
          onConfirm={async () => {
            setConfirm(undefined);
            await run("post");
          }}
        />
      )}
    </div>
  );
}

/** What the toast says once the record was sent: who answers the request, if the backend said. */
function sentText(number: string, answer: RequestAnswer | undefined): string {
  switch (answer?.kind) {
    case "workflow":
      return t("sandbox.bc.sent.workflow", { number, name: answer.name });
    case "flows":
      return t("sandbox.bc.sent.flows", { number, count: answer.count });
    case "nobody":
      return t("sandbox.bc.sent.nobody", { number });
    default:
      return t("sandbox.bc.sentForApproval", { number });
  }
}

/**
 * The open approval request under the header: who sent it, when, and who answers it; a request
 * nothing answers is a warning, since it waits for nobody.
 */
function RequestBanner({ request, document }: { request: ApprovalRequestInfo; document: boolean }) {
  const answer = request.answeredBy;
  const who =
    answer.kind === "workflow"
      ? t("sandbox.bc.request.workflow", { name: answer.name })
      : answer.kind === "flows"
        ? t("sandbox.bc.request.flows", { count: answer.count })
        : t("sandbox.bc.request.nobody");
  const sent = t("sandbox.bc.request.sent", {
    name: request.requestedByName,
    when: formatDateTime(request.createdAt),
  });
  return (
    <div
      className={`banner ${answer.kind === "nobody" ? "banner-warning" : "banner-info"} sbx-banner`}
      data-testid="pending-hint"
    >
      <span data-testid="approval-request" data-answered-by={answer.kind}>
        {sent} · {who}
        {document && answer.kind !== "nobody" ? ` ${t("sandbox.bc.request.documentLocked")}` : ""}
      </span>
    </div>
  );
}

/**
 * Takes the person to a field the save refused: its folded Details section opens, and the field
 * has the keyboard, so the fix is typed where the message points rather than searched for.
 */
function showField(name: string): void {
  const input = document.querySelector<HTMLElement>(`.sbx-card-form [data-field="${CSS.escape(name)}"]`);
  if (!input) return;
  const folded = input.closest("details");
  if (folded) folded.open = true;
  input.focus();
}
