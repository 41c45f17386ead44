// The company's directory: people, their managers and approval limits, and distribution lists.
import type { Database } from "better-sqlite3";
import { FLOW_SENDER, FLOW_SENDER_NAME } from "./seed/people";
import type { Group, Person } from "./types";
import { parseJson, prepared } from "./world";

interface PersonRow {
  email: string;
  id: string;
  display_name: string;
  given_name: string;
  surname: string;
  job_title: string;
  department: string;
  manager_email: string | null;
  purchase_limit: number | null;
  sales_limit: number | null;
  unlimited: number;
  salesperson_code: string;
  purchaser_code: string;
}

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  givenName: row.given_name,
  surname: row.surname,
  jobTitle: row.job_title,
  department: row.department,
  managerEmail: row.manager_email,
  approvalLimits: { purchase: row.purchase_limit, sales: row.sales_limit, unlimited: row.unlimited === 1 },
  salespersonCode: row.salesperson_code,
  purchaserCode: row.purchaser_code,
});

export class Directory {
  constructor(private readonly db: Database) {}

  people(): Person[] {
    return (prepared(this.db, "SELECT * FROM sb_people ORDER BY seq").all() as PersonRow[]).map(toPerson);
  }

  person(email: string): Person | undefined {
    const row = prepared(this.db, "SELECT * FROM sb_people WHERE email = ?").get(email.trim()) as
      | PersonRow
      | undefined;
    return row ? toPerson(row) : undefined;
  }

  /** The person with a salesperson or purchaser code ("MB"). */
  personByCode(code: string): Person | undefined {
    if (code.trim() === "") return undefined;
    const row = prepared(
      this.db,
      "SELECT * FROM sb_people WHERE salesperson_code = @code OR purchaser_code = @code ORDER BY seq LIMIT 1",
    ).get({ code: code.trim() }) as PersonRow | undefined;
    return row ? toPerson(row) : undefined;
  }

  groups(): Group[] {
    const rows = prepared(
      this.db,
      "SELECT email, display_name, members FROM sb_groups ORDER BY email",
    ).all() as {
      email: string;
      display_name: string;
      members: string;
    }[];
    return rows.map((row) => ({
      email: row.email,
      displayName: row.display_name,
      members: parseJson(row.members),
    }));
  }

  group(email: string): Group | undefined {
    return this.groups().find((group) => group.email.toLowerCase() === email.trim().toLowerCase());
  }

  /** A person's or group's display name (or the flows' sender's); the address itself for anyone else. */
  displayName(email: string): string {
    return (
      this.person(email)?.displayName ??
      this.group(email)?.displayName ??
      (email.trim().toLowerCase() === FLOW_SENDER ? FLOW_SENDER_NAME : email)
    );
  }

  /**
   * Who approves a request for `amount` (LCY) from `requester`: their manager, then up the
   * hierarchy until someone's limit of that kind covers the amount (or the top is reached).
   */
  approverFor(requester: string, amount: number, kind: "purchase" | "sales" | "none"): Person | undefined {
    let current = this.person(requester);
    const seen = new Set<string>();
    let candidate: Person | undefined;
    while (current?.managerEmail && !seen.has(current.email.toLowerCase())) {
      seen.add(current.email.toLowerCase());
      candidate = this.person(current.managerEmail);
      if (!candidate) break;
      const limits = candidate.approvalLimits;
      const limit = kind === "purchase" ? limits.purchase : kind === "sales" ? limits.sales : null;
      if (kind === "none" || limits.unlimited || (limit !== null && limit >= amount)) return candidate;
      current = candidate;
    }
    return candidate;
  }
}
