// The Runs page's filters, and the ones an address asks for (the Runs link of a flow, the notice of failed runs).
import { RUN_STATUSES, type RunStatus } from "../../shared/api";

export interface Filters {
  flowId: string;
  /** Designer tests, runs of published versions, or both (""). */
  mode: "" | "test" | "published";
  statuses: RunStatus[];
  from: string;
  to: string;
}

/** A calendar day as the date inputs write it; anything else in an address is dropped. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters an address's query asks for: "flow=…&mode=published&status=Failed,Cancelled&from=2026-11-01".
 * The page keeps its filters there too, so Back from a run shows the same list.
 */
export function filtersFromQuery(query: string): Filters {
  const params = new URLSearchParams(query);
  const mode = params.get("mode");
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : "";
  };
  return {
    flowId: params.get("flow") ?? "",
    mode: mode === "test" || mode === "published" ? mode : "",
    statuses: (params.get("status") ?? "")
      .split(",")
      .filter((status): status is RunStatus => (RUN_STATUSES as readonly string[]).includes(status)),
    from: day("from"),
    to: day("to"),
  };
}

/** The query that asks for these filters; "" for none. */
export function queryOfFilters(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.flowId) params.set("flow", filters.flowId);
  if (filters.mode) params.set("mode", filters.mode);
  if (filters.statuses.length > 0) params.set("status", filters.statuses.join(","));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params.toString();
}

export interface FlowChoice {
  id: string;
  label: string;
}

/**
 * The Flow filter's options, by name; flows that share a name are told apart by what the person
 * knows of them (`describe`: their kind and when they were created), so that each can be chosen.
 */
export function flowChoices<F extends { id: string; name: string }>(
  flows: readonly F[],
  describe: (flow: F) => string,
): FlowChoice[] {
  const key = (text: string) => text.toLocaleLowerCase();
  const named = new Map<string, number>();
  for (const flow of flows) named.set(key(flow.name), (named.get(key(flow.name)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return [...flows]
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }))
    .map((flow) => {
      let label = (named.get(key(flow.name)) ?? 0) > 1 ? `${flow.name} (${describe(flow)})` : flow.name;
      // Still the same (same kind, same minute): number them, so that each option differs.
      const times = (seen.get(key(label)) ?? 0) + 1;
      seen.set(key(label), times);
      if (times > 1) label = `${label} #${times}`;
      return { id: flow.id, label };
    });
}
