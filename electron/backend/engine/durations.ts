// ISO 8601 durations ("PT1H", "P1DT12H", "PT7.5S", "P2W") as WDL writes them for timeouts, retry
// intervals and Until limits, and the {count, unit} intervals of the Wait action.

import { type Duration, parseDuration } from "../../../shared/flow";

export { type Duration, parseDuration };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Adds a duration to an instant. Years and months move the UTC calendar date (Jan 31 + P1M = the
 * last day of February), the rest is fixed time.
 */
export function addDuration(from: number, duration: Duration): number {
  let at = from;
  const wholeMonths = Math.trunc(duration.years * 12 + duration.months);
  if (wholeMonths !== 0) at = addMonths(at, wholeMonths);
  const fractionalMonths = duration.years * 12 + duration.months - wholeMonths;
  return (
    at +
    fractionalMonths * 30 * DAY +
    duration.weeks * 7 * DAY +
    duration.days * DAY +
    duration.hours * HOUR +
    duration.minutes * MINUTE +
    duration.seconds * SECOND
  );
}

/** A fixed length in milliseconds (a month counts 30 days, a year 365): for intervals and timeouts. */
export function durationMs(duration: Duration): number {
  return (
    duration.years * 365 * DAY +
    duration.months * 30 * DAY +
    duration.weeks * 7 * DAY +
    duration.days * DAY +
    duration.hours * HOUR +
    duration.minutes * MINUTE +
    duration.seconds * SECOND
  );
}

/** Milliseconds of an ISO 8601 duration text, or undefined when it is not one. */
export function parseDurationMs(text: string): number | undefined {
  const parsed = parseDuration(text);
  return parsed === undefined ? undefined : durationMs(parsed);
}

function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

const UNITS: Record<string, keyof Duration> = {
  second: "seconds",
  minute: "minutes",
  hour: "hours",
  day: "days",
  week: "weeks",
  month: "months",
  year: "years",
};

/** The Wait action's {count, unit} ("Second" … "Month"), as a Duration; undefined for an unknown unit. */
export function intervalDuration(count: number, unit: string): Duration | undefined {
  const key = UNITS[unit.trim().toLowerCase().replace(/s$/, "")];
  if (key === undefined) return undefined;
  const out: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  out[key] = count;
  return out;
}
