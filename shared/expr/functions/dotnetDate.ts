// Timestamps as Logic Apps handles them: .NET DateTime values with 100 ns ticks and a
// kind (UTC or unspecified), read from ISO 8601 and common culture formats, and written
// with .NET standard ('o', 'D', 'g'…) or custom ('yyyy-MM-dd HH:mm') format strings.
import { type Culture, cultureNames, getCulture, INVARIANT_NAMES } from "./cultures";

export interface DateTimeValue {
  /** The wall-clock date and time as milliseconds since 1970-01-01 (read as if UTC). */
  ms: number;
  /** Extra 100 ns ticks within the millisecond, 0–9999. */
  sub: number;
  /** 'utc' prints with a 'Z'; 'unspecified' prints no zone (as convertFromUtc returns). */
  kind: "utc" | "unspecified";
}

export const MIN_MS = -62_135_596_800_000; // 0001-01-01
export const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999

export interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0–9,999,999 ticks within the second. */
  fraction: number;
  dayOfWeek: number;
}

export function fieldsOf(value: DateTimeValue): Fields {
  const d = new Date(value.ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    fraction: d.getUTCMilliseconds() * 10_000 + value.sub,
    dayOfWeek: d.getUTCDay(),
  };
}

/** Milliseconds for wall-clock fields (years 1–9999; no two-digit year mapping). */
export function msOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

function valid(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const last = new Date(msOf(year, month + 1, 0)).getUTCDate();
  return day <= last;
}

function fractionTicks(digits: string | undefined): number {
  if (!digits) return 0;
  return Number(digits.slice(0, 7).padEnd(7, "0"));
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ticks: number,
  offsetMinutes: number | undefined,
): DateTimeValue | undefined {
  if (!valid(year, month, day, hour, minute, second)) return undefined;
  let ms = msOf(year, month, day, hour, minute, second, Math.floor(ticks / 10_000));
  if (offsetMinutes !== undefined) ms -= offsetMinutes * 60_000;
  return { ms, sub: ticks % 10_000, kind: offsetMinutes === undefined ? "unspecified" : "utc" };
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === "") return undefined;
  const z = zone.toUpperCase();
  if (z === "Z" || z === "GMT" || z === "UTC") return 0;
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

function hour12(hour: number, designator: string | undefined, culture: Culture): number | undefined {
  if (!designator) return hour;
  const d = designator.toLowerCase();
  const am = d === "am" || d === "a" || d === culture.date.am.toLowerCase();
  const pm = d === "pm" || d === "p" || d === culture.date.pm.toLowerCase();
  if (!am && !pm) return undefined;
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (pm ? 12 : 0);
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME = String.raw`(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?`;
const RFC1123 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3,})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})?$/;

function monthIndex(name: string, culture: Culture): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  for (const names of [cultureNames(culture), INVARIANT_NAMES]) {
    const full = names.months.findIndex((m) => m.toLowerCase() === lower);
    if (full >= 0) return full + 1;
    const short = names.monthsShort.findIndex((m) => m.toLowerCase().replace(/\.$/, "") === lower);
    if (short >= 0) return short + 1;
  }
  return -1;
}

function fromTimeGroups(
  year: number,
  month: number,
  day: number,
  groups: (string | undefined)[],
  culture: Culture,
): DateTimeValue | undefined {
  const [h, m, s, f, designator, zone] = groups;
  const hour = hour12(Number(h ?? 0), designator?.replace(/\./g, ""), culture);
  if (hour === undefined) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (zone && offset === undefined) return undefined;
  return build(year, month, day, hour, Number(m ?? 0), Number(s ?? 0), fractionTicks(f), offset);
}

/**
 * Reads a timestamp the way Logic Apps does for its date functions: ISO 8601 (with or
 * without zone), RFC 1123, and the culture's numeric and month-name dates with an
 * optional time. An offset is converted to UTC. Returns undefined for anything else.
 */
export function parseTimestamp(text: string, locale = "en-US"): DateTimeValue | undefined {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const offset = zoneOffsetMinutes(iso[8]);
    return build(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      fractionTicks(iso[7]),
      offset,
    );
  }
  const culture = getCulture(locale);
  const numeric = new RegExp(String.raw`^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})${TIME}$`).exec(s);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const c = Number(numeric[3]);
    const aLong = (numeric[1] ?? "").length > 2;
    let year: number;
    let month: number;
    let day: number;
    if (aLong) [year, month, day] = [a, b, c];
    else if (culture.date.order === "dmy") [day, month, year] = [a, b, c];
    else [month, day, year] = [a, b, c];
    if ((numeric[aLong ? 1 : 3] ?? "").length <= 2) year += year < 50 ? 2000 : 1900;
    return fromTimeGroups(year, month, day, numeric.slice(4), culture);
  }
  const rfc = RFC1123.exec(s);
  if (rfc) {
    const month = monthIndex(rfc[2] ?? "", culture);
    if (month < 0) return undefined;
    const zone = rfc[7] === undefined ? undefined : rfc[7].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    return fromTimeGroups(
      Number(rfc[3]),
      month,
      Number(rfc[1]),
      [rfc[4], rfc[5], rfc[6], undefined, undefined, zone],
      culture,
    );
  }
  // "March 15, 2018", "15 March 2018", "lundi 15 mars 2018", with an optional time
  const word = String.raw`([^\d\s,.]+\.?)`;
  const monthFirst = new RegExp(
    String.raw`^(?:${word},?\s+)??${word}\s+(\d{1,2}),?\s+(\d{4})${TIME}$`,
    "u",
  ).exec(s);
  if (monthFirst) {
    const month = monthIndex(monthFirst[2] ?? "", culture);
    if (month > 0)
      return fromTimeGroups(
        Number(monthFirst[4]),
        month,
        Number(monthFirst[3]),
        monthFirst.slice(5),
        culture,
      );
  }
  const dayFirst = new RegExp(
    String.raw`^(?:${word},?\s+)?(\d{1,2})\.?\s+${word}\s+(\d{4})${TIME}$`,
    "u",
  ).exec(s);
  if (dayFirst) {
    const month = monthIndex(dayFirst[3] ?? "", culture);
    if (month > 0)
      return fromTimeGroups(Number(dayFirst[4]), month, Number(dayFirst[2]), dayFirst.slice(5), culture);
  }
  return undefined;
}

// ---- formatting -----------------------------------------------------------------------

function standardPattern(
  letter: string,
  culture: Culture,
): { pattern: string; invariant?: boolean; universal?: boolean } | undefined {
  const d = culture.date;
  switch (letter) {
    case "d":
      return { pattern: d.shortDate };
    case "D":
      return { pattern: d.longDate };
    case "f":
      return { pattern: `${d.longDate} ${d.shortTime}` };
    case "F":
      return { pattern: `${d.longDate} ${d.longTime}` };
    case "g":
      return { pattern: `${d.shortDate} ${d.shortTime}` };
    case "G":
      return { pattern: `${d.shortDate} ${d.longTime}` };
    case "m":
    case "M":
      return { pattern: d.monthDay };
    case "o":
    case "O":
      return { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", invariant: true };
    case "r":
    case "R":
      return { pattern: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", invariant: true };
    case "s":
      return { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", invariant: true };
    case "t":
      return { pattern: d.shortTime };
    case "T":
      return { pattern: d.longTime };
    case "u":
      return { pattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", invariant: true };
    case "U":
      return { pattern: `${d.longDate} ${d.longTime}`, universal: true };
    case "y":
    case "Y":
      return { pattern: d.yearMonth };
    default:
      return undefined;
  }
}

function repeatCount(format: string, i: number): number {
  const ch = format[i];
  let n = 1;
  while (format[i + n] === ch) n++;
  return n;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatCustom(
  value: DateTimeValue,
  format: string,
  culture: Culture,
  invariant: boolean,
): string | undefined {
  const f = fieldsOf(value);
  const names = invariant ? INVARIANT_NAMES : cultureNames(culture);
  const dateSeparator = invariant ? "/" : culture.date.dateSeparator;
  const timeSeparator = invariant ? ":" : culture.date.timeSeparator;
  const am = invariant ? "AM" : culture.date.am;
  const pm = invariant ? "PM" : culture.date.pm;
  let out = "";
  for (let i = 0; i < format.length; ) {
    const ch = format[i] as string;
    const n = repeatCount(format, i);
    switch (ch) {
      case "y":
        out += n === 1 ? String(f.year % 100) : n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        i += n;
        break;
      case "M":
        out +=
          n === 1
            ? String(f.month)
            : n === 2
              ? pad(f.month, 2)
              : n === 3
                ? (names.monthsShort[f.month - 1] ?? "")
                : (names.months[f.month - 1] ?? "");
        i += n;
        break;
      case "d":
        out +=
          n === 1
            ? String(f.day)
            : n === 2
              ? pad(f.day, 2)
              : n === 3
                ? (names.daysShort[f.dayOfWeek] ?? "")
                : (names.days[f.dayOfWeek] ?? "");
        i += n;
        break;
      case "h": {
        const h = f.hour % 12 === 0 ? 12 : f.hour % 12;
        out += n === 1 ? String(h) : pad(h, 2);
        i += n;
        break;
      }
      case "H":
        out += n === 1 ? String(f.hour) : pad(f.hour, 2);
        i += n;
        break;
      case "m":
        out += n === 1 ? String(f.minute) : pad(f.minute, 2);
        i += n;
        break;
      case "s":
        out += n === 1 ? String(f.second) : pad(f.second, 2);
        i += n;
        break;
      case "f":
      case "F": {
        if (n > 7) return undefined;
        const digits = pad(f.fraction, 7).slice(0, n);
        out += ch === "f" ? digits : digits.replace(/0+$/, "");
        if (ch === "F" && digits.replace(/0+$/, "") === "" && out.endsWith(".")) out = out.slice(0, -1);
        i += n;
        break;
      }
      case "t": {
        const designator = f.hour < 12 ? am : pm;
        out += n === 1 ? designator.slice(0, 1) : designator;
        i += n;
        break;
      }
      case "K":
        out += value.kind === "utc" ? "Z" : "";
        i += 1;
        break;
      case "z":
        out += n === 1 ? "+0" : n === 2 ? "+00" : "+00:00";
        i += n;
        break;
      case "g":
        out += "A.D.";
        i += n;
        break;
      case ":":
        out += timeSeparator;
        i += 1;
        break;
      case "/":
        out += dateSeparator;
        i += 1;
        break;
      case "'":
      case '"': {
        const end = format.indexOf(ch, i + 1);
        if (end < 0) return undefined;
        out += format.slice(i + 1, end);
        i = end + 1;
        break;
      }
      case "\\":
        if (i + 1 >= format.length) return undefined;
        out += format[i + 1];
        i += 2;
        break;
      case "%":
        if (i + 1 >= format.length || format[i + 1] === "%") return undefined;
        i += 1;
        break;
      default:
        out += ch;
        i += 1;
    }
  }
  return out;
}

/**
 * Writes a timestamp with a .NET date format string for a locale; the default 'o' gives
 * "2018-03-15T13:00:00.0000000Z". Returns undefined when the format is not valid.
 */
export function formatDateTime(value: DateTimeValue, format = "o", locale = "en-US"): string | undefined {
  const culture = getCulture(locale);
  if (format.length === 1) {
    const standard = standardPattern(format, culture);
    if (!standard) return undefined;
    return formatCustom(value, standard.pattern, culture, standard.invariant === true);
  }
  return formatCustom(value, format, culture, false);
}

// ---- parsing with an explicit format (parseDateTime) ---------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Reads a timestamp written with a .NET custom format ('dd/MM/yyyy HH:mm'); undefined when it does not match. */
export function parseWithFormat(text: string, format: string, locale = "en-US"): DateTimeValue | undefined {
  const culture = getCulture(locale);
  const names = cultureNames(culture);
  const pattern = format.length === 1 ? standardPattern(format, culture)?.pattern : format;
  if (pattern === undefined) return undefined;
  const fields: string[] = [];
  let regex = "";
  const alternatives = (list: string[]) => `(${list.map(escapeRegExp).join("|")})`;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] as string;
    const n = repeatCount(pattern, i);
    let consumed = n;
    switch (ch) {
      case "y":
        regex += n <= 2 ? "(\\d{1,2})" : `(\\d{${n},4})`;
        fields.push(n <= 2 ? "yy" : "yyyy");
        break;
      case "M":
        if (n >= 3) {
          regex += alternatives(
            n === 3
              ? [...names.monthsShort, ...INVARIANT_NAMES.monthsShort]
              : [...names.months, ...INVARIANT_NAMES.months],
          );
          fields.push(n === 3 ? "MMM" : "MMMM");
        } else {
          regex += n === 1 ? "(\\d{1,2})" : "(\\d{2})";
          fields.push("M");
        }
        break;
      case "d":
        if (n >= 3) {
          regex += alternatives(
            n === 3
              ? [...names.daysShort, ...INVARIANT_NAMES.daysShort]
              : [...names.days, ...INVARIANT_NAMES.days],
          );
          fields.push("ddd");
        } else {
          regex += n === 1 ? "(\\d{1,2})" : "(\\d{2})";
          fields.push("d");
        }
        break;
      case "H":
      case "h":
      case "m":
      case "s":
        regex += n === 1 ? "(\\d{1,2})" : "(\\d{2})";
        fields.push(ch);
        break;
      case "f":
      case "F":
        regex += ch === "f" ? `(\\d{${n}})` : `(\\d{0,${n}})`;
        fields.push("f");
        break;
      case "t":
        regex += `(${[culture.date.am, culture.date.pm, "AM", "PM", "A", "P"]
          .filter((s) => s !== "")
          .map(escapeRegExp)
          .join("|")})`;
        fields.push("t");
        break;
      case "K":
      case "z":
        regex += "(Z|[+-]\\d{1,2}(?::?\\d{2})?)?";
        fields.push("zone");
        break;
      case "/":
        regex += escapeRegExp(culture.date.dateSeparator);
        consumed = 1;
        break;
      case ":":
        regex += escapeRegExp(culture.date.timeSeparator);
        consumed = 1;
        break;
      case "'":
      case '"': {
        const end = pattern.indexOf(ch, i + 1);
        if (end < 0) return undefined;
        regex += escapeRegExp(pattern.slice(i + 1, end));
        consumed = end + 1 - i;
        break;
      }
      case "\\":
        regex += escapeRegExp(pattern[i + 1] ?? "");
        consumed = 2;
        break;
      case " ":
        regex += "\\s+";
        consumed = 1;
        break;
      default:
        regex += escapeRegExp(ch.repeat(n));
    }
    i += consumed;
  }
  const match = new RegExp(`^${regex}$`, "i").exec(text.trim());
  if (!match) return undefined;
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ticks = 0;
  let designator: string | undefined;
  let offset: number | undefined;
  fields.forEach((field, k) => {
    const raw = match[k + 1] ?? "";
    switch (field) {
      case "yy":
        year = Number(raw) + (Number(raw) < 50 ? 2000 : 1900);
        break;
      case "yyyy":
        year = Number(raw);
        break;
      case "MMM":
      case "MMMM":
        month = monthIndex(raw, culture);
        break;
      case "M":
        month = Number(raw);
        break;
      case "d":
        day = Number(raw);
        break;
      case "H":
      case "h":
        hour = Number(raw);
        break;
      case "m":
        minute = Number(raw);
        break;
      case "s":
        second = Number(raw);
        break;
      case "f":
        ticks = fractionTicks(raw);
        break;
      case "t":
        designator = raw;
        break;
      case "zone":
        offset = zoneOffsetMinutes(raw);
        break;
    }
  });
  if (designator !== undefined || fields.includes("h")) {
    const h = hour12(hour, designator ?? "AM", culture);
    if (h === undefined) return undefined;
    hour = h;
  }
  return build(year, month, day, hour, minute, second, ticks, offset);
}
