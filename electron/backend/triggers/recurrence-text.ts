// A recurrence in plain words for the workflow list: "Every Monday at 08:00 (Romance Standard Time)",
// "Every 15 minutes", "Every 2 weeks on Monday and Thursday at 08:00 and 17:30 (UTC)".
import { type Recurrence, WEEK_DAYS, wallParts } from "./recurrence";
import { listWords } from "./words";

const UNITS = {
  Second: ["second", "seconds"],
  Minute: ["minute", "minutes"],
  Hour: ["hour", "hours"],
  Day: ["day", "days"],
  Week: ["week", "weeks"],
  Month: ["month", "months"],
} as const;

const two = (n: number): string => String(n).padStart(2, "0");

/**
 * `base` is when the schedule counts from (its start time, or when it was published): it supplies
 * the hour, minute, week day or month day that the schedule leaves out.
 */
export function describeRecurrence(recurrence: Recurrence, base?: number): string {
  const { frequency, interval } = recurrence;
  const [one, many] = UNITS[frequency];
  const every = interval === 1 ? `Every ${one}` : `Every ${interval} ${many}`;
  const from = recurrence.startTime ?? base;
  const at = from === undefined ? undefined : wallParts(recurrence.zone, from);
  const zone = `(${recurrence.timeZone ?? "UTC"})`;

  if (frequency === "Second" || frequency === "Minute" || frequency === "Hour") {
    if (recurrence.startTime === undefined || !at) return every;
    return `${every}, from ${dateText(at)} at ${two(at.hour)}:${two(at.minute)} ${zone}`;
  }

  const times = timesText(recurrence, at);
  const when = times ? ` ${times}` : "";
  if (frequency === "Day") return `${every}${when} ${zone}`;
  if (frequency === "Week") {
    const days = recurrence.weekDays ?? (at ? [at.weekDay] : undefined);
    if (!days) return `${every}${when} ${zone}`;
    const names = weekDaysText(days);
    return interval === 1 ? `Every ${names}${when} ${zone}` : `${every} on ${names}${when} ${zone}`;
  }
  const monthDays = recurrence.monthDays ?? (at ? [at.day] : undefined);
  const on = monthDays ? ` on ${monthDaysText(monthDays)}` : "";
  return `${every}${on}${when} ${zone}`;
}

function dateText(at: { year: number; month: number; day: number }): string {
  return `${at.year}-${two(at.month + 1)}-${two(at.day)}`;
}

function weekDaysText(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return "day";
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d))) return "weekday (Monday to Friday)";
  // Monday first, as calendars in Business Central's countries read.
  const ordered = [...set].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return listWords(ordered.map((d) => WEEK_DAYS[d] ?? String(d)));
}

function monthDaysText(days: readonly number[]): string {
  const words = [...days]
    .sort((a, b) => (a === -1 ? 99 : a) - (b === -1 ? 99 : b))
    .map((d) => (d === -1 ? "the last day" : String(d)));
  const numbers = words.filter((w) => w !== "the last day");
  const last = words.includes("the last day");
  const parts = numbers.length === 0 ? [] : [`day${numbers.length > 1 ? "s" : ""} ${listWords(numbers)}`];
  if (last) parts.push("the last day");
  return listWords(parts);
}

function timesText(
  recurrence: Recurrence,
  at: { hour: number; minute: number } | undefined,
): string | undefined {
  const hours = recurrence.hours ?? (at ? [at.hour] : undefined);
  const minutes = recurrence.minutes ?? (at ? [at.minute] : undefined);
  if (!hours && !minutes) return undefined;
  if (!hours) return `at ${listWords((minutes ?? []).map((m) => `:${two(m)}`))} past the hour`;
  const mins = minutes ?? [0];
  if (hours.length * mins.length <= 8) {
    const times = hours.flatMap((h) => mins.map((m) => `${two(h)}:${two(m)}`));
    return `at ${listWords(times)}`;
  }
  return `at ${listWords(mins.map((m) => `:${two(m)}`))} past ${listWords(hours.map(String))}`;
}
