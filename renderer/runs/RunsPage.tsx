import { History, RotateCcw, Square } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import {
  type FlowSummary,
  RESUBMIT_MAX,
  RUN_STATUSES,
  type RunStatus,
  type RunSummary,
} from "../../shared/api";
import { api } from "../api/client";
import { useThrottledApiEvents } from "../api/hooks";
import { useDocumentTitle } from "../app/document-title";
import { useFlows } from "../flows/flows-store";
import { kindLabel } from "../flows/kinds";
import { formatDateTime, t } from "../i18n";
import { useSettings } from "../settings/settings-store";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { EmptyState } from "../ui/EmptyState";
import { describeError } from "../ui/errors";
import { ListBody } from "../ui/ListBody";
import { SelectAllBox, SelectionBar, useRowSelection } from "../ui/row-selection";
import { toast } from "../ui/toasts";
import { setOnRunsPage, useFailureWatch } from "./failure-watch";
import { formatDuration, StatusBadge } from "./format";
import { flowChoices as choicesOf, type Filters, filtersFromQuery, queryOfFilters } from "./run-filters";

const PAGE = 50;

/** Flows that share a name are told apart in the filter by kind and creation date. */
const flowChoices = (flows: readonly FlowSummary[]) =>
  choicesOf(flows, (flow) =>
    t("runs.flowChoice", { kind: kindLabel(flow.kind), created: formatDateTime(flow.createdAt) }),
  );

/** Every run, newest first, filtered by flow, status and date; paged by keyset so it stays fast. */
export function RunsPage() {
  useDocumentTitle(t("nav.runs"));
  // Opening Runs is seeing its failures; while it shows, new ones are seen as they arrive.
  useEffect(() => {
    useFailureWatch.getState().markSeen();
    setOnRunsPage(true);
    return () => setOnRunsPage(false);
  }, []);
  const [, navigate] = useLocation();
  const { flows, load: loadFlows } = useFlows();
  // An address can ask for filters (a workflow's "View runs", the notice of failed runs).
  const search = useSearch();
  const [filters, setShownFilters] = useState<Filters>(() => filtersFromQuery(search));
  // A new address while the page shows (the notice's link, Back) replaces the filters, in this render.
  const [filteredFor, setFilteredFor] = useState(search);
  if (search !== filteredFor) {
    setFilteredFor(search);
    setShownFilters(filtersFromQuery(search));
  }
  // The filters the person sets go into the address too (replacing it, not adding to history):
  // Back from a run, a reload and a copied link show the same runs.
  const setFilters = (next: Filters) => {
    const query = queryOfFilters(next);
    setShownFilters(next);
    setFilteredFor(query);
    navigate(query ? `/runs?${query}` : "/runs", { replace: true });
  };
  const [runs, setRuns] = useState<RunSummary[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [cancellingAll, setCancellingAll] = useState(false);
  const [resubmitting, setResubmitting] = useState(false);
  const [cancellingChosen, setCancellingChosen] = useState(false);

  const query = useCallback(
    (after?: string) => ({
      ...(filters.flowId ? { flowId: filters.flowId } : {}),
      ...(filters.mode ? { mode: filters.mode } : {}),
      ...(filters.statuses.length ? { status: filters.statuses } : {}),
      ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
      ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
      ...(after ? { cursor: after } : {}),
      limit: PAGE,
    }),
    [filters],
  );

  const load = useCallback(async () => {
    try {
      const page = await api.call("runs.list", query());
      setRuns(page.runs);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (cause) {
      setError(describeError(cause));
    }
  }, [query]);

  useEffect(() => {
    void loadFlows();
  }, [loadFlows]);
  useEffect(() => {
    void load();
  }, [load]);
  // New and finished runs show up without a reload (the first page only: paging stays put).
  const onRunEvent = useCallback(() => {
    if (!cursor || (runs?.length ?? 0) <= PAGE) void load();
  }, [cursor, runs, load]);
  useThrottledApiEvents(["runs.started", "runs.finished"], onRunEvent);
  // Runs past their retention were deleted: the page shows what is left.
  useThrottledApiEvents(["runs.deleted"], load);
  const retentionDays = useSettings((state) => state.settings.runRetentionDays);

  const more = async () => {
    if (!cursor) return;
    try {
      const page = await api.call("runs.list", query(cursor));
      setRuns([...(runs ?? []), ...page.runs]);
      setCursor(page.nextCursor);
    } catch (cause) {
      setError(describeError(cause));
    }
  };

  const toggleStatus = (status: RunStatus) =>
    setFilters({
      ...filters,
      statuses: filters.statuses.includes(status)
        ? filters.statuses.filter((s) => s !== status)
        : [...filters.statuses, status],
    });
  const filtered = filters.flowId || filters.mode || filters.statuses.length || filters.from || filters.to;
  const flowName = (flows ?? []).find((flow) => flow.id === filters.flowId)?.name ?? "";
  const inProgress = (runs ?? []).some((run) => run.status === "Running" || run.status === "Waiting");
  // Runs ticked in the list, to resubmit or cancel together; other filters, another selection.
  const selection = useRowSelection(runs, filters);
  const chosenRuns = selection.chosen;
  const chosenInProgress = chosenRuns.filter((run) => run.status === "Running" || run.status === "Waiting");
  const cancelChosen = async () => {
    let cancelled = 0;
    for (const run of chosenInProgress) {
      try {
        if ((await api.call("runs.cancel", { runId: run.id })).cancelled) cancelled++;
      } catch (cause) {
        toast.error(describeError(cause));
      }
    }
    toast.success(t("runs.cancelAll.done", { count: cancelled }));
    selection.clear();
    void load();
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t("runs.title")}</h1>
          {runs && runs.length > 0 && <p className="muted">{t("runs.count", { count: runs.length })}</p>}
          {retentionDays !== null && (
            <p className="muted" data-testid="run-retention">
              {t("runs.retention", { count: retentionDays })}{" "}
              <Link href="/settings">{t("runs.retention.change")}</Link>
            </p>
          )}
        </div>
        {filters.flowId && inProgress && (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setCancellingAll(true)}>
              <Square size={14} aria-hidden="true" /> {t("runs.cancelAll")}
            </button>
          </div>
        )}
      </header>
      {cancellingAll && (
        <ConfirmDialog
          title={t("runs.cancelAll.title", { flow: flowName })}
          body={t("runs.cancelAll.body")}
          confirmLabel={t("runs.cancelAll")}
          danger
          onClose={() => setCancellingAll(false)}
          onConfirm={async () => {
            const { cancelled } = await api.call("runs.cancelAll", { flowId: filters.flowId });
            setCancellingAll(false);
            toast.success(t("runs.cancelAll.done", { count: cancelled }));
            void load();
          }}
        />
      )}
      {cancellingChosen && (
        <ConfirmDialog
          title={t("runs.cancelChosen.title", { count: chosenInProgress.length })}
          body={t("runs.cancel.bodyWaiting")}
          cancelLabel={t("runs.cancel.keep")}
          confirmLabel={t("runs.cancelChosen.confirm", { count: chosenInProgress.length })}
          danger
          onClose={() => setCancellingChosen(false)}
          onConfirm={async () => {
            setCancellingChosen(false);
            await cancelChosen();
          }}
        />
      )}
      {resubmitting && (
        <ConfirmDialog
          title={t("runs.resubmitMany.title", { count: chosenRuns.length })}
          body={t("runs.resubmitMany.body")}
          confirmLabel={t("runs.resubmit")}
          onClose={() => setResubmitting(false)}
          onConfirm={async () => {
            const results = await api.call("runs.resubmitMany", {
              runIds: chosenRuns.map((run) => run.id).slice(0, RESUBMIT_MAX),
            });
            setResubmitting(false);
            const started = results.filter((r) => "runId" in r).length;
            const refused = results.flatMap((r) => ("message" in r ? [r.message] : []));
            if (started > 0) toast.success(t("runs.resubmitMany.done", { count: started }));
            if (refused.length > 0)
              toast.error(
                t("runs.resubmitMany.refused", { count: refused.length, reason: refused[0] ?? "" }),
              );
            selection.clear();
            void load();
          }}
        />
      )}
      <fieldset className="filters" aria-label={t("runs.filters")}>
        <select
          className="input runs-flow-filter"
          aria-label={t("runs.column.flow")}
          value={filters.flowId}
          onChange={(e) => setFilters({ ...filters, flowId: e.target.value })}
        >
          <option value="">{t("runs.allFlows")}</option>
          {flowChoices(flows ?? []).map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label={t("runs.mode")}
          value={filters.mode}
          onChange={(e) => setFilters({ ...filters, mode: e.target.value as Filters["mode"] })}
        >
          <option value="">{t("runs.mode.all")}</option>
          <option value="published">{t("runs.mode.published")}</option>
          <option value="test">{t("runs.mode.test")}</option>
        </select>
        <fieldset className="chips" aria-label={t("runs.status")}>
          {RUN_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={filters.statuses.includes(status) ? "chip selected" : "chip"}
              aria-pressed={filters.statuses.includes(status)}
              onClick={() => toggleStatus(status)}
            >
              {status}
            </button>
          ))}
        </fieldset>
        <span className="date-range">
          <label className="inline-field">
            {t("runs.from")}
            <input
              type="date"
              className="input"
              value={filters.from}
              onChange={(e) => setFilters({ ...filters, from: e.target.value })}
            />
          </label>
          <label className="inline-field">
            {t("runs.to")}
            <input
              type="date"
              className="input"
              value={filters.to}
              onChange={(e) => setFilters({ ...filters, to: e.target.value })}
            />
          </label>
        </span>
        {filters.from && filters.to && filters.from > filters.to && (
          <p className="form-error runs-date-hint" role="alert">
            {t("runs.datesReversed")}
          </p>
        )}
      </fieldset>
      <ListBody
        error={error}
        onRetry={() => void load()}
        items={runs}
        filtered={Boolean(filtered)}
        noMatch={t("runs.noMatch")}
        onClearFilters={() => setFilters({ flowId: "", mode: "", statuses: [], from: "", to: "" })}
        empty={
          <EmptyState icon={<History size={40} />} title={t("runs.empty.title")}>
            {t("runs.empty.body")}
          </EmptyState>
        }
      >
        {chosenRuns.length > 0 && (
          <SelectionBar
            label={t("runs.selection")}
            count={t("runs.selected", { count: chosenRuns.length })}
            onClear={selection.clear}
          >
            <button type="button" className="button" onClick={() => setResubmitting(true)}>
              <RotateCcw size={14} aria-hidden="true" /> {t("runs.resubmit")}
            </button>
            {chosenInProgress.length > 0 && (
              <button type="button" className="button" onClick={() => setCancellingChosen(true)}>
                <Square size={14} aria-hidden="true" />{" "}
                {t("runs.cancelSelected", { count: chosenInProgress.length })}
              </button>
            )}
          </SelectionBar>
        )}
        <table className="table runs-table">
          <thead>
            <tr>
              <th scope="col" className="check-column">
                <SelectAllBox selection={selection} label={t("runs.selectAll")} />
              </th>
              <th scope="col">{t("runs.column.flow")}</th>
              <th scope="col">{t("runs.column.status")}</th>
              <th scope="col">{t("runs.column.started")}</th>
              <th scope="col">{t("runs.column.duration")}</th>
              <th scope="col">{t("runs.column.kind")}</th>
            </tr>
          </thead>
          <tbody>
            {(runs ?? []).map((run) => (
              <tr
                key={run.id}
                data-testid="run-row"
                className={selection.isChosen(run.id) ? "row-opens chosen" : "row-opens"}
                // The whole row opens the run (the name stays the link, for the keyboard).
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a, button, input, label")) return;
                  navigate(`/runs/${run.id}`);
                }}
              >
                <td className="check-column">
                  <input
                    type="checkbox"
                    aria-label={t("runs.selectRun", {
                      flow: run.flowName,
                      when: formatDateTime(run.startedAt),
                    })}
                    checked={selection.isChosen(run.id)}
                    onChange={() => selection.toggle(run.id)}
                  />
                </td>
                <td>
                  <Link href={`/runs/${run.id}`} className="flow-name">
                    {run.flowName}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td className="muted">{formatDateTime(run.startedAt)}</td>
                <td className="muted">{formatDuration(run.durationMs)}</td>
                <td className="muted">
                  {run.mode === "test" ? t("runs.kind.test") : ""}{" "}
                  {run.flowVersion === null
                    ? t("runs.kind.draft")
                    : t("runs.kind.version", { version: run.flowVersion })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {cursor && (
          <button type="button" className="button load-more" onClick={() => void more()}>
            {t("runs.loadMore")}
          </button>
        )}
      </ListBody>
    </div>
  );
}
