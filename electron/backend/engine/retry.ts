// Retry policies of connector calls (inputs.retryPolicy), as Logic Apps applies them: only 408, 429
// and 5xx answers are retried; a 429's Retry-After is a floor for the next interval.
import type { JsonValue } from "../../../shared/json";
import { parseDurationMs } from "./durations";

export interface RetryPolicy {
  type: "none" | "fixed" | "exponential";
  /** Retries after the first attempt. */
  count: number;
  intervalMs: number;
  minimumIntervalMs: number;
  maximumIntervalMs: number;
}

/** The default: exponential, 4 retries, 7.5 s growth, each wait between 5 and 45 seconds. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  type: "exponential",
  count: 4,
  intervalMs: 7_500,
  minimumIntervalMs: 5_000,
  maximumIntervalMs: 45_000,
};

const DAY = 24 * 3600 * 1000;

export class RetryPolicyError extends Error {}

function durationField(value: JsonValue | undefined, field: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string")
    throw new RetryPolicyError(`retryPolicy.${field} must be an ISO 8601 duration`);
  const ms = parseDurationMs(value);
  if (ms === undefined) {
    throw new RetryPolicyError(`retryPolicy.${field} '${value}' is not an ISO 8601 duration such as PT10S`);
  }
  return ms;
}

function countField(value: JsonValue | undefined, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw new RetryPolicyError("retryPolicy.count must be a whole number of retries");
  }
  if (n > max) throw new RetryPolicyError(`retryPolicy.count ${n} is more than the ${max} retries allowed`);
  return n;
}

/** Reads inputs.retryPolicy; absent or {type: "default"} is the default policy. */
export function readRetryPolicy(raw: JsonValue | undefined, maxCount: number): RetryPolicy {
  if (raw === undefined || raw === null) return DEFAULT_RETRY_POLICY;
  if (typeof raw !== "object" || Array.isArray(raw))
    throw new RetryPolicyError("retryPolicy must be an object");
  const type = typeof raw.type === "string" ? raw.type.toLowerCase() : "";
  switch (type) {
    case "default":
      return DEFAULT_RETRY_POLICY;
    case "none":
      return { ...DEFAULT_RETRY_POLICY, type: "none", count: 0 };
    case "fixed": {
      const intervalMs = durationField(raw.interval, "interval", 20_000);
      return {
        type: "fixed",
        count: countField(raw.count, 4, maxCount),
        intervalMs,
        minimumIntervalMs: intervalMs,
        maximumIntervalMs: intervalMs,
      };
    }
    case "exponential":
      return {
        type: "exponential",
        count: countField(raw.count, 4, maxCount),
        intervalMs: durationField(raw.interval, "interval", 7_500),
        minimumIntervalMs: durationField(raw.minimumInterval, "minimumInterval", 5_000),
        maximumIntervalMs: durationField(raw.maximumInterval, "maximumInterval", DAY),
      };
    default:
      throw new RetryPolicyError(
        `retryPolicy.type '${String(raw.type)}' is not one of default, none, fixed, exponential`,
      );
  }
}

/** Logic Apps retries a request that timed out (408), was throttled (429) or failed on the server (5xx). */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 429 || (statusCode >= 500 && statusCode <= 599);
}

/**
 * The wait before retry number `retry` (1 for the first retry). Exponential: a random interval in
 * [max(2^(n-2)·interval, minimum), min(2^(n-1)·interval, maximum)] (the first from 0 up to interval).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  let delay: number;
  if (policy.type === "fixed") delay = policy.intervalMs;
  else if (policy.type === "exponential") {
    const low = Math.min(
      Math.max(retry <= 1 ? 0 : 2 ** (retry - 2) * policy.intervalMs, policy.minimumIntervalMs),
      policy.maximumIntervalMs,
    );
    const high = Math.max(low, Math.min(2 ** (retry - 1) * policy.intervalMs, policy.maximumIntervalMs));
    delay = low + (high - low) * random();
  } else delay = 0;
  return Math.round(Math.max(delay, retryAfterMs ?? 0));
}
