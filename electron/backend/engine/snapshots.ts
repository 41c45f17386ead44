// Definition snapshots: a run keeps the definition it started with, stored once per distinct content
// (run_definitions, by SHA-256) and parsed once per process.
import { createHash } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { WdlDefinition } from "../../../shared/flow";

export interface Snapshot {
  hash: string;
  /** The engine's own copy: callers may not change it. */
  definition: WdlDefinition;
  /** JSON text, until the snapshot is known to be stored. */
  text: string | null;
}

const MAX_PARSED = 256;

export class SnapshotStore {
  private readonly byObject = new WeakMap<WdlDefinition, Snapshot>();
  private readonly byHash = new Map<string, Snapshot>();
  private readonly select: Statement;

  constructor(db: Database) {
    this.select = db.prepare("SELECT definition FROM run_definitions WHERE hash = ?").pluck();
  }

  /** The snapshot of a definition given to startRun (the same object is hashed once). */
  of(definition: WdlDefinition): Snapshot {
    const known = this.byObject.get(definition);
    if (known) return known;
    const text = JSON.stringify(definition);
    const hash = createHash("sha256").update(text).digest("hex");
    const snapshot = this.byHash.get(hash) ?? {
      hash,
      definition: JSON.parse(text) as WdlDefinition,
      text,
    };
    this.remember(snapshot);
    this.byObject.set(definition, snapshot);
    return snapshot;
  }

  /** Marks a snapshot as stored: later runs with it skip the insert. */
  stored(snapshot: Snapshot): void {
    snapshot.text = null;
  }

  /** The parsed definition of a stored snapshot (recovery, resubmit, getRun). */
  byHashValue(hash: string): WdlDefinition | undefined {
    const known = this.byHash.get(hash);
    if (known) return known.definition;
    const text = this.select.get(hash);
    if (typeof text !== "string") return undefined;
    const snapshot: Snapshot = { hash, definition: JSON.parse(text) as WdlDefinition, text: null };
    this.remember(snapshot);
    return snapshot.definition;
  }

  private remember(snapshot: Snapshot): void {
    if (this.byHash.has(snapshot.hash)) return;
    if (this.byHash.size >= MAX_PARSED) {
      const oldest = this.byHash.keys().next();
      if (!oldest.done) this.byHash.delete(oldest.value);
    }
    this.byHash.set(snapshot.hash, snapshot);
  }
}
