// My flows says which flows are live: the published version and whether it is enabled, from the
// workflow list (one call for every published flow; built-in workflows match no flow), kept fresh
// as workflows change.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowEntry } from "../../shared/api";
import { api } from "../api/client";
import { useThrottledApiEvents } from "../api/hooks";
import { type MessageKey, t } from "../i18n";

/** Published flows by flow id; empty until loaded (and when the list cannot be read). */
export function usePublishedStates(): ReadonlyMap<string, WorkflowEntry> {
  const [entries, setEntries] = useState<ReadonlyMap<string, WorkflowEntry>>(new Map());
  // Only the newest read is shown: one started before a publish may answer after the one it caused.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const read = ++latest.current;
    try {
      const page = await api.call("workflows.list", { limit: 5_000 });
      if (read === latest.current) setEntries(new Map(page.items.map((entry) => [entry.id, entry])));
    } catch {
      // A convenience beside the flows: the Workflow list says the same.
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useThrottledApiEvents(["workflows.changed"], load);
  return entries;
}

/**
 * "v3 · Enabled", or "Not published" for a flow that has only its draft; "draft edited" when the
 * draft was saved since that version was published (people forget to publish).
 */
export function PublishedState({ entry, revision }: { entry: WorkflowEntry | undefined; revision: number }) {
  if (!entry) return <span className="muted">{t("flows.notPublished")}</span>;
  const edited = entry.publishedFromRevision !== null && revision > entry.publishedFromRevision;
  return (
    <span className={`published-state status-${entry.status}`} data-testid="published-state">
      <span className="status-dot" aria-hidden="true" />
      {t("flows.publishedState", {
        version: entry.version ?? 0,
        status: t(`workflows.status.${entry.status}` as MessageKey),
      })}
      {edited && " "}
      {edited && (
        <span className="draft-edited" title={t("flows.draftEdited.title", { version: entry.version ?? 0 })}>
          {t("flows.draftEdited")}
        </span>
      )}
    </span>
  );
}
