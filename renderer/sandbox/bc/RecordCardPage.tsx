import { CheckCircle2, ChevronLeft, FileQuestion, Lock, Trash2, XCircle } from "lucide-react";
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
import { formatDate, formatDateTime, formatList, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/EmptyState";
import { toast } from "../../ui/toasts";
import { ActionBar, type BarAction } from "../parts/ActionBar";
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
  actionDoneText,
  actionEnabled,
  type CardSection,
  cardSections,
  displayValue,
  type FieldInfo,
  fieldErrorText,
  fieldOfError,
  inputValue,
  inSentence,
  isEditable,
  isNumeric,
  lockedReason,
  lookupTable,
  patchOf,
  type RecordAction,
  replacesRecord,
  requiredFields,
  singularTitle,
  statusText,
  type TableInfo,
  visibleActions,
} from "./bc-model";
import { formProblems, isIsoDay } from "./card-form";
import { FieldInput } from "./FieldInput";
import { type CardForm, keepEdits, keptEdits } from "./kept-edits";
import { LinesTable } from "./LinesTable";
import { lastListPath } from "./list-query";
import { useLookup } from "./use-lookup";

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
  // The fields in the order the card shows them: the first one wrong gets the keyboard.
  const shownOrder = useMemo(() => sections.flatMap((section) => section.fields), [sections]);
  const fromRecord = (value: JsonObject): CardForm =>
    Object.fromEntries(editable.map((f) => [f.name, inputValue(f, value[f.name])]));
  // Edits left unsaved on an earlier visit come back with the card.
  const [keptAtOpen] = useState(() => keptEdits(table.name, id));
  const [form, setForm] = useState<CardForm>(() => keptAtOpen?.form ?? {});
  const [base, setBase] = useState<JsonObject | undefined>(() => keptAtOpen?.base);
  // What is wrong with the form: under each field it concerns, or (not about a field) in the footer.
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const required = useMemo(() => requiredFields(table), [table]);
  const lookupField = editable.find((f) => lookupTable(f) !== undefined);
  const lookup = useLookup(lookupField ? lookupTable(lookupField) : undefined);
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
  recordTitle.current =
    `${inSentence(singularTitle(table.title))} ${String(record?.[table.numberField] ?? "")}`.trim();
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
  const decided = loaded.data?.decidedRequest ?? null;
  const party = typeof record.vendorName === "string" ? record.vendorName : record.customerName;
  const subtitle = [
    typeof party === "string" ? party : typeof record.displayName === "string" ? record.displayName : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const hasStatus = typeof record.status === "string" && table.kind !== "employee";
  // Nothing can change on a locked card (posted, released, pending): no inputs, no Save.
  const editing = locked === undefined && editable.length > 0;
  const hasProblems = formError !== undefined || Object.keys(problems).length > 0;

  const save = async () => {
    const found = formProblems(editable, base, form, required);
    const first = shownOrder.find((f) => found[f.name] !== undefined);
    if (first) {
      setProblems(found);
      setFormError(undefined);
      setRefusedField(first.name);
      return;
    }
    setBusy("save");
    try {
      const saved = await api.call("sandbox.records.update", { table: table.name, id, patch, actingAs });
      setBase(saved);
      setForm(fromRecord(saved));
      setProblems({});
      setFormError(undefined);
      toast.success(t("sandbox.bc.saved", { what, number: String(saved[table.numberField] ?? number) }));
      loaded.reload();
    } catch (cause) {
      const message = errorText(cause);
      const field = fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message);
      const info = editable.find((f) => f.name === field);
      if (info) {
        setProblems({ [info.name]: fieldErrorText(message, info) });
        setFormError(undefined);
        setRefusedField(info.name);
      } else {
        setFormError(message);
      }
    } finally {
      setBusy(undefined);
    }
  };
  const cancel = () => {
    setBase(record);
    setForm(fromRecord(record));
    setProblems({});
    setFormError(undefined);
  };
  const run = async (action: RecordAction) => {
    setBusy(action);
    try {
      const result = await api.call("sandbox.records.action", { table: table.name, id, action, actingAs });
      if (replacesRecord(table, action) && typeof result === "object" && result !== null && "id" in result) {
        const target = targetTable(table, action);
        toast.success(actionDoneText(action, number, result));
        navigate(`/bc/${target}/${String(result.id)}`);
        return;
      }
      if (action === "sendForApproval") {
        const parsed = sentForApprovalSchema.safeParse(result);
        const sent = parsed.success ? parsed.data : undefined;
        // Nothing answers: told at once, not found out days later. A newer word on the record's
        // request (sent again, canceled) replaces this one.
        const about = `bc-request:${table.name}/${id}`;
        if (sent?.answeredBy.kind === "nobody") toast.info(sentText(number || what, sent), undefined, about);
        else toast.success(sentText(number || what, sent), undefined, about);
      } else {
        toast.success(
          actionDoneText(action, number || what, result),
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
    editing && editable.includes(field) ? (
      <FieldInput
        key={field.name}
        field={field}
        value={form[field.name] ?? ""}
        disabled={busy !== undefined}
        required={required.has(field.name)}
        error={problems[field.name]}
        lookup={field === lookupField ? lookup : undefined}
        onChange={(value) => {
          setForm({ ...form, [field.name]: value });
          // Editing a field clears its own message, not the others'.
          if (problems[field.name] !== undefined) {
            const { [field.name]: _fixed, ...others } = problems;
            setProblems(others);
          }
          setFormError(undefined);
        }}
      />
    ) : (
      <div key={field.name} className="sbx-field">
        <span className="sbx-field-label">{field.title}</span>
        <span
          className={isNumeric(field) ? "sbx-readonly sbx-readonly-num" : "sbx-readonly"}
          data-field={field.name}
        >
          {(field.name === "status" && hasStatus
            ? statusText(record)
            : displayValue(field, record[field.name])) || "—"}
        </span>
      </div>
    );

  const renderSection = (section: CardSection) =>
    section.folded ? (
      <details key={section.id} className="sbx-card sbx-card-details" data-section={section.id}>
        <summary>{t(section.title)}</summary>
        <div className="sbx-card-grid">{section.fields.map(renderField)}</div>
      </details>
    ) : (
      <section key={section.id} className="sbx-card" aria-label={t(section.title)} data-section={section.id}>
        <h3>{t(section.title)}</h3>
        <div className="sbx-card-grid">{section.fields.map(renderField)}</div>
      </section>
    );
  const postingDate = typeof record.postingDate === "string" ? record.postingDate : "";

  return (
    <div className="sbx-body sbx-card-page">
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
          <ActionBar
            actions={[
              ...visibleActions(table, record).map((action): BarAction => {
                const why = actionDisabledReason(action, request !== null);
                const title = dirty ? t("sandbox.bc.saveFirst") : why ? t(why) : undefined;
                return {
                  key: action,
                  label: t(ACTION_LABELS[action]),
                  primary: action === "sendForApproval",
                  disabled:
                    busy !== undefined || dirty || !actionEnabled(table, action, record, request !== null),
                  ...(title !== undefined ? { title } : {}),
                  onSelect: () => (action === "post" ? setConfirm("post") : void run(action)),
                };
              }),
              ...(record.posted !== true
                ? [
                    {
                      key: "delete",
                      label: t("common.delete"),
                      icon: <Trash2 size={16} aria-hidden="true" />,
                      disabled: busy !== undefined || pending,
                      ...(pending ? { title: t("sandbox.bc.deletePending") } : {}),
                      onSelect: () => setConfirm("delete"),
                    },
                  ]
                : []),
            ]}
            trailing={<AutomateSlot table={table} records={[record]} page="card" />}
          />
        }
      />

      <div className="sbx-card-scroll">
        {request ? (
          <RequestBanner request={request} document={table.kind === "document"} />
        ) : (
          pending && (
            <div className="banner banner-info sbx-banner" data-testid="pending-hint">
              <span>{t("sandbox.bc.pendingHint")}</span>
            </div>
          )
        )}
        {!request && decided && <DecisionBanner request={decided} />}
        {locked && !pending && (
          <div className="banner sbx-banner sbx-locked" data-testid="locked-note">
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
          // The card says what is wrong under each field, in its own words: not the browser's bubbles.
          noValidate
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
          {sections.filter((section) => !section.folded).map(renderSection)}
          {table.linesTable && loaded.data && (
            <LinesTable
              table={table}
              documentId={id}
              lines={loaded.data.lines}
              locked={locked === undefined ? undefined : t(locked)}
            />
          )}
          {sections.filter((section) => section.folded).map(renderSection)}
          {editing && (
            <div className={dirty || hasProblems ? "sbx-card-footer sbx-sticky" : "sbx-card-footer"}>
              {formError ? (
                <p className="form-error sbx-footer-error" role="alert">
                  {formError}
                </p>
              ) : (
                Object.keys(problems).length > 0 && (
                  // The fields themselves say what is wrong; this counts them, some may be out of view.
                  <p className="form-error sbx-footer-error">
                    {t("sandbox.bc.problem.summary", {
                      count: Object.keys(problems).length,
                      fields: formatList(
                        shownOrder.filter((f) => problems[f.name] !== undefined).map((f) => f.title),
                      ),
                    })}
                  </p>
                )
              )}
              <button
                type="button"
                className="button"
                disabled={!dirty || busy !== undefined}
                onClick={cancel}
              >
                {t("common.cancel")}
              </button>
              <button type="submit" className="button primary" disabled={!dirty || busy !== undefined}>
                {t("common.save")}
              </button>
            </div>
          )}
        </form>
      </div>

      {confirm === "delete" && (
        <ConfirmDialog
          title={t("sandbox.bc.delete.title", { what: inSentence(what), number })}
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
          title={t("sandbox.bc.post.title", { what: inSentence(what), number })}
          body={
            table.name.endsWith("Orders")
              ? t("sandbox.bc.post.bodyOrder")
              : isIsoDay(postingDate)
                ? t("sandbox.bc.post.body", { date: formatDate(postingDate) })
                : t("sandbox.bc.post.bodyWorkDate")
          }
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

/**
 * What the toast says once the record was sent: whom the request went to, if the backend said
 * ("PI-1001 was sent to Alicia Thornton for approval (built-in workflow “Purchase invoice approval”).").
 */
function sentText(number: string, sent: ApprovalRequestInfo | undefined): string {
  const answer: RequestAnswer | undefined = sent?.answeredBy;
  switch (answer?.kind) {
    case "workflow":
      return sent && sent.approvers.length > 0
        ? t("sandbox.bc.sent.workflowTo", {
            number,
            names: formatList(sent.approvers.map((a) => a.name)),
            name: answer.name,
          })
        : t("sandbox.bc.sent.workflow", { number, name: answer.name });
    case "flows":
      return t("sandbox.bc.sent.flows", { number, count: answer.count });
    case "nobody":
      return t("sandbox.bc.sent.nobody", { number });
    default:
      return t("sandbox.bc.sentForApproval", { number });
  }
}

/**
 * The open approval request under the header: whom it waits for (the built-in workflow's
 * approvers, or the flows that started on it), who sent it and when; a request nothing answers is
 * a warning, since it waits for nobody.
 */
function RequestBanner({ request, document }: { request: ApprovalRequestInfo; document: boolean }) {
  const answer = request.answeredBy;
  const waiting =
    answer.kind === "workflow"
      ? request.approvers.length > 0
        ? t("sandbox.bc.request.waitingFor", {
            names: formatList(request.approvers.map((a) => a.name)),
            workflow: answer.name,
          })
        : t("sandbox.bc.request.waitingWorkflow", { workflow: answer.name })
      : answer.kind === "flows"
        ? t("sandbox.bc.request.waitingFlows", { count: answer.count })
        : t("sandbox.bc.request.nobody");
  const sent = t("sandbox.bc.request.sentBy", {
    name: request.requestedByName,
    when: formatDateTime(request.createdAt),
  });
  return (
    <div
      className={`banner ${answer.kind === "nobody" ? "banner-warning" : "banner-info"} sbx-banner`}
      data-testid="pending-hint"
    >
      <span className="sbx-banner-lines" data-testid="approval-request" data-answered-by={answer.kind}>
        <strong>{waiting}</strong>
        <span>
          {sent}
          {document ? ` ${t("sandbox.bc.request.cancelToEdit")}` : ""}
        </span>
      </span>
    </div>
  );
}

/** The record's last approval request, approved or rejected: by whom, when, and who asked. */
function DecisionBanner({ request }: { request: ApprovalRequestInfo }) {
  if (request.status !== "Approved" && request.status !== "Rejected") return null;
  const when = formatDateTime(request.completedAt ?? request.createdAt);
  const decider = request.decidedBy;
  const text =
    decider?.kind === "person"
      ? t(`sandbox.bc.decision.${request.status}`, { name: decider.name, when })
      : decider?.kind === "flow"
        ? t(`sandbox.bc.decision.${request.status}ByFlow`, { name: decider.name, when })
        : t(`sandbox.bc.decision.${request.status}BySystem`, { when });
  const approved = request.status === "Approved";
  return (
    <div
      className={`banner ${approved ? "sbx-banner-success" : "banner-warning"} sbx-banner`}
      data-testid="approval-decision"
    >
      <span className="sbx-decision">
        {approved ? <CheckCircle2 size={16} aria-hidden="true" /> : <XCircle size={16} aria-hidden="true" />}
        <span>
          {text} {t("sandbox.bc.decision.sentBy", { name: request.requestedByName })}
        </span>
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
