// How the sandbox's Excel shows a table's cells. A cell keeps what it holds (flows write strings
// such as "12821.39" and "2026-09-21"); what changes is how it reads: a column whose every value is
// a number is right-aligned and grouped ("12,821.39"), a date reads as one ("Sep 21, 2026"). A
// column of identifiers ("Vendor number", "Zip code") stays as typed, numbers or not.

export type ColumnKind = "number" | "date" | "text";

export interface ColumnFormat {
  kind: ColumnKind;
  /** Numbers: the decimals every value of the column is shown with (the most any of them has). */
  decimals: number;
}

const NUMBER = /^[-+]?(\d+)(\.(\d+))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
/** Columns that name identifiers: their digits are a code, not an amount. */
const IDENTIFIER = /(^|\s|_)(id|no\.?|number|code|zip|postal|phone|year|account|iban)($|\s|_)/i;
const MAX_DECIMALS = 6;

function empty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function decimalsOf(value: unknown): number | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const fraction = String(value).split(".")[1];
    return fraction ? fraction.length : 0;
  }
  if (typeof value !== "string") return undefined;
  const match = NUMBER.exec(value.trim());
  if (!match || (match[1]?.length ?? 0) > 15) return undefined;
  return match[3]?.length ?? 0;
}

function isDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return (DATE.test(text) || DATE_TIME.test(text)) && !Number.isNaN(Date.parse(text));
}

/** What each column holds, read from the rows shown. A column with no values is text. */
export function columnFormats(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
): Record<string, ColumnFormat> {
  const formats: Record<string, ColumnFormat> = {};
  for (const column of columns) {
    const values = rows.map((row) => row[column]).filter((value) => !empty(value));
    const decimals = values.map(decimalsOf);
    if (values.length > 0 && !IDENTIFIER.test(column) && decimals.every((d) => d !== undefined)) {
      formats[column] = {
        kind: "number",
        decimals: Math.min(MAX_DECIMALS, Math.max(...decimals.map((d) => d ?? 0))),
      };
    } else if (values.length > 0 && values.every(isDate)) {
      formats[column] = { kind: "date", decimals: 0 };
    } else {
      formats[column] = { kind: "text", decimals: 0 };
    }
  }
  return formats;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format;
}
// A date alone is a day, not midnight somewhere: shown in UTC so it never moves to the day before.
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** The text a cell shows: its value as it reads in its column. */
export function cellText(value: unknown, format: ColumnFormat = { kind: "text", decimals: 0 }): string {
  if (empty(value)) return "";
  if (format.kind === "number" && decimalsOf(value) !== undefined) {
    return numberFormat(format.decimals).format(Number(typeof value === "string" ? value.trim() : value));
  }
  if (format.kind === "date" && typeof value === "string" && isDate(value)) {
    const text = value.trim();
    return DATE.test(text)
      ? dayFormat.format(new Date(`${text}T00:00:00Z`))
      : dateTimeFormat.format(new Date(text));
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
