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

/** The filters an address's query asks for: "flow=…&mode=published&status=Failed,Cancelled". */
export function filtersFromQuery(query: string): Filters {
  const params = new URLSearchParams(query);
  const mode = params.get("mode");
  return {
    flowId: params.get("flow") ?? "",
    mode: mode === "test" || mode === "published" ? mode : "",
    statuses: (params.get("status") ?? "")
      .split(",")
      .filter((status): status is RunStatus => (RUN_STATUSES as readonly string[]).includes(status)),
    from: "",
    to: "",
  };
}
