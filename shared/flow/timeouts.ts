// What a step's limit.timeout means. Steps that can take time end as TimedOut when it passes:
// connector calls (a service that is slow, retries, a person who does not answer an approval or a
// card) and Wait. An Until reads limit.timeout as its loop limit, set with its loop settings. Other
// steps finish at once or are containers, which Flowsmith does not time out as a whole: the steps
// inside them that wait carry the timeout.
import { canonicalActionType } from "./action-types";

export type TimeoutUse = "step" | "loop" | "none";

const STEP_TIMEOUT = new Set([
  "Wait",
  "OpenApiConnection",
  "OpenApiConnectionWebhook",
  "ApiConnection",
  "ApiConnectionWebhook",
]);

/** How the engine uses limit.timeout on a step of this type (as written, any letter case). */
export function timeoutUse(type: string): TimeoutUse {
  const canonical = canonicalActionType(type);
  if (canonical === "Until") return "loop";
  return canonical !== undefined && STEP_TIMEOUT.has(canonical) ? "step" : "none";
}
