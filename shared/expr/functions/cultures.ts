// Culture data for .NET-style number and date formatting. A few cultures are spelled out
// (the ones Business Central customers use most); any other valid locale tag falls back
// to its language's culture, or to separators read from Intl with en-US date patterns.
// Month and day names come from Intl for every culture but en-US.

export interface NumberCulture {
  decimal: string;
  group: string;
  groupSizes: number[];
  currencySymbol: string;
  /** "¤" stands for the symbol and "n" for the number. */
  currencyPositive: string;
  currencyNegative: string;
  currencyDecimals: number;
  percentPositive: string;
  percentNegative: string;
  percentSymbol: string;
}

export interface DateCulture {
  shortDate: string;
  longDate: string;
  shortTime: string;
  longTime: string;
  monthDay: string;
  yearMonth: string;
  am: string;
  pm: string;
  dateSeparator: string;
  timeSeparator: string;
  /** Order of day, month and year in short dates, for parsing. */
  order: "mdy" | "dmy" | "ymd";
}

export interface Culture {
  name: string;
  /** The Intl locale used for month and day names. */
  intlLocale: string;
  number: NumberCulture;
  date: DateCulture;
}

const NBSP = "\u00a0";

function numberCulture(
  decimal: string,
  group: string,
  currencySymbol: string,
  currencyPositive: string,
  currencyNegative: string,
  percentPositive = "n%",
  percentNegative = "-n%",
): NumberCulture {
  return {
    decimal,
    group,
    groupSizes: [3],
    currencySymbol,
    currencyPositive,
    currencyNegative,
    currencyDecimals: 2,
    percentPositive,
    percentNegative,
    percentSymbol: "%",
  };
}

function dateCulture(
  order: DateCulture["order"],
  shortDate: string,
  longDate: string,
  shortTime: string,
  longTime: string,
  monthDay: string,
  yearMonth: string,
  am = "AM",
  pm = "PM",
): DateCulture {
  const separator = /[^dMy]/.exec(shortDate)?.[0] ?? "/";
  return {
    order,
    shortDate,
    longDate,
    shortTime,
    longTime,
    monthDay,
    yearMonth,
    am,
    pm,
    dateSeparator: separator,
    timeSeparator: ":",
  };
}

const EURO_AFTER = [`n${NBSP}¤`, `-n${NBSP}¤`] as const;

const CULTURES: Record<string, Omit<Culture, "name" | "intlLocale">> = {
  "en-us": {
    number: numberCulture(".", ",", "$", "¤n", "-¤n"),
    date: dateCulture(
      "mdy",
      "M/d/yyyy",
      "dddd, MMMM d, yyyy",
      "h:mm tt",
      "h:mm:ss tt",
      "MMMM d",
      "MMMM yyyy",
    ),
  },
  "en-gb": {
    number: numberCulture(".", ",", "£", "¤n", "-¤n"),
    date: dateCulture(
      "dmy",
      "dd/MM/yyyy",
      "dd MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "am",
      "pm",
    ),
  },
  "fr-fr": {
    number: numberCulture(",", NBSP, "€", ...EURO_AFTER, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd/MM/yyyy",
      "dddd d MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "fr-be": {
    number: numberCulture(",", NBSP, "€", ...EURO_AFTER, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd-MM-yy",
      "dddd d MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "de-de": {
    number: numberCulture(",", ".", "€", ...EURO_AFTER, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd.MM.yyyy",
      "dddd, d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "de-at": {
    number: numberCulture(",", NBSP, "€", `¤${NBSP}n`, `-¤${NBSP}n`, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd.MM.yyyy",
      "dddd, d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "de-ch": {
    number: numberCulture(".", "’", "CHF", `¤${NBSP}n`, `¤-n`),
    date: dateCulture(
      "dmy",
      "dd.MM.yyyy",
      "dddd, d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "es-es": {
    number: numberCulture(",", ".", "€", ...EURO_AFTER, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd/MM/yyyy",
      "dddd, d 'de' MMMM 'de' yyyy",
      "H:mm",
      "H:mm:ss",
      "d 'de' MMMM",
      "MMMM 'de' yyyy",
      "",
      "",
    ),
  },
  "it-it": {
    number: numberCulture(",", ".", "€", ...EURO_AFTER),
    date: dateCulture(
      "dmy",
      "dd/MM/yyyy",
      "dddd d MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "nl-nl": {
    number: numberCulture(",", ".", "€", `¤${NBSP}n`, `¤${NBSP}-n`),
    date: dateCulture(
      "dmy",
      "d-M-yyyy",
      "dddd d MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "nl-be": {
    number: numberCulture(",", ".", "€", `¤${NBSP}n`, `¤${NBSP}-n`),
    date: dateCulture(
      "dmy",
      "d/MM/yyyy",
      "dddd d MMMM yyyy",
      "H:mm",
      "H:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "pt-br": {
    number: numberCulture(",", ".", "R$", `¤${NBSP}n`, `-¤${NBSP}n`),
    date: dateCulture(
      "dmy",
      "dd/MM/yyyy",
      "dddd, d 'de' MMMM 'de' yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d 'de' MMMM",
      "MMMM 'de' yyyy",
      "",
      "",
    ),
  },
  "da-dk": {
    number: numberCulture(",", ".", "kr.", `n${NBSP}¤`, `-n${NBSP}¤`, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd-MM-yyyy",
      "dddd 'den' d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "sv-se": {
    number: numberCulture(",", NBSP, "kr", `n${NBSP}¤`, `-n${NBSP}¤`, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "ymd",
      "yyyy-MM-dd",
      "'den' d MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "",
      "",
    ),
  },
  "nb-no": {
    number: numberCulture(",", NBSP, "kr", `¤${NBSP}n`, `-¤${NBSP}n`, `n${NBSP}%`, `-n${NBSP}%`),
    date: dateCulture(
      "dmy",
      "dd.MM.yyyy",
      "dddd d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "a.m.",
      "p.m.",
    ),
  },
  "is-is": {
    number: numberCulture(",", ".", "kr", `n${NBSP}¤`, `-n${NBSP}¤`),
    date: dateCulture(
      "dmy",
      "d.M.yyyy",
      "dddd, d. MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d. MMMM",
      "MMMM yyyy",
      "f.h.",
      "e.h.",
    ),
  },
  "ja-jp": {
    number: numberCulture(".", ",", "¥", "¤n", "-¤n"),
    date: dateCulture(
      "ymd",
      "yyyy/MM/dd",
      "yyyy'年'M'月'd'日'",
      "H:mm",
      "H:mm:ss",
      "M'月'd'日'",
      "yyyy'年'M'月'",
      "午前",
      "午後",
    ),
  },
  "en-ca": {
    number: numberCulture(".", ",", "$", "¤n", "-¤n"),
    date: dateCulture(
      "ymd",
      "yyyy-MM-dd",
      "MMMM d, yyyy",
      "h:mm tt",
      "h:mm:ss tt",
      "MMMM d",
      "MMMM yyyy",
      "a.m.",
      "p.m.",
    ),
  },
  "en-au": {
    number: numberCulture(".", ",", "$", "¤n", "-¤n"),
    date: dateCulture(
      "dmy",
      "d/MM/yyyy",
      "dddd, d MMMM yyyy",
      "h:mm tt",
      "h:mm:ss tt",
      "d MMMM",
      "MMMM yyyy",
      "am",
      "pm",
    ),
  },
  "en-in": {
    number: { ...numberCulture(".", ",", "₹", "¤n", "-¤n"), groupSizes: [3, 2] },
    date: dateCulture(
      "dmy",
      "dd-MM-yyyy",
      "dd MMMM yyyy",
      "HH:mm",
      "HH:mm:ss",
      "d MMMM",
      "MMMM yyyy",
      "am",
      "pm",
    ),
  },
};

const LANGUAGE_DEFAULTS: Record<string, string> = {
  en: "en-us",
  fr: "fr-fr",
  de: "de-de",
  es: "es-es",
  it: "it-it",
  nl: "nl-nl",
  pt: "pt-br",
  da: "da-dk",
  sv: "sv-se",
  nb: "nb-no",
  no: "nb-no",
  is: "is-is",
  ja: "ja-jp",
};

const resolved = new Map<string, Culture>();

/** The culture for a locale tag ('en-US', 'fr-fr', 'de'); throws RangeError for an invalid tag. */
export function getCulture(locale: string): Culture {
  const key = locale.trim().toLowerCase() || "en-us";
  const cached = resolved.get(key);
  if (cached) return cached;
  let culture: Culture;
  const known = CULTURES[key] ?? CULTURES[LANGUAGE_DEFAULTS[key] ?? ""];
  if (known) {
    culture = { name: key, intlLocale: key === "en-us" ? "en-US" : locale, ...known };
  } else {
    const [canonical] = Intl.getCanonicalLocales(locale); // RangeError for an invalid tag
    const language = (canonical ?? "en").split("-")[0]?.toLowerCase() ?? "en";
    const base = CULTURES[LANGUAGE_DEFAULTS[language] ?? ""];
    culture = base
      ? { name: key, intlLocale: canonical ?? locale, ...base }
      : {
          name: key,
          intlLocale: canonical ?? locale,
          number: intlNumberCulture(canonical ?? locale),
          date: CULTURES["en-us"]?.date as DateCulture,
        };
  }
  resolved.set(key, culture);
  return culture;
}

function intlNumberCulture(locale: string): NumberCulture {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  return numberCulture(decimal, group, "¤", `n${NBSP}¤`, `-n${NBSP}¤`);
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface CultureNames {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
}

const EN_NAMES: CultureNames = {
  months: EN_MONTHS,
  monthsShort: EN_MONTHS.map((m) => m.slice(0, 3)),
  days: EN_DAYS,
  daysShort: EN_DAYS.map((d) => d.slice(0, 3)),
};

const namesCache = new Map<string, CultureNames>();

/** Month and day names (Sunday first) of a culture; en-US built in, others from Intl. */
export function cultureNames(culture: Culture): CultureNames {
  if (culture.name === "en-us" || culture.intlLocale.toLowerCase() === "en-us") return EN_NAMES;
  const cached = namesCache.get(culture.intlLocale);
  if (cached) return cached;
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(culture.intlLocale, { ...options, timeZone: "UTC" });
  const longMonth = format({ month: "long" });
  const shortMonth = format({ month: "short" });
  const longDay = format({ weekday: "long" });
  const shortDay = format({ weekday: "short" });
  const names: CultureNames = {
    months: EN_MONTHS.map((_, m) => longMonth.format(Date.UTC(2001, m, 1))),
    monthsShort: EN_MONTHS.map((_, m) => shortMonth.format(Date.UTC(2001, m, 1))),
    // 2 January 2000 was a Sunday
    days: EN_DAYS.map((_, d) => longDay.format(Date.UTC(2000, 0, 2 + d))),
    daysShort: EN_DAYS.map((_, d) => shortDay.format(Date.UTC(2000, 0, 2 + d))),
  };
  namesCache.set(culture.intlLocale, names);
  return names;
}

export const INVARIANT_NAMES = EN_NAMES;
