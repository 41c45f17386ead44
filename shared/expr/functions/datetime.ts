// Date and time functions. Timestamps are strings; results use the 'o' format
// ("2018-03-15T13:00:00.0000000Z") unless a format is given. The clock comes from the context.
import type { Value } from "../values";
import { fail, integerArg, numberArg, optionalString, stringArg } from "./args";
import { define } from "./define";
import {
  type DateTimeValue,
  fieldsOf,
  formatDateTime,
  MAX_MS,
  MIN_MS,
  msOf,
  parseTimestamp,
  parseWithFormat,
} from "./dotnetDate";
import { resolveTimeZone, utcToZone, zoneToUtc } from "./timezones";
import type { CallInfo, FunctionDefinition } from "./types";

const TICKS_AT_EPOCH = 621_355_968_000_000_000n;

function timestampArg(args: Value[], index: number, call: CallInfo): DateTimeValue {
  const text = stringArg(args, index, call, "a timestamp string");
  const value = parseTimestamp(text);
  if (!value)
    throw fail(
      call,
      `could not read '${text}' as a timestamp; use ISO 8601, for example 2018-03-15T13:00:00Z`,
    );
  return value;
}

function output(call: CallInfo, value: DateTimeValue, format: string | undefined, locale?: string): string {
  if (value.ms < MIN_MS || value.ms > MAX_MS)
    throw fail(call, "result is outside the range of dates (years 1 to 9999)");
  const text = formatDateTime(value, format ?? "o", locale ?? "en-US");
  if (text === undefined) throw fail(call, `'${format}' is not a valid date and time format string`);
  return text;
}

function now(call: CallInfo): DateTimeValue {
  const clock = call.context.now?.();
  const ms = clock === undefined ? Date.now() : typeof clock === "number" ? clock : clock.getTime();
  return { ms: Math.floor(ms), sub: 0, kind: "utc" };
}

const UNITS = ["second", "minute", "hour", "day", "week", "month", "year"] as const;
type Unit = (typeof UNITS)[number];

function unitArg(args: Value[], index: number, call: CallInfo): Unit {
  const text = stringArg(args, index, call, "a time unit").trim().toLowerCase().replace(/s$/, "");
  const unit = UNITS.find((u) => u === text);
  if (!unit) {
    throw fail(call, "time unit must be one of 'Second', 'Minute', 'Hour', 'Day', 'Week', 'Month' or 'Year'");
  }
  return unit;
}

/** Adds to the wall clock; months and years keep the day, clamped to the month's length as .NET does. */
function addUnits(value: DateTimeValue, amount: number, unit: Unit): DateTimeValue {
  const MS: Record<Exclude<Unit, "month" | "year">, number> = {
    second: 1000,
    minute: 60_000,
    hour: 3_600_000,
    day: 86_400_000,
    week: 604_800_000,
  };
  if (unit === "month" || unit === "year") {
    const f = fieldsOf(value);
    const months = f.year * 12 + (f.month - 1) + Math.trunc(amount) * (unit === "year" ? 12 : 1);
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    const lastDay = new Date(msOf(year, month + 1, 0)).getUTCDate();
    const ms = msOf(
      year,
      month,
      Math.min(f.day, lastDay),
      f.hour,
      f.minute,
      f.second,
      Math.floor(f.fraction / 10_000),
    );
    return { ...value, ms };
  }
  const delta = amount * MS[unit];
  const whole = Math.trunc(delta);
  const extraTicks = Math.round((delta - whole) * 10_000);
  let sub = value.sub + extraTicks;
  let ms = value.ms + whole;
  ms += Math.floor(sub / 10_000);
  sub = ((sub % 10_000) + 10_000) % 10_000;
  return { ...value, ms, sub };
}

function zoneArg(args: Value[], index: number, call: CallInfo): string {
  const name = stringArg(args, index, call, "a time zone name");
  const iana = resolveTimeZone(name);
  if (!iana) {
    throw fail(
      call,
      `does not know the time zone '${name}'; use a Windows time zone name such as 'Pacific Standard Time'`,
    );
  }
  return iana;
}

function addFunction(name: string, unit: Unit, description: string): FunctionDefinition {
  return define(
    "datetime",
    `${name}(timestamp: string, ${unit}s: integer, format?: string): string`,
    description,
    (args, call) =>
      output(
        call,
        addUnits(timestampArg(args, 0, call), numberArg(args, 1, call, "a number"), unit),
        optionalString(args, 2, call),
      ),
  );
}

function startOf(call: CallInfo, args: Value[], level: "day" | "hour" | "month"): string {
  const value = timestampArg(args, 0, call);
  const f = fieldsOf(value);
  const ms =
    level === "month"
      ? msOf(f.year, f.month, 1)
      : level === "day"
        ? msOf(f.year, f.month, f.day)
        : msOf(f.year, f.month, f.day, f.hour);
  return output(call, { ms, sub: 0, kind: value.kind }, optionalString(args, 1, call));
}

/** .NET TimeSpan "c" format: [-][d.]hh:mm:ss[.fffffff]. */
function timeSpan(ticks: bigint): string {
  const negative = ticks < 0n;
  let t = negative ? -ticks : ticks;
  const fraction = t % 10_000_000n;
  t /= 10_000_000n;
  const seconds = t % 60n;
  t /= 60n;
  const minutes = t % 60n;
  t /= 60n;
  const hours = t % 24n;
  const days = t / 24n;
  const two = (n: bigint) => n.toString().padStart(2, "0");
  return `${negative ? "-" : ""}${days > 0n ? `${days}.` : ""}${two(hours)}:${two(minutes)}:${two(seconds)}${
    fraction > 0n ? `.${fraction.toString().padStart(7, "0")}` : ""
  }`;
}

function ticksOf(value: DateTimeValue): bigint {
  return BigInt(value.ms) * 10_000n + BigInt(value.sub) + TICKS_AT_EPOCH;
}

export const datetimeFunctions: FunctionDefinition[] = [
  define(
    "datetime",
    "utcNow(format?: string): string",
    "The current UTC date and time (from the run's clock).",
    (args, call) => output(call, now(call), optionalString(args, 0, call)),
  ),
  addFunction("addDays", "day", "Adds a number of days (negative to subtract) to a timestamp."),
  addFunction("addHours", "hour", "Adds a number of hours to a timestamp."),
  addFunction("addMinutes", "minute", "Adds a number of minutes to a timestamp."),
  addFunction("addSeconds", "second", "Adds a number of seconds to a timestamp."),
  define(
    "datetime",
    "addToTime(timestamp: string, interval: integer, timeUnit: string, format?: string): string",
    "Adds a number of Seconds, Minutes, Hours, Days, Weeks, Months or Years to a timestamp.",
    (args, call) =>
      output(
        call,
        addUnits(
          timestampArg(args, 0, call),
          integerArg(args, 1, call, "an integer interval"),
          unitArg(args, 2, call),
        ),
        optionalString(args, 3, call),
      ),
  ),
  define(
    "datetime",
    "subtractFromTime(timestamp: string, interval: integer, timeUnit: string, format?: string): string",
    "Subtracts a number of time units from a timestamp.",
    (args, call) =>
      output(
        call,
        addUnits(
          timestampArg(args, 0, call),
          -integerArg(args, 1, call, "an integer interval"),
          unitArg(args, 2, call),
        ),
        optionalString(args, 3, call),
      ),
  ),
  define(
    "datetime",
    "getFutureTime(interval: integer, timeUnit: string, format?: string): string",
    "The current time plus a number of time units.",
    (args, call) =>
      output(
        call,
        addUnits(now(call), integerArg(args, 0, call, "an integer interval"), unitArg(args, 1, call)),
        optionalString(args, 2, call),
      ),
  ),
  define(
    "datetime",
    "getPastTime(interval: integer, timeUnit: string, format?: string): string",
    "The current time minus a number of time units.",
    (args, call) =>
      output(
        call,
        addUnits(now(call), -integerArg(args, 0, call, "an integer interval"), unitArg(args, 1, call)),
        optionalString(args, 2, call),
      ),
  ),
  define(
    "datetime",
    "convertTimeZone(timestamp: string, sourceTimeZone: string, destinationTimeZone: string, format?: string): string",
    "Converts a timestamp from one time zone to another (Windows names like 'Romance Standard Time').",
    (args, call) => {
      const value = timestampArg(args, 0, call);
      const source = zoneArg(args, 1, call);
      const target = zoneArg(args, 2, call);
      const utc = value.kind === "utc" ? value.ms : zoneToUtc(source, value.ms);
      return output(
        call,
        { ms: utcToZone(target, utc), sub: value.sub, kind: "unspecified" },
        optionalString(args, 3, call),
      );
    },
  ),
  define(
    "datetime",
    "convertFromUtc(timestamp: string, destinationTimeZone: string, format?: string): string",
    "Converts a UTC timestamp to a time zone (the result has no zone designator).",
    (args, call) => {
      const value = timestampArg(args, 0, call);
      const target = zoneArg(args, 1, call);
      return output(
        call,
        { ms: utcToZone(target, value.ms), sub: value.sub, kind: "unspecified" },
        optionalString(args, 2, call),
      );
    },
  ),
  define(
    "datetime",
    "convertToUtc(timestamp: string, sourceTimeZone: string, format?: string): string",
    "Converts a timestamp from a time zone to UTC.",
    (args, call) => {
      const value = timestampArg(args, 0, call);
      const source = zoneArg(args, 1, call);
      const ms = value.kind === "utc" ? value.ms : zoneToUtc(source, value.ms);
      return output(call, { ms, sub: value.sub, kind: "utc" }, optionalString(args, 2, call));
    },
  ),
  define(
    "datetime",
    "dayOfWeek(timestamp: string): integer",
    "The day of the week: 0 for Sunday, 1 for Monday… 6 for Saturday.",
    (args, call) => fieldsOf(timestampArg(args, 0, call)).dayOfWeek,
  ),
  define(
    "datetime",
    "dayOfMonth(timestamp: string): integer",
    "The day of the month (1–31).",
    (args, call) => fieldsOf(timestampArg(args, 0, call)).day,
  ),
  define(
    "datetime",
    "dayOfYear(timestamp: string): integer",
    "The day of the year (1–366).",
    (args, call) => {
      const f = fieldsOf(timestampArg(args, 0, call));
      return Math.round((msOf(f.year, f.month, f.day) - msOf(f.year, 1, 1)) / 86_400_000) + 1;
    },
  ),
  define(
    "datetime",
    "startOfDay(timestamp: string, format?: string): string",
    "The timestamp at midnight of its day.",
    (args, call) => startOf(call, args, "day"),
  ),
  define(
    "datetime",
    "startOfHour(timestamp: string, format?: string): string",
    "The timestamp at the start of its hour.",
    (args, call) => startOf(call, args, "hour"),
  ),
  define(
    "datetime",
    "startOfMonth(timestamp: string, format?: string): string",
    "The first day of the timestamp's month at midnight.",
    (args, call) => startOf(call, args, "month"),
  ),
  define(
    "datetime",
    "ticks(timestamp: string): integer",
    "The number of 100-nanosecond ticks since 0001-01-01T00:00:00 (.NET DateTime.Ticks).",
    (args, call) => Number(ticksOf(timestampArg(args, 0, call))),
  ),
  define(
    "datetime",
    "dateDifference(startDate: string, endDate: string): string",
    "The time from startDate to endDate as a .NET time span: [-][d.]hh:mm:ss[.fffffff].",
    (args, call) => timeSpan(ticksOf(timestampArg(args, 1, call)) - ticksOf(timestampArg(args, 0, call))),
  ),
  define(
    "datetime",
    "parseDateTime(timestamp: string, locale?: string, format?: string): string",
    "Reads a timestamp written in a locale (default en-US), optionally with a .NET format, and returns it in 'o' format.",
    (args, call) => {
      const text = stringArg(args, 0, call, "a timestamp string");
      const locale = optionalString(args, 1, call) ?? "en-US";
      const format = optionalString(args, 2, call);
      const value =
        format === undefined ? parseTimestamp(text, locale) : parseWithFormat(text, format, locale);
      if (!value) {
        throw fail(
          call,
          `could not read '${text}' as a timestamp${format === undefined ? ` in locale '${locale}'` : ` with format '${format}'`}`,
        );
      }
      return output(call, value, "o");
    },
  ),
  define(
    "datetime",
    "formatDateTime(timestamp: string, format?: string, locale?: string): string",
    "Writes a timestamp with a .NET format string ('o' by default; 'yyyy-MM-dd', 'D', 'g'…) for a locale.",
    (args, call) =>
      output(call, timestampArg(args, 0, call), optionalString(args, 1, call), optionalString(args, 2, call)),
  ),
];
