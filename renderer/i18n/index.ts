// The one function through which every visible string passes. English now; French comes later
// as another catalogue with the same keys.
import { en, type MessageKey } from "./en";

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

type Entry = string | { readonly one: string; readonly other: string };
const catalogue: Readonly<Record<MessageKey, Entry>> = en;
const locale = "en";
const plurals = new Intl.PluralRules(locale);

export function t(key: MessageKey, params: MessageParams = {}): string {
  const entry = catalogue[key];
  const template =
    typeof entry === "string"
      ? entry
      : plurals.select(Number(params.count ?? 0)) === "one"
        ? entry.one
        : entry.other;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

// Made once: a formatter costs far more to make than to use, and lists format hundreds of dates.
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
// A calendar day ("2026-11-24") is the same day everywhere: read and shown in UTC, it does not
// become the day before west of Greenwich.
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
const listFormat = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "Nov 24, 2026", for a moment (in local time) or a calendar day ("2026-11-24"). */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dayFormat.format(new Date(`${iso}T00:00:00Z`));
  return dateFormat.format(new Date(iso));
}

/** "Alicia Thornton, Grace Okafor and Victor Almeida". */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}

/** "just now", "5 minutes ago", "3 days ago", then the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t("time.justNow");
  if (minutes < 60) return t("time.minutesAgo", { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("time.hoursAgo", { count: hours });
  const days = Math.floor(hours / 24);
  if (days < 7) return t("time.daysAgo", { count: days });
  return formatDate(iso);
}
