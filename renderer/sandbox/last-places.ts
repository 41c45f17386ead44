// Where each app of the sandbox was left, so its tab goes back there: the Teams channel, the mailbox,
// folder and message, the Excel table, the approvals box and request. The address holds the place
// (a reload or a copied link shows it again); this remembers it when the person goes to another
// tab. Approvals and Outlook are a person's own, so they are remembered per person acted as.
// Kept for the browser tab's session, like the rest of the address's history.

/** The sections whose place is remembered; the others' tabs open the section as it starts. */
const SECTIONS = ["/approvals", "/outlook", "/teams", "/excel"] as const;
const PERSONAL: readonly string[] = ["/approvals", "/outlook"];
const KEY = "flowsmith.sandbox.lastPlaces";

type Places = Record<string, string>;
export type PlaceStorage = Pick<Storage, "getItem" | "setItem">;

/** The section an address of the sandbox is in ("/teams" of "/teams/chat/c1"), if it is remembered. */
export function sectionOf(address: string): string | undefined {
  const path = address.split("?")[0] ?? "";
  return SECTIONS.find((section) => path === section || path.startsWith(`${section}/`));
}

function keyOf(section: string, person: string): string {
  return PERSONAL.includes(section) ? `${section} ${person.toLowerCase()}` : section;
}

function read(storage: PlaceStorage | undefined): Places {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

function sessionStore(): PlaceStorage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Remembers the address shown (path and query) as its section's place, for the person acted as. */
export function rememberPlace(address: string, person: string, storage = sessionStore()): void {
  const section = sectionOf(address);
  if (!section || !storage) return;
  const places = read(storage);
  const key = keyOf(section, person);
  if (places[key] === address) return;
  places[key] = address;
  try {
    storage.setItem(KEY, JSON.stringify(places));
  } catch {
    // Storage refused (private window, full): the tab opens the section as it starts.
  }
}

/** Where a section's tab leads: its remembered place, else the section itself. */
export function placeOf(section: string, person: string, storage = sessionStore()): string {
  if (!SECTIONS.some((s) => s === section)) return section;
  const place = read(storage)[keyOf(section, person)];
  return place && sectionOf(place) === section ? place : section;
}
