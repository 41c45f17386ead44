// Injected faults: an operation (or every operation of a connector) fails its next N calls with
// 429 or 500, or answers slowly. The runtime takes them call by call; each take counts down.
import type { Database } from "better-sqlite3";
import { findConnector } from "../../../shared/connectors";
import { badRequest, notFound } from "./errors";
import type { Fault, FaultSpec } from "./types";
import { iso, nextSeq, prepared, type World } from "./world";

interface FaultRow {
  id: string;
  connector_id: string;
  operation_id: string | null;
  mode: "fail" | "slow";
  status_code: number | null;
  retry_after_ms: number | null;
  delay_ms: number | null;
  remaining: number | null;
  created_at: number;
}

const toFault = (row: FaultRow): Fault => ({
  id: row.id,
  connectorId: row.connector_id,
  operationId: row.operation_id,
  mode: row.mode,
  statusCode: row.status_code,
  retryAfterMs: row.retry_after_ms,
  delayMs: row.delay_ms,
  remaining: row.remaining,
  createdAt: iso(row.created_at),
});

/** What the faults do to one call. */
export interface FaultEffect {
  delayMs: number;
  fail?: { statusCode: number; retryAfterMs: number | null; faultId: string };
}

const DEFAULT_RETRY_AFTER_MS = 1000;

export class Faults {
  private readonly db: Database;

  constructor(private readonly world: World) {
    this.db = world.db;
  }

  set(spec: FaultSpec): Fault {
    const connector = findConnector(spec.connectorId);
    if (!connector || connector.builtIn)
      throw badRequest(`There is no connector '${spec.connectorId}' to inject a fault into.`);
    let operationId: string | null = null;
    if (spec.operationId !== undefined && spec.operationId !== "") {
      const operation = connector.operations.find(
        (op) => op.operationId.toLowerCase() === spec.operationId?.toLowerCase(),
      );
      if (!operation) throw badRequest(`${connector.displayName} has no operation '${spec.operationId}'.`);
      operationId = operation.operationId;
    }
    const positive = (n: number | undefined, what: string): number | null => {
      if (n === undefined) return null;
      if (!Number.isInteger(n) || n < 1) throw badRequest(`${what} must be a whole number of at least 1.`);
      return n;
    };
    let row: Omit<FaultRow, "id" | "created_at">;
    if (spec.mode === "fail") {
      if (spec.statusCode !== 429 && spec.statusCode !== 500)
        throw badRequest("A failing fault answers 429 or 500.");
      const retryAfter = spec.statusCode === 429 ? (spec.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) : null;
      if (retryAfter !== null && (!Number.isFinite(retryAfter) || retryAfter < 0)) {
        throw badRequest("retryAfterMs must be zero or more.");
      }
      row = {
        connector_id: connector.id,
        operation_id: operationId,
        mode: "fail",
        status_code: spec.statusCode,
        retry_after_ms: retryAfter,
        delay_ms: null,
        remaining: positive(spec.count, "count") ?? 1,
      };
    } else {
      if (!Number.isFinite(spec.delayMs) || spec.delayMs < 0)
        throw badRequest("delayMs must be zero or more.");
      row = {
        connector_id: connector.id,
        operation_id: operationId,
        mode: "slow",
        status_code: null,
        retry_after_ms: null,
        delay_ms: Math.round(spec.delayMs),
        remaining: positive(spec.count, "count"),
      };
    }
    const id = this.world.newId();
    prepared(
      this.db,
      `INSERT INTO sb_faults (id, seq, connector_id, operation_id, mode, status_code, retry_after_ms, delay_ms, remaining, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      nextSeq(this.db, "sb_faults"),
      row.connector_id,
      row.operation_id,
      row.mode,
      row.status_code,
      row.retry_after_ms,
      row.delay_ms,
      row.remaining,
      this.world.now(),
    );
    return this.get(id);
  }

  get(id: string): Fault {
    const row = prepared(this.db, "SELECT * FROM sb_faults WHERE id = ?").get(id) as FaultRow | undefined;
    if (!row) throw notFound(`There is no fault '${id}'.`);
    return toFault(row);
  }

  list(): Fault[] {
    return (prepared(this.db, "SELECT * FROM sb_faults ORDER BY seq").all() as FaultRow[]).map(toFault);
  }

  /** Clears one fault, or all of them. */
  clear(id?: string): void {
    if (id === undefined) prepared(this.db, "DELETE FROM sb_faults").run();
    else if (prepared(this.db, "DELETE FROM sb_faults WHERE id = ?").run(id).changes === 0) {
      throw notFound(`There is no fault '${id}'.`);
    }
  }

  /**
   * The faults that apply to a call, counted down: the oldest matching slow fault delays it, the
   * oldest matching failing fault fails it. A fault whose count reaches zero is gone.
   */
  take(connectorId: string, operationId: string): FaultEffect {
    return this.world.tx(() => {
      const rows = prepared(
        this.db,
        `SELECT * FROM sb_faults WHERE lower(connector_id) = lower(?)
             AND (operation_id IS NULL OR lower(operation_id) = lower(?)) ORDER BY seq`,
      ).all(connectorId, operationId) as FaultRow[];
      const slow = rows.find((row) => row.mode === "slow");
      const fail = rows.find((row) => row.mode === "fail");
      for (const row of [slow, fail]) {
        if (!row || row.remaining === null) continue;
        if (row.remaining <= 1) prepared(this.db, "DELETE FROM sb_faults WHERE id = ?").run(row.id);
        else prepared(this.db, "UPDATE sb_faults SET remaining = remaining - 1 WHERE id = ?").run(row.id);
      }
      return {
        delayMs: slow?.delay_ms ?? 0,
        ...(fail
          ? {
              fail: {
                statusCode: fail.status_code ?? 500,
                retryAfterMs: fail.retry_after_ms,
                faultId: fail.id,
              },
            }
          : {}),
      };
    });
  }
}
