// The 20 people of the demo company: who reports to whom, who buys and sells, and how much each
// may approve. Fixed by hand (a small list) so tests and demos can name them.
import type { Group, Person } from "../types";
import { COMPANY_DOMAIN } from "./words";

interface PersonRow {
  given: string;
  surname: string;
  jobTitle: string;
  department: string;
  /** Index of the manager in this list. */
  manager?: number;
  purchase?: number;
  sales?: number;
  unlimited?: boolean;
  salesperson?: string;
  purchaser?: string;
}

const PEOPLE: readonly PersonRow[] = [
  {
    given: "Helena",
    surname: "Marsh",
    jobTitle: "Chief Executive Officer",
    department: "Management",
    unlimited: true,
  },
  {
    given: "Victor",
    surname: "Almeida",
    jobTitle: "Chief Financial Officer",
    department: "Finance",
    manager: 0,
    unlimited: true,
  },
  {
    given: "Priya",
    surname: "Raman",
    jobTitle: "Sales Director",
    department: "Sales",
    manager: 0,
    purchase: 20000,
    sales: 250000,
  },
  {
    given: "Alicia",
    surname: "Thornton",
    jobTitle: "Purchasing Manager",
    department: "Purchasing",
    manager: 1,
    purchase: 100000,
  },
  {
    given: "Grace",
    surname: "Okafor",
    jobTitle: "Finance Manager",
    department: "Finance",
    manager: 1,
    purchase: 50000,
    sales: 50000,
  },
  {
    given: "Daniel",
    surname: "Reyes",
    jobTitle: "IT Manager",
    department: "IT",
    manager: 1,
    purchase: 10000,
  },
  {
    given: "Marcus",
    surname: "Bell",
    jobTitle: "Buyer",
    department: "Purchasing",
    manager: 3,
    purchase: 5000,
    purchaser: "MB",
  },
  {
    given: "Nadia",
    surname: "Haddad",
    jobTitle: "Buyer",
    department: "Purchasing",
    manager: 3,
    purchase: 5000,
    purchaser: "NH",
  },
  {
    given: "Oliver",
    surname: "Grant",
    jobTitle: "Senior Buyer",
    department: "Purchasing",
    manager: 3,
    purchase: 20000,
    purchaser: "OG",
  },
  {
    given: "Sophie",
    surname: "Laurent",
    jobTitle: "Account Manager",
    department: "Sales",
    manager: 2,
    sales: 25000,
    salesperson: "SL",
  },
  {
    given: "Kenji",
    surname: "Watanabe",
    jobTitle: "Account Manager",
    department: "Sales",
    manager: 2,
    sales: 25000,
    salesperson: "KW",
  },
  {
    given: "Emma",
    surname: "Johansson",
    jobTitle: "Sales Representative",
    department: "Sales",
    manager: 2,
    sales: 10000,
    salesperson: "EJ",
  },
  {
    given: "Luis",
    surname: "Ortega",
    jobTitle: "Sales Representative",
    department: "Sales",
    manager: 2,
    sales: 10000,
    salesperson: "LO",
  },
  {
    given: "Hannah",
    surname: "Fischer",
    jobTitle: "Accountant",
    department: "Finance",
    manager: 4,
    purchase: 2500,
    sales: 2500,
  },
  {
    given: "Samuel",
    surname: "Adeyemi",
    jobTitle: "Accounts Payable Clerk",
    department: "Finance",
    manager: 4,
  },
  {
    given: "Chloe",
    surname: "Dubois",
    jobTitle: "Accounts Receivable Clerk",
    department: "Finance",
    manager: 4,
  },
  {
    given: "Ravi",
    surname: "Kapoor",
    jobTitle: "Warehouse Manager",
    department: "Operations",
    manager: 0,
    purchase: 15000,
  },
  { given: "Mia", surname: "Schneider", jobTitle: "Warehouse Worker", department: "Operations", manager: 16 },
  {
    given: "Ethan",
    surname: "Brooks",
    jobTitle: "HR Manager",
    department: "Human Resources",
    manager: 0,
    purchase: 5000,
  },
  { given: "Zoe", surname: "Papadakis", jobTitle: "Business Analyst", department: "IT", manager: 5 },
];

export const emailOf = (given: string, surname: string): string => {
  const local = `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, "");
  return `${local}@${COMPANY_DOMAIN}`;
};

/** The people, with ids from the seed's random source. */
export function demoPeople(newId: () => string): Person[] {
  const emails = PEOPLE.map((row) => emailOf(row.given, row.surname));
  return PEOPLE.map((row, index) => ({
    id: newId(),
    email: emails[index] as string,
    displayName: `${row.given} ${row.surname}`,
    givenName: row.given,
    surname: row.surname,
    jobTitle: row.jobTitle,
    department: row.department,
    managerEmail: row.manager === undefined ? null : (emails[row.manager] ?? null),
    approvalLimits: {
      purchase: row.purchase ?? null,
      sales: row.sales ?? null,
      unlimited: row.unlimited ?? false,
    },
    salespersonCode: row.salesperson ?? "",
    purchaserCode: row.purchaser ?? "",
  }));
}

/** Distribution lists; "the buyers" of the Vendors page's flows is buyers@. */
export function demoGroups(people: readonly Person[]): Group[] {
  const where = (test: (person: Person) => boolean) => people.filter(test).map((person) => person.email);
  return [
    {
      email: `buyers@${COMPANY_DOMAIN}`,
      displayName: "Buyers",
      members: where((p) => p.purchaserCode !== ""),
    },
    {
      email: `sales@${COMPANY_DOMAIN}`,
      displayName: "Sales team",
      members: where((p) => p.department === "Sales"),
    },
    {
      email: `finance@${COMPANY_DOMAIN}`,
      displayName: "Finance team",
      members: where((p) => p.department === "Finance"),
    },
  ];
}

/** Who runs flows: the owner of the connections that flows' steps use ("Send me a notification"). */
export const CONNECTION_USER = emailOf("Daniel", "Reyes");

/** Sender of approval notices and "Send me an email notification". */
export const FLOW_SENDER = `flow-noreply@${COMPANY_DOMAIN}`;
/**
 * The name mail from FLOW_SENDER shows, as Power Automate's shows "Microsoft Power Automate": here
 * the app's own, since the sandbox's flows are Flowsmith's.
 */
export const FLOW_SENDER_NAME = "Flowsmith";
