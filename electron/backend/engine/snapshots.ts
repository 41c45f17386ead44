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
  /** The store's generation in which it was stored; -1 before. */
  storedIn: number;
}

const MAX_PARSED = 256;

export class SnapshotStore {
  private readonly byObject = new WeakMap<WdlDefinition, Snapshot>();
  private readonly byHash = new Map<string, Snapshot>();
  private readonly select: Statement;
  /** Bumped when unreferenced snapshots are deleted: what was known stored must be stored again. */
  private generation = 0;

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
      storedIn: -1,
    };
    this.remember(snapshot);
    this.byObject.set(definition, snapshot);
    return snapshot;
  }

  /** Marks a snapshot as stored: later runs with it skip the insert. */
  stored(snapshot: Snapshot): void {
    snapshot.text = null;
    snapshot.storedIn = this.generation;
  }

  /** The JSON a run's row must store with it, or null when the snapshot is already stored. */
  textToStore(snapshot: Snapshot): string | null {
    if (snapshot.storedIn === this.generation) return null;
    // Stringifying the parsed copy gives back the hashed text (it came from JSON.stringify).
    return snapshot.text ?? JSON.stringify(snapshot.definition);
  }

  /** After unreferenced snapshots were deleted: every snapshot is stored again by its next run. */
  forgetStored(): void {
    this.generation++;
  }

  /** The parsed definition of a stored snapshot (recovery, resubmit, getRun). */
  byHashValue(hash: string): WdlDefinition | undefined {
    const known = this.byHash.get(hash);
    if (known) return known.definition;
    const text = this.select.get(hash);
    if (typeof text !== "string") return undefined;
    const snapshot: Snapshot = {
      hash,
      definition: JSON.parse(text) as WdlDefinition,
      text: null,
      storedIn: this.generation,
    };
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
