// The fault form of the Simulation page: which connectors and operations can fail (the catalog's
// connectors that call out, never the built-in steps), what the form's fields become in
// sandbox.faults.set, and a fault in words for the list of active ones.
import type { MethodInput, MethodOutput } from "../../../shared/api";
import { CONNECTORS, findConnector } from "../../../shared/connectors";
import { type MessageKey, t } from "../../i18n";

export type FaultInput = MethodInput<"sandbox.faults.set">;
export type Fault = MethodOutput<"sandbox.faults.list">[number];

export interface FaultForm {
  connectorId: string;
  /** Empty: every operation of the connector. */
  operationId: string;
  mode: "fail" | "slow";
  statusCode: "429" | "500";
  count: string;
  /** Seconds, as people think of Retry-After; empty for the sandbox's default. */
  retryAfterSeconds: string;
  delayMs: string;
}

export const EMPTY_FAULT_FORM: FaultForm = {
  connectorId: "",
  operationId: "",
  mode: "fail",
  statusCode: "429",
  count: "1",
  retryAfterSeconds: "",
  delayMs: "2000",
};

/** Connectors whose calls leave the flow (the ones a fault makes sense for), in palette order. */
export function faultConnectors(): { id: string; title: string }[] {
  return CONNECTORS.filter((c) => !c.builtIn).map((c) => ({ id: c.id, title: c.displayName }));
}

/** A connector's actions (triggers are not called by steps). */
export function faultOperations(connectorId: string): { id: string; title: string }[] {
  const connector = findConnector(connectorId);
  if (!connector) return [];
  return connector.operations
    .filter((op) => op.kind === "action" && !op.deprecated)
    .map((op) => ({ id: op.operationId, title: op.displayName }));
}

const whole = (text: string, min: number, max: number): number | undefined => {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

/** The fields that can be wrong, in the order the form shows them. */
export const FAULT_FIELDS = ["connectorId", "retryAfterSeconds", "delayMs", "count"] as const;
export type FaultField = (typeof FAULT_FIELDS)[number];
export type FaultErrors = Partial<Record<FaultField, MessageKey>>;

/**
 * The form as the contract's input, or what is wrong with every field that is (each said under
 * its own field, all at once: the person fixes them in one go).
 */
export function faultInput(form: FaultForm): { input: FaultInput } | { errors: FaultErrors } {
  const errors: FaultErrors = {};
  if (!form.connectorId) errors.connectorId = "sandbox.faults.error.connector";
  const count = whole(form.count, 1, 1000);
  if (count === undefined) errors.count = "sandbox.faults.error.count";
  const slow = form.mode === "slow";
  const delayMs = slow ? whole(form.delayMs, 1, 86_400_000) : undefined;
  if (slow && delayMs === undefined) errors.delayMs = "sandbox.faults.error.delay";
  const statusCode = form.statusCode === "500" ? 500 : 429;
  let retryAfterMs: number | undefined;
  if (!slow && statusCode === 429 && form.retryAfterSeconds.trim() !== "") {
    const seconds = whole(form.retryAfterSeconds, 0, 3600);
    if (seconds === undefined) errors.retryAfterSeconds = "sandbox.faults.error.retryAfter";
    else retryAfterMs = seconds * 1000;
  }
  if (Object.keys(errors).length > 0 || count === undefined) return { errors };
  const base = {
    connectorId: form.connectorId,
    ...(form.operationId ? { operationId: form.operationId } : {}),
  };
  if (slow) return { input: { mode: "slow", ...base, delayMs: delayMs ?? 0, count } };
  return {
    input: {
      mode: "fail",
      ...base,
      statusCode,
      count,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
  };
}

/** "Office 365 Outlook · Send an email (V2)" or "… · every operation". */
export function faultTarget(fault: Fault): string {
  const connector = findConnector(fault.connectorId);
  const operation = fault.operationId
    ? (connector?.operations.find((op) => op.operationId === fault.operationId)?.displayName ??
      fault.operationId)
    : t("sandbox.faults.anyOperation");
  return `${connector?.displayName ?? fault.connectorId} · ${operation}`;
}

/** "Fails with 429, Retry-After 1 s" or "Answers 2,000 ms late". */
export function faultEffect(fault: Fault): string {
  const field = (name: string): number | null => {
    const value = (fault as Record<string, unknown>)[name];
    return typeof value === "number" ? value : null;
  };
  if (fault.mode === "slow")
    return t("sandbox.faults.effect.slow", { ms: (field("delayMs") ?? 0).toLocaleString("en") });
  const status = field("statusCode") ?? 500;
  const retry = field("retryAfterMs");
  return status === 429 && retry !== null
    ? t("sandbox.faults.effect.fail429", { seconds: retry / 1000 })
    : t("sandbox.faults.effect.fail", { status });
}

/** How many calls it still affects; null for a slow fault that lasts until cleared. */
export function faultRemaining(fault: Fault): number | null {
  const value = (fault as Record<string, unknown>).remaining;
  return typeof value === "number" ? value : null;
}
