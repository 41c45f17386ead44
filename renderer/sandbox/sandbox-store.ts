// What every sandbox page shares: the company and its people (from sandbox.overview), the tables
// of Business Central, and who the person is acting as. "Act as" is remembered on this computer
// and starts as the sandbox's connection user (the person flows run as).
import { create } from "zustand";
import type { MethodOutput } from "../../shared/api";
import { api } from "../api/client";
import { type TableInfo, tableInfo } from "./bc/bc-model";

export type Overview = MethodOutput<"sandbox.overview">;
export type Person = Overview["people"][number];

const ACT_AS_KEY = "flowsmith.sandbox.actingAs";

function remembered(): string | undefined {
  try {
    return window.localStorage.getItem(ACT_AS_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

interface SandboxState {
  overview: Overview | undefined;
  overviewError: unknown;
  tables: TableInfo[] | undefined;
  tablesError: unknown;
  /** The email of the person acted as; empty until the overview has loaded. */
  actingAs: string;
  loadOverview(): Promise<void>;
  loadTables(): Promise<void>;
  actAs(email: string): void;
  /** Bumped when the person reads mail (which raises no sandbox event), so unread counts refresh. */
  mailRead: number;
  markMailRead(): void;
}

export const useSandbox = create<SandboxState>((set, get) => ({
  overview: undefined,
  overviewError: undefined,
  tables: undefined,
  tablesError: undefined,
  actingAs: "",
  mailRead: 0,
  markMailRead() {
    set({ mailRead: get().mailRead + 1 });
  },
  async loadOverview() {
    try {
      const overview = await api.call("sandbox.overview", {});
      const wanted = get().actingAs || remembered();
      const known = overview.people.some((p) => p.email === wanted);
      set({
        overview,
        overviewError: undefined,
        actingAs: known && wanted ? wanted : overview.connectionUser,
      });
    } catch (error) {
      set({ overviewError: error });
    }
  },
  async loadTables() {
    try {
      const tables = (await api.call("sandbox.tables", {})).map(tableInfo);
      set({ tables, tablesError: undefined });
    } catch (error) {
      set({ tablesError: error });
    }
  },
  actAs(email) {
    set({ actingAs: email });
    try {
      window.localStorage.setItem(ACT_AS_KEY, email);
    } catch {
      // Private windows may refuse storage: acting as still works for this visit.
    }
  },
}));

/** The person acted as, once known. */
export function useActingPerson(): Person | undefined {
  return useSandbox((s) => s.overview?.people.find((p) => p.email === s.actingAs));
}

/**
 * A person's display name by email (the flows' sender's too: "Flowsmith"); the email itself for
 * someone outside the company.
 */
export function usePersonName(): (email: string) => string {
  const people = useSandbox((s) => s.overview?.people);
  const senders = useSandbox((s) => s.overview?.senders);
  return (email: string) =>
    [...(people ?? []), ...(senders ?? [])].find((p) => p.email.toLowerCase() === email.toLowerCase())
      ?.displayName ?? email;
}

export function useTable(name: string): TableInfo | undefined {
  return useSandbox((s) => s.tables?.find((t) => t.name.toLowerCase() === name.toLowerCase()));
}
