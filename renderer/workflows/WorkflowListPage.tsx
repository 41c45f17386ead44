import { AlertTriangle, ListChecks, MoreHorizontal, Power, PowerOff } from "lucide-react";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import {
  ApiError,
  type FlowKind,
  type MissedPolicy,
  WORKFLOW_SORT_KEYS,
  type WorkflowEntry,
  type WorkflowStatus,
} from "../../shared/api";
import { api } from "../api/client";
import { useThrottledApiEvents } from "../api/hooks";
import { useDocumentTitle } from "../app/document-title";
import { useStillShown } from "../app/hash-location";
import { ForPageText } from "../automate/PageTitle";
import { type RunFlowField, RunFlowPane } from "../automate/RunFlowPane";
import { KindIcon, kindLabel } from "../flows/kinds";
import { formatDateTime, formatRelative, type MessageKey, t } from "../i18n";
import { StatusBadge } from "../runs/format";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ConfirmList } from "../ui/ConfirmList";
import { EmptyState } from "../ui/EmptyState";
import { describeError } from "../ui/errors";
import { ListBody } from "../ui/ListBody";
import { MenuButton } from "../ui/MenuButton";
import { SelectAllBox, SelectionBar, useRowSelection } from "../ui/row-selection";
import { SearchField } from "../ui/SearchField";
import { SortableHeader } from "../ui/SortableHeader";
import { useStoredSort } from "../ui/sort-state";
import { toast } from "../ui/toasts";
import { downloadText } from "./download";
import { isFiltered, readWorkflowView, type WorkflowListView, workflowListPath } from "./list-view";
import { VersionsDialog } from "./VersionsDialog";

/** Rows per page: a page opens at once however many workflows there are. */
const PAGE_SIZE = 100;
/** The pause in typing after which the search runs (and the address follows): the query takes milliseconds. */
const SEARCH_PAUSE_MS = 80;

/** Business Central's Workflows page: every published flow and built-in approval workflow. */
/** How many of the workflows a question names one by one; the rest are counted. */
const LISTED = 10;

export function WorkflowListPage() {
  useDocumentTitle(t("nav.workflows"));
  const [, navigate] = useLocation();
  // Filters, search and page live in the address: Back from a flow shows the same rows.
  const address = useSearch();
  const view = useMemo(() => readWorkflowView(address), [address]);
  const { kind, status, forPage, page: pageNumber } = view;
  const query = view.q;
  const latestView = useRef(view);
  latestView.current = view;
  const show = useCallback(
    (change: Partial<WorkflowListView>) =>
      // Another filter starts from the first page; changing the view does not add to history.
      navigate(workflowListPath({ ...latestView.current, page: 1, ...change }), { replace: true }),
    [navigate],
  );
  // The box shows what is typed at once; the address (and the search) follow after a pause.
  const [typed, setTyped] = useState(query);
  const [typedFor, setTypedFor] = useState(query);
  if (query !== typedFor) {
    // Back or Forward to another search: the box shows it.
    setTypedFor(query);
    if (typed !== query) setTyped(query);
  }
  const stillShown = useStillShown();
  useEffect(() => {
    if (typed === latestView.current.q) return;
    const timer = setTimeout(() => {
      if (stillShown()) show({ q: typed });
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, show, stillShown]);
  const sorting = useStoredSort(
    "flowsmith.workflowList.sort",
    WORKFLOW_SORT_KEYS,
    { key: "name", direction: "ascending" },
    ["published", "lastRun"],
  );
  const { sort } = sorting;
  const [entries, setEntries] = useState<WorkflowEntry[]>();
  const [total, setTotal] = useState(0);
  const [all, setAll] = useState(0);
  const [error, setError] = useState<string>();
  const [unpublishing, setUnpublishing] = useState<WorkflowEntry>();
  const [disablingChosen, setDisablingChosen] = useState(false);
  const [versionsOf, setVersionsOf] = useState<WorkflowEntry>();
  const [running, setRunning] = useState<{
    entry: WorkflowEntry;
    fields: RunFlowField[];
    blocked?: string;
    /** Who the run acts as: the sandbox person the flows' connections belong to. */
    runsAs?: string;
  }>();

  // Only the newest request's answer is shown: typing fast must not end on an older filter's rows.
  const latestRequest = useRef(0);
  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const page = await api.call("workflows.list", {
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
        ...(query.trim() ? { search: query.trim() } : {}),
        ...(forPage ? { forPage } : {}),
        page: pageNumber,
        limit: PAGE_SIZE,
        sort: sort.key,
        direction: sort.direction,
      });
      if (request !== latestRequest.current) return;
      setEntries(page.items);
      setTotal(page.total);
      setAll(page.all);
      setError(undefined);
    } catch (cause) {
      if (request === latestRequest.current) setError(describeError(cause));
    }
  }, [kind, status, query, forPage, pageNumber, sort]);

  // Another sort starts from the first page too (the sort is kept apart, as the person's preference).
  const sortedBy = `${sort.key}:${sort.direction}`;
  const [sortedFor, setSortedFor] = useState(sortedBy);
  useEffect(() => {
    if (sortedBy === sortedFor) return;
    setSortedFor(sortedBy);
    if (latestView.current.page > 1) show({});
  }, [sortedBy, sortedFor, show]);

  useEffect(() => {
    void load();
  }, [load]);
  useThrottledApiEvents(["workflows.changed", "runs.finished", "runs.deleted"], load);

  const copyAddress = async (entry: WorkflowEntry) => {
    try {
      const { url } = await api.call("workflows.httpAddress", { flowId: entry.id });
      await navigator.clipboard.writeText(url);
      toast.info(t("workflows.addressCopied", { name: entry.name }));
    } catch (caught) {
      toast.error(caught instanceof ApiError ? caught.message : t("designer.http.copyFailed"));
    }
  };

  // Run: the flow's Run flow form first (a schedule has none), or where it runs from instead.
  const openRun = async (entry: WorkflowEntry) => {
    // The run acts as the flows' connection user, named as the sandbox's people list names them.
    const runsAs = api.call("sandbox.overview", {}).then(
      (overview) => overview.people.find((p) => p.email === overview.connectionUser)?.displayName,
      () => undefined,
    );
    try {
      const form = await api.call("workflows.runForm", { flowId: entry.id });
      const name = await runsAs;
      setRunning({ entry, fields: form.fields, ...(name ? { runsAs: name } : {}) });
    } catch (caught) {
      setRunning({
        entry,
        fields: [],
        blocked: caught instanceof ApiError ? caught.message : describeError(caught),
      });
    }
  };

  // Workflows ticked in the list, to turn on or off together; another filter, another choice.
  const selection = useRowSelection(entries, `${kind}|${status}|${query}|${forPage}|${pageNumber}`);
  // Turning several off asks first, naming them: built-in approval workflows stop answering too.
  const enabledChosen = selection.chosen.filter((entry) => entry.status === "enabled");
  const setEnabledChosen = async (enabled: boolean) => {
    let changed = 0;
    const refused: string[] = [];
    for (const entry of selection.chosen) {
      if ((entry.status === "enabled") === enabled) continue;
      try {
        await api.call("workflows.setEnabled", { id: entry.id, enabled });
        changed++;
      } catch (cause) {
        refused.push(`${entry.name}: ${describeError(cause)}`);
      }
    }
    if (changed > 0)
      toast.success(t(enabled ? "workflows.enabledMany" : "workflows.disabledMany", { count: changed }));
    else if (refused.length === 0)
      // Nothing to do is still an answer: the button was pressed, the person should hear why nothing moved.
      toast.info(t(enabled ? "workflows.allEnabledAlready" : "workflows.allDisabledAlready"));
    for (const reason of refused) toast.error(reason);
    selection.clear();
    void load();
  };

  const toggle = async (entry: WorkflowEntry) => {
    try {
      await api.call("workflows.setEnabled", { id: entry.id, enabled: entry.status !== "enabled" });
      toast.success(
        t(entry.status === "enabled" ? "workflows.disabled" : "workflows.enabled", { name: entry.name }),
      );
    } catch (cause) {
      toast.error(describeError(cause));
    }
    void load();
  };

  const exportVersion = async (entry: WorkflowEntry) => {
    try {
      const file = await api.call("flows.export", {
        flowId: entry.id,
        ...(entry.version ? { version: entry.version } : {}),
      });
      downloadText(file.fileName, file.content);
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };

  const filtered = isFiltered(view);
  const rows = entries ?? [];

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>{t("workflows.title")}</h1>
          <p className="muted">{t("workflows.intro")}</p>
        </div>
      </header>
      {forPage && (
        <div className="banner banner-info">
          <ForPageText page={forPage} />
          <button type="button" className="button" onClick={() => show({ forPage: "" })}>
            {t("workflows.clearPage")}
          </button>
        </div>
      )}
      <fieldset className="filters" aria-label={t("runs.filters")}>
        <SearchField label={t("workflows.search")} value={typed} onChange={setTyped} />
        <select
          className="input"
          aria-label={t("workflows.column.kind")}
          value={kind}
          onChange={(e) => show({ kind: e.target.value as FlowKind | "" })}
        >
          <option value="">{t("workflows.allKinds")}</option>
          {(["automated", "scheduled", "instant"] as const).map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label={t("workflows.column.status")}
          value={status}
          onChange={(e) => show({ status: e.target.value as WorkflowStatus | "" })}
        >
          <option value="">{t("workflows.allStatuses")}</option>
          {(["enabled", "disabled", "suspended"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`workflows.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        {entries && (
          <span className="muted" data-testid="workflow-count">
            {filtered
              ? t("workflows.countMatching", { shown: total, count: all })
              : t("workflows.count", { count: total })}
          </span>
        )}
      </fieldset>
      <ListBody
        error={error}
        onRetry={() => void load()}
        items={entries}
        filtered={Boolean(filtered)}
        noMatch={t("workflows.noMatch")}
        onClearFilters={() => {
          setTyped("");
          navigate("/workflows", { replace: true });
        }}
        empty={
          <EmptyState icon={<ListChecks size={40} />} title={t("workflows.empty.title")}>
            {t("workflows.empty.body")}
          </EmptyState>
        }
      >
        {selection.chosen.length > 0 && (
          <SelectionBar
            label={t("workflows.selection")}
            count={t("workflows.selected", { count: selection.chosen.length })}
            onClear={selection.clear}
          >
            <button type="button" className="button" onClick={() => void setEnabledChosen(true)}>
              <Power size={14} aria-hidden="true" /> {t("workflows.enableSelected")}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                enabledChosen.length > 0 ? setDisablingChosen(true) : void setEnabledChosen(false)
              }
            >
              <PowerOff size={14} aria-hidden="true" /> {t("workflows.disableSelected")}
            </button>
          </SelectionBar>
        )}
        <table className="table workflow-table">
          <thead>
            <tr>
              <th scope="col" className="check-column">
                <SelectAllBox selection={selection} label={t("workflows.selectAll")} />
              </th>
              <SortableHeader label={t("workflows.column.name")} column="name" sorting={sorting} />
              <th scope="col">{t("workflows.column.trigger")}</th>
              <SortableHeader label={t("workflows.column.status")} column="status" sorting={sorting} />
              <th scope="col" className="col-version">
                {t("workflows.column.version")}
              </th>
              <SortableHeader
                label={t("workflows.column.published")}
                column="published"
                sorting={sorting}
                className="col-published"
              />
              <SortableHeader label={t("workflows.column.lastRun")} column="lastRun" sorting={sorting} />
              <th scope="col">
                <span className="visually-hidden">{t("common.more")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <Fragment key={entry.id}>
                <tr
                  data-testid="workflow-row"
                  className={
                    [
                      entry.startProblems ? "has-start-problems" : "",
                      selection.isChosen(entry.id) ? "chosen" : "",
                    ]
                      .join(" ")
                      .trim() || undefined
                  }
                >
                  <td className="check-column">
                    <input
                      type="checkbox"
                      aria-label={t("workflows.selectOne", { name: entry.name })}
                      checked={selection.isChosen(entry.id)}
                      onChange={() => selection.toggle(entry.id)}
                    />
                  </td>
                  <td>
                    <div className="workflow-name">
                      {entry.builtIn ? (
                        <span className="flow-name">{entry.name}</span>
                      ) : (
                        <Link href={`/flows/${entry.id}`} className="flow-name">
                          {entry.name}
                        </Link>
                      )}
                      <span className="workflow-meta">
                        <span className={`kind-badge kind-${entry.kind}`}>
                          <KindIcon kind={entry.kind} size={12} />
                          {kindLabel(entry.kind)}
                        </span>
                        {entry.builtIn && <span className="tag">{t("workflows.builtIn")}</span>}
                        {entry.version !== null && (
                          <span className="muted version-inline">
                            {t("workflows.versionShort", { version: entry.version })}
                          </span>
                        )}
                      </span>
                    </div>
                  </td>
                  <td className="muted">
                    {entry.triggerSummary}
                    {entry.missed && (
                      // Chosen ahead for every schedule: what happens to occurrences that fall while
                      // Flowsmith is closed; with the count when some were missed at the last start.
                      <div className="missed" data-testid="missed">
                        {entry.missed.count > 0 && (
                          <span>{t("workflows.missed", { count: entry.missed.count })}</span>
                        )}
                        <label className="missed-policy">
                          <span>{t("workflows.missedPolicy")}</span>
                          <select
                            className="input input-small"
                            value={entry.missed.policy}
                            onChange={async (e) => {
                              const policy = e.target.value as MissedPolicy;
                              try {
                                await api.call("workflows.setMissedPolicy", { flowId: entry.id, policy });
                                toast.success(t(`workflows.missedSet.${policy}`, { name: entry.name }));
                              } catch (cause) {
                                toast.error(describeError(cause));
                              }
                              void load();
                            }}
                          >
                            <option value="run-once">{t("workflows.missed.run-once")}</option>
                            <option value="skip">{t("workflows.missed.skip")}</option>
                          </select>
                        </label>
                      </div>
                    )}
                  </td>
                  <td>
                    <label className="switch" title={entry.suspendedReason ?? undefined}>
                      <input
                        type="checkbox"
                        role="switch"
                        aria-checked={entry.status === "enabled"}
                        aria-label={`${entry.status === "enabled" ? t("workflows.disable") : t("workflows.enable")} ${entry.name}`}
                        checked={entry.status === "enabled"}
                        onChange={() => void toggle(entry)}
                      />
                      <span className={`status-text status-${entry.status}`}>
                        {t(`workflows.status.${entry.status}` as MessageKey)}
                      </span>
                    </label>
                    {entry.suspendedReason && <div className="suspended-reason">{entry.suspendedReason}</div>}
                  </td>
                  <td className="muted col-version">{entry.version ?? "—"}</td>
                  <td className="muted col-published" title={entry.publishedBy ?? undefined}>
                    {entry.publishedAt
                      ? t("workflows.publishedBy", {
                          who: entry.publishedByName ?? entry.publishedBy ?? "",
                          when: formatRelative(entry.publishedAt),
                        })
                      : "—"}
                  </td>
                  <td>
                    {entry.lastRun ? (
                      <Link
                        href={`/runs/${entry.lastRun.runId}`}
                        title={formatDateTime(entry.lastRun.startedAt)}
                        className="last-run"
                      >
                        <StatusBadge status={entry.lastRun.status} />{" "}
                        <span className="muted">{formatRelative(entry.lastRun.startedAt)}</span>
                      </Link>
                    ) : (
                      <span className="muted last-run-never">{t("workflows.never")}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {!entry.builtIn && (
                      <MenuButton
                        label={t("common.more")}
                        icon={<MoreHorizontal size={18} />}
                        items={[
                          { label: t("workflows.open"), onSelect: () => navigate(`/flows/${entry.id}`) },
                          ...(entry.startsBy === "schedule" ||
                          entry.startsBy === "button" ||
                          entry.startsBy === "record"
                            ? [{ label: t("workflows.run"), onSelect: () => void openRun(entry) }]
                            : []),
                          ...(entry.startsBy === "http"
                            ? [{ label: t("workflows.copyAddress"), onSelect: () => void copyAddress(entry) }]
                            : []),
                          {
                            label: t("workflows.runs"),
                            onSelect: () => navigate(`/runs?flow=${entry.id}&mode=published`),
                          },
                          { label: t("workflows.versions"), onSelect: () => setVersionsOf(entry) },
                          { label: t("workflows.export"), onSelect: () => void exportVersion(entry) },
                          {
                            label: t("workflows.unpublish"),
                            danger: true,
                            onSelect: () => setUnpublishing(entry),
                          },
                        ]}
                      />
                    )}
                  </td>
                </tr>
                {entry.startProblems && (
                  <tr className="start-problems-row">
                    <td colSpan={8}>
                      <StartProblemsNote entry={entry} problems={entry.startProblems} onDismissed={load} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </ListBody>
      {total > PAGE_SIZE && (
        <nav className="pager" aria-label={t("workflows.pages")}>
          <button
            type="button"
            className="button"
            disabled={pageNumber === 1}
            onClick={() => show({ page: pageNumber - 1 })}
          >
            {t("workflows.previous")}
          </button>
          <span className="muted">
            {t("workflows.pageOf", { page: pageNumber, pages: Math.ceil(total / PAGE_SIZE) })}
          </span>
          <button
            type="button"
            className="button"
            disabled={pageNumber * PAGE_SIZE >= total}
            onClick={() => show({ page: pageNumber + 1 })}
          >
            {t("workflows.next")}
          </button>
        </nav>
      )}
      {disablingChosen && (
        <ConfirmDialog
          title={t("workflows.disableChosen.title", { count: enabledChosen.length })}
          body={t("workflows.disableChosen.body")}
          details={
            <ConfirmList
              testId="workflows-to-disable"
              limit={LISTED}
              items={enabledChosen.map((entry) => ({
                id: entry.id,
                name: entry.name,
                detail: entry.builtIn ? t("workflows.builtIn") : undefined,
              }))}
            />
          }
          confirmLabel={t("workflows.disableChosen.confirm", { count: enabledChosen.length })}
          danger
          onClose={() => setDisablingChosen(false)}
          onConfirm={async () => {
            await setEnabledChosen(false);
            setDisablingChosen(false);
          }}
        />
      )}
      {unpublishing && (
        <ConfirmDialog
          title={t("workflows.unpublishTitle", { name: unpublishing.name })}
          body={t("workflows.unpublishBody")}
          confirmLabel={t("workflows.unpublish")}
          danger
          onClose={() => setUnpublishing(undefined)}
          onConfirm={async () => {
            await api.call("workflows.unpublish", { flowId: unpublishing.id });
            toast.info(t("workflows.unpublished", { name: unpublishing.name }));
            setUnpublishing(undefined);
            void load();
          }}
        />
      )}
      {running && (
        <RunFlowPane
          flowId={running.entry.id}
          name={running.entry.name}
          fields={running.fields}
          intro={
            running.runsAs
              ? t("workflows.runIntroAs", { name: running.entry.name, person: running.runsAs })
              : t("workflows.runIntro", { name: running.entry.name })
          }
          blocked={running.blocked}
          start={(inputs) => api.call("workflows.run", { flowId: running.entry.id, inputs })}
          onClose={() => {
            setRunning(undefined);
            void load();
          }}
        />
      )}
      {versionsOf && (
        <VersionsDialog
          flowId={versionsOf.id}
          name={versionsOf.name}
          onClose={() => setVersionsOf(undefined)}
        />
      )}
    </div>
  );
}

/** Why the workflow's trigger fired and no run started: the last reason, how many, and a way to clear them. */
function StartProblemsNote({
  entry,
  problems,
  onDismissed,
}: {
  entry: WorkflowEntry;
  problems: NonNullable<WorkflowEntry["startProblems"]>;
  onDismissed: () => unknown;
}) {
  const dismiss = async () => {
    try {
      await api.call("workflows.dismissStartProblems", { flowId: entry.id });
      await onDismissed();
    } catch (caught) {
      toast.error(describeError(caught));
    }
  };
  return (
    <div className="start-problems" role="status" data-testid="start-problems">
      <AlertTriangle size={14} aria-hidden />
      <strong title={formatDateTime(problems.lastAt)}>
        {t("workflows.startProblems", { count: problems.count, when: formatRelative(problems.lastAt) })}
      </strong>
      <span className="start-problems-reason">{problems.last}</span>
      <button
        type="button"
        className="button start-problems-dismiss"
        aria-label={t("workflows.dismissProblemsOf", { name: entry.name })}
        onClick={() => void dismiss()}
      >
        {t("workflows.dismissProblems")}
      </button>
    </div>
  );
}
