// When a Recurrence trigger fires. Day, Week and Month schedules are wall-clock times in the flow's
// time zone, so they become cron patterns that croner evaluates in that zone (daylight-saving
// changes included: a time that does not exist that day fires when the clock jumps past it, a time
// that exists twice fires once). The interval ("every 2 weeks") filters those occurrences by whole
// days, weeks or months counted from the start. Second, Minute and Hour frequencies are lengths of
// real time, which daylight saving does not touch: they are plain arithmetic from the start.
import { Cron } from "croner";
import { resolveTimeZone, utcToZone, zoneToUtc } from "../../../shared/expr/functions/timezones";
import type { WdlTrigger } from "../../../shared/flow";
import { isJsonObject, type JsonValue } from "../../../shared/json";

export const FREQUENCIES = ["Second", "Minute", "Hour", "Day", "Week", "Month"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEK_DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

export interface Recurrence {
  frequency: Frequency;
  interval: number;
  /** The time zone as the flow writes it ("Romance Standard Time"), if any. */
  timeZone: string | undefined;
  /** Its IANA id; "Etc/UTC" when the flow names none. */
  zone: string;
  /** startTime as an instant (a time without offset is read in the flow's time zone). */
  startTime: number | undefined;
  /** schedule.hours / minutes / weekDays (0 = Sunday) / monthDays (-1 = the last day), sorted, if set. */
  hours: number[] | undefined;
  minutes: number[] | undefined;
  weekDays: number[] | undefined;
  monthDays: number[] | undefined;
}

export type RecurrenceRead = { ok: true; recurrence: Recurrence } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const UNIT_MS: Partial<Record<Frequency, number>> = { Second: 1_000, Minute: 60_000, Hour: 3_600_000 };
/** How many cron occurrences one search may skip for the interval before it gives up. */
const MAX_SKIPS = 200_000;

const str = (value: JsonValue | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;

function numbers(value: JsonValue | undefined, min: number, max: number): number[] | undefined | string {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const out = new Set<number>();
  for (const item of list) {
    const n = typeof item === "number" ? item : typeof item === "string" ? Number(item.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max)
      return `${JSON.stringify(item)} is not between ${min} and ${max}`;
    out.add(n);
  }
  return out.size === 0 ? undefined : [...out].sort((a, b) => a - b);
}

/** Reads a Recurrence trigger's `recurrence` object; a message names what is wrong. */
export function readRecurrence(trigger: WdlTrigger | JsonValue): RecurrenceRead {
  const value = isJsonObject(trigger) ? trigger.recurrence : undefined;
  if (!isJsonObject(value)) return { ok: false, message: "The schedule has no recurrence." };
  const frequency = FREQUENCIES.find((f) => f.toLowerCase() === str(value.frequency)?.toLowerCase());
  if (!frequency)
    return {
      ok: false,
      message: `The frequency ${JSON.stringify(value.frequency ?? null)} is not one of ${FREQUENCIES.join(", ")}.`,
    };
  const interval = typeof value.interval === "string" ? Number(value.interval) : (value.interval ?? 1);
  if (typeof interval !== "number" || !Number.isInteger(interval) || interval < 1)
    return { ok: false, message: "The interval must be a whole number of at least 1." };
  const timeZone = str(value.timeZone)?.trim() || undefined;
  const zone = timeZone === undefined ? "Etc/UTC" : resolveTimeZone(timeZone);
  if (!zone) return { ok: false, message: `The time zone '${timeZone}' is not known.` };
  let startTime: number | undefined;
  const start = str(value.startTime)?.trim();
  if (start) {
    const parsed = parseStartTime(start, zone);
    if (parsed === undefined)
      return { ok: false, message: `The start time '${start}' is not a date and time.` };
    startTime = parsed;
  }
  const schedule = isJsonObject(value.schedule) ? value.schedule : {};
  const hours = numbers(schedule.hours, 0, 23);
  const minutes = numbers(schedule.minutes, 0, 59);
  const monthDays = numbers(schedule.monthDays, -31, 31);
  const days = schedule.weekDays;
  let weekDays: number[] | undefined;
  if (days !== undefined && days !== null) {
    const set = new Set<number>();
    for (const day of Array.isArray(days) ? days : [days]) {
      const index = WEEK_DAYS.findIndex((d) => d.toLowerCase() === str(day)?.toLowerCase());
      if (index < 0) return { ok: false, message: `${JSON.stringify(day)} is not a day of the week.` };
      set.add(index);
    }
    weekDays = set.size === 0 ? undefined : [...set].sort((a, b) => a - b);
  }
  for (const [name, list] of [
    ["hours", hours],
    ["minutes", minutes],
    ["month days", monthDays],
  ] as const) {
    if (typeof list === "string") return { ok: false, message: `In the schedule's ${name}, ${list}.` };
  }
  if (Array.isArray(monthDays) && monthDays.some((d) => d === 0 || d < -1))
    return { ok: false, message: "Month days are 1 to 31, or -1 for the last day of the month." };
  return {
    ok: true,
    recurrence: {
      frequency,
      interval,
      timeZone,
      zone,
      startTime,
      hours: hours as number[] | undefined,
      minutes: minutes as number[] | undefined,
      weekDays,
      monthDays: monthDays as number[] | undefined,
    },
  };
}

/** "2026-01-05T08:00:00Z" is an instant; "2026-01-05T08:00:00" is a wall-clock time in the zone. */
function parseStartTime(text: string, zone: string): number | undefined {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", offset] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.slice(0, 3).padEnd(3, "0")),
  );
  if (Number.isNaN(wall)) return undefined;
  if (offset === undefined) return zoneToUtc(zone, wall);
  if (offset.toUpperCase() === "Z") return wall;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** Wall-clock parts of an instant in a zone. */
export function wallParts(zone: string, at: number) {
  const wall = new Date(utcToZone(zone, at));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth(),
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekDay: wall.getUTCDay(),
    /** Days since 1970-01-01 of the local date. */
    dayIndex: Math.floor(wall.getTime() / DAY_MS),
  };
}

/**
 * A recurrence made concrete: its occurrences from `base`, which is the start time when the flow
 * gives one and otherwise the moment the schedule was published or turned on (hours, minutes, the
 * week day and the month day the schedule leaves out are taken from it, as Power Automate does).
 */
export class Schedule {
  readonly base: number;
  private readonly cron: Cron | undefined;
  private readonly step: number | undefined;

  constructor(
    readonly recurrence: Recurrence,
    publishedAt: number,
  ) {
    this.base = recurrence.startTime ?? publishedAt;
    this.step = UNIT_MS[recurrence.frequency];
    if (this.step !== undefined) {
      this.step *= recurrence.interval;
      this.cron = undefined;
    } else {
      this.cron = new Cron(cronPattern(recurrence, this.base), {
        timezone: recurrence.zone,
        paused: true,
        mode: "6-part",
        // Lists of hours are fixed times too: once on a repeated hour, right after a skipped one.
        fixedTimeRule: "no-wildcard",
      });
    }
  }

  /** The first occurrence strictly after `after` (never before the base), or undefined if none. */
  next(after: number): number | undefined {
    if (this.step !== undefined) {
      if (after < this.base) return this.base;
      return this.base + (Math.floor((after - this.base) / this.step) + 1) * this.step;
    }
    const cron = this.cron;
    if (!cron) return undefined;
    let from = Math.max(after, this.base - 1);
    for (let skipped = 0; skipped < MAX_SKIPS; skipped++) {
      const next = cron.nextRun(new Date(from));
      if (!next) return undefined;
      const at = next.getTime();
      if (this.inInterval(at)) return at;
      from = at;
    }
    return undefined;
  }

  /** Occurrences in (from, to]: how many (up to `cap`), the first and the last. */
  between(
    from: number,
    to: number,
    cap = 10_000,
  ): { count: number; capped: boolean; first?: number; last?: number } {
    if (to <= from) return { count: 0, capped: false };
    if (this.step !== undefined) {
      const first = this.next(from);
      if (first === undefined || first > to) return { count: 0, capped: false };
      const count = Math.floor((to - first) / this.step) + 1;
      return {
        count: Math.min(count, cap),
        capped: count > cap,
        first,
        last: first + (count - 1) * this.step,
      };
    }
    let count = 0;
    let first: number | undefined;
    let last: number | undefined;
    let at = this.next(from);
    while (at !== undefined && at <= to) {
      if (count === cap) return { count, capped: true, first: first ?? at, last: this.lastBefore(to) ?? at };
      count++;
      first ??= at;
      last = at;
      at = this.next(at);
    }
    return {
      count,
      capped: false,
      ...(first === undefined ? {} : { first }),
      ...(last === undefined ? {} : { last }),
    };
  }

  /** The occurrences in (from, to], at most `limit` of them. */
  list(from: number, to: number, limit = 1_000): number[] {
    const out: number[] = [];
    let at = this.next(from);
    while (at !== undefined && at <= to && out.length < limit) {
      out.push(at);
      at = this.next(at);
    }
    return out;
  }

  /** The last occurrence at or before `to`, by a backward scan of croner's previous runs. */
  private lastBefore(to: number): number | undefined {
    const cron = this.cron;
    if (!cron) return undefined;
    const previous = cron.previousRuns(1, new Date(to + 1))[0];
    let at = previous?.getTime();
    for (let i = 0; at !== undefined && i < MAX_SKIPS && !this.inInterval(at); i++) {
      at = cron.previousRuns(1, new Date(at))[0]?.getTime();
    }
    return at;
  }

  /** Whether an occurrence falls on a day, week or month that the interval keeps. */
  private inInterval(at: number): boolean {
    const { interval, frequency, zone } = this.recurrence;
    if (at < this.base) return false;
    if (interval === 1) return true;
    const here = wallParts(zone, at);
    const start = wallParts(zone, this.base);
    switch (frequency) {
      case "Day":
        return (here.dayIndex - start.dayIndex) % interval === 0;
      case "Week":
        return (mondayWeek(here.dayIndex) - mondayWeek(start.dayIndex)) % interval === 0;
      case "Month":
        return (here.year * 12 + here.month - (start.year * 12 + start.month)) % interval === 0;
      default:
        return true;
    }
  }
}

/** Weeks counted from a Monday (1970-01-01 was a Thursday, three days into its week). */
const mondayWeek = (dayIndex: number): number => Math.floor((dayIndex + 3) / 7);

/** The cron pattern (seconds first) of a Day, Week or Month recurrence, in the flow's time zone. */
export function cronPattern(recurrence: Recurrence, base: number): string {
  const at = wallParts(recurrence.zone, base);
  const hasSchedule = recurrence.hours !== undefined || recurrence.minutes !== undefined;
  const second = hasSchedule ? 0 : at.second;
  const minutes = (recurrence.minutes ?? [at.minute]).join(",");
  const hours = (recurrence.hours ?? [at.hour]).join(",");
  switch (recurrence.frequency) {
    case "Week":
      return `${second} ${minutes} ${hours} * * ${(recurrence.weekDays ?? [at.weekDay]).join(",")}`;
    case "Month": {
      const days = (recurrence.monthDays ?? [at.day]).map((d) => (d === -1 ? "L" : String(d)));
      return `${second} ${minutes} ${hours} ${days.join(",")} * *`;
    }
    default:
      return `${second} ${minutes} ${hours} * * *`;
  }
}
