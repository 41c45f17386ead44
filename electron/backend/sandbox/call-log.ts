// Calls take effect once. The engine journals a connector attempt before sending it and its outcome
// after; a crash between the two makes it send the same attempt again on restart, with the same
// identity. The sandbox keeps each call's outcome in the transaction of its effect, and answers a
// repeated call with it: the person gets one email, one approval request, one new record.
import type { ConnectorCall, ConnectorOutcome } from "../engine/connector-runtime";
import { prepared, type World } from "./world";

/** run|iteration|action|attempt: what the engine sends again unchanged after a restart. */
export function callKey(call: ConnectorCall): string {
  return `${call.runId}|${call.iteration ?? ""}|${call.actionName}|${call.attempt}`;
}

export class CallLog {
  constructor(private readonly world: World) {}

  /** The outcome of an earlier call with this identity, if there was one. */
  find(key: string): ConnectorOutcome | undefined {
    const text = prepared(this.world.db, "SELECT outcome FROM sb_calls WHERE key = ?").pluck().get(key) as
      | string
      | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as ConnectorOutcome);
  }

  /** Kept in the caller's transaction, with the call's effect. */
  record(key: string, outcome: ConnectorOutcome): void {
    prepared(this.world.db, "INSERT INTO sb_calls (key, outcome, created_at) VALUES (?, ?, ?)").run(
      key,
      JSON.stringify(outcome),
      this.world.clock.now(),
    );
  }

  /** The runs were deleted from history: none of them will send a call again. */
  forgetRuns(runIds: readonly string[]): number {
    // Keys start with the run's id and "|": a range on the primary key, not a scan.
    const remove = prepared(this.world.db, "DELETE FROM sb_calls WHERE key >= ? AND key < ?");
    let removed = 0;
    for (const id of runIds) removed += remove.run(`${id}|`, `${id}}`).changes;
    return removed;
  }

  /** The world was replaced: the outcomes name rows that are gone. */
  clear(): void {
    prepared(this.world.db, "DELETE FROM sb_calls").run();
  }
}
