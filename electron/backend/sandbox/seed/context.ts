// What the seed's generators share: the random source, the day the company's dates count from,
// and how a record of a table is stamped.
import type { JsonObject } from "../../../../shared/json";
import type { Prng } from "../prng";
import { blankRecord } from "../record-fields";
import { type SandboxTable, sandboxTable } from "../tables";
import type { SandboxRecord } from "../types";

const DAY = 86_400_000;

export class SeedContext {
  readonly records = new Map<string, SandboxRecord[]>();

  constructor(
    readonly rng: Prng,
    /** UTC midnight of the day the company is seeded on. */
    readonly baseDay: number,
  ) {}

  /** "2026-01-05" for baseDay + offset days. */
  day(offset: number): string {
    return new Date(this.baseDay + offset * DAY).toISOString().slice(0, 10);
  }

  /** A time in office hours on the day `offset` days from the base day. */
  timeOn(offset: number): string {
    const minutes = this.rng.int(8 * 60, 17 * 60);
    return new Date(this.baseDay + offset * DAY + minutes * 60_000).toISOString();
  }

  /** A time some days before the base day, during office hours. */
  pastTime(minDays: number, maxDays: number): string {
    const days = this.rng.int(minDays, maxDays);
    const minutes = this.rng.int(8 * 60, 17 * 60);
    return new Date(this.baseDay - days * DAY + minutes * 60_000).toISOString();
  }

  /** A record of the table: blank fields, the given values, a new id and a modification time. */
  add(tableName: string, values: JsonObject): SandboxRecord {
    const table = requireTable(tableName);
    const modified = this.pastTime(1, 120);
    const record: SandboxRecord = {
      ...blankRecord(table),
      ...values,
      id: this.rng.guid(),
      ...(hasField(table, "lastModifiedDateTime") ? { lastModifiedDateTime: modified } : {}),
      systemModifiedAt: modified,
    };
    let list = this.records.get(table.name);
    if (!list) {
      list = [];
      this.records.set(table.name, list);
    }
    list.push(record);
    return record;
  }

  list(tableName: string): SandboxRecord[] {
    return this.records.get(tableName) ?? [];
  }
}

export function requireTable(name: string): SandboxTable {
  const table = sandboxTable(name);
  if (!table) throw new Error(`no sandbox table '${name}'`);
  return table;
}

const hasField = (table: SandboxTable, name: string): boolean => table.fields.some((f) => f.name === name);

export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
