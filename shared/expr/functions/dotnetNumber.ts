// .NET numeric format strings (standard "C2", "N0", "P1", "E3", "X4"… and custom
// "0.00", "#,##0.00", "0.0%"), and culture-aware number parsing.
import { formatNumberInvariant } from "../values";
import { type Culture, getCulture } from "./cultures";

/** Digits of |n| rounded to `decimals` places: [integer digits, fraction digits]. */
function fixedDigits(abs: number, decimals: number): [string, string] {
  let text: string;
  if (abs >= 1e21) {
    text = BigInt(Math.round(abs)).toString() + (decimals > 0 ? `.${"0".repeat(decimals)}` : "");
  } else if (decimals <= 100) {
    text = abs.toFixed(decimals);
  } else {
    text = abs.toFixed(100) + "0".repeat(decimals - 100);
  }
  const dot = text.indexOf(".");
  return dot < 0 ? [text, ""] : [text.slice(0, dot), text.slice(dot + 1)];
}

function group(digits: string, separator: string, sizes: number[]): string {
  if (sizes.length === 0 || separator === "") return digits;
  const parts: string[] = [];
  let end = digits.length;
  let index = 0;
  while (end > 0) {
    const size = sizes[Math.min(index, sizes.length - 1)] ?? 3;
    if (size <= 0) {
      parts.unshift(digits.slice(0, end));
      break;
    }
    parts.unshift(digits.slice(Math.max(0, end - size), end));
    end -= size;
    index++;
  }
  return parts.join(separator);
}

function grouped(abs: number, decimals: number, culture: Culture): string {
  const [int, frac] = fixedDigits(abs, decimals);
  const n = culture.number;
  return group(int, n.group, n.groupSizes) + (frac ? n.decimal + frac : "");
}

function applyPattern(pattern: string, number: string, symbol: string, negativeSign = "-"): string {
  return pattern
    .replace("n", "\u0000")
    .replace("¤", symbol)
    .replace("-", negativeSign)
    .replace("\u0000", number);
}

function isZeroText(text: string): boolean {
  return !/[1-9]/.test(text);
}

function exponential(
  abs: number,
  precision: number,
  upper: boolean,
  minExponentDigits: number,
  culture: Culture,
): string {
  const [mantissa = "0", exponent = "0"] = abs.toExponential(precision).split("e");
  const e = Number(exponent);
  const digits = String(Math.abs(e)).padStart(minExponentDigits, "0");
  return `${mantissa.replace(".", culture.number.decimal)}${upper ? "E" : "e"}${e < 0 ? "-" : "+"}${digits}`;
}

function general(n: number, precision: number, upper: boolean, culture: Culture): string {
  const abs = Math.abs(n);
  let body: string;
  if (precision <= 0) {
    body = formatNumberInvariant(abs);
    if (!upper) body = body.replace("E", "e");
  } else {
    const exponent = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    const rounded = Number(abs.toPrecision(precision));
    const e = rounded === 0 ? 0 : Math.floor(Math.log10(rounded));
    if (e > -5 && e < precision && exponent < precision + 1) {
      body = String(rounded);
      if (body.includes("e")) body = rounded.toFixed(Math.max(0, precision - e - 1)).replace(/\.?0+$/, "");
    } else {
      const [m = "0", x = "0"] = rounded.toExponential(precision - 1).split("e");
      const mantissa = m.includes(".") ? m.replace(/\.?0+$/, "") : m;
      const ex = Number(x);
      body = `${mantissa}${upper ? "E" : "e"}${ex < 0 ? "-" : "+"}${String(Math.abs(ex)).padStart(2, "0")}`;
    }
  }
  body = body.replace(".", culture.number.decimal);
  return n < 0 && !isZeroText(body) ? `-${body}` : body;
}

function standard(
  n: number,
  letter: string,
  precisionText: string,
  isInteger: boolean,
  culture: Culture,
): string | undefined {
  const upperLetter = letter.toUpperCase();
  const hasPrecision = precisionText !== "";
  const precision = hasPrecision ? Number(precisionText) : -1;
  const abs = Math.abs(n);
  const nc = culture.number;
  switch (upperLetter) {
    case "C": {
      const body = grouped(abs, hasPrecision ? precision : nc.currencyDecimals, culture);
      const negative = n < 0 && !isZeroText(body);
      return applyPattern(negative ? nc.currencyNegative : nc.currencyPositive, body, nc.currencySymbol);
    }
    case "D": {
      if (!isInteger) return undefined;
      const body = fixedDigits(abs, 0)[0].padStart(Math.max(0, precision), "0");
      return n < 0 ? `-${body}` : body;
    }
    case "E": {
      const body = exponential(abs, hasPrecision ? precision : 6, letter === "E", 3, culture);
      return n < 0 ? `-${body}` : body;
    }
    case "F": {
      const [int, frac] = fixedDigits(abs, hasPrecision ? precision : 2);
      const body = int + (frac ? nc.decimal + frac : "");
      return n < 0 && !isZeroText(body) ? `-${body}` : body;
    }
    case "G":
      return general(n, hasPrecision ? precision : 0, letter === "G", culture);
    case "N": {
      const body = grouped(abs, hasPrecision ? precision : 2, culture);
      return n < 0 && !isZeroText(body) ? `-${body}` : body;
    }
    case "P": {
      const body = grouped(abs * 100, hasPrecision ? precision : 2, culture);
      const negative = n < 0 && !isZeroText(body);
      return applyPattern(negative ? nc.percentNegative : nc.percentPositive, body, "").replace(
        "%",
        nc.percentSymbol,
      );
    }
    case "R":
      return general(n, 0, letter === "R", culture);
    case "X": {
      if (!isInteger) return undefined;
      const value = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n);
      const hex = value.toString(16).padStart(Math.max(0, precision), "0");
      return letter === "X" ? hex.toUpperCase() : hex;
    }
    default:
      return undefined;
  }
}

// ---- custom formats --------------------------------------------------------------------

type Item =
  | { kind: "digit"; zero: boolean }
  | { kind: "point" }
  | { kind: "comma" }
  | { kind: "percent" }
  | { kind: "permille" }
  | { kind: "exponent"; upper: boolean; plus: boolean; digits: number }
  | { kind: "literal"; text: string };

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (quote) {
      current += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === "\\") {
      current += ch + (format[i + 1] ?? "");
      i++;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function tokenizeSection(section: string): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    switch (ch) {
      case "0":
      case "#":
        items.push({ kind: "digit", zero: ch === "0" });
        break;
      case ".":
        items.push({ kind: "point" });
        break;
      case ",":
        items.push({ kind: "comma" });
        break;
      case "%":
        items.push({ kind: "percent" });
        break;
      case "‰":
        items.push({ kind: "permille" });
        break;
      case "E":
      case "e": {
        const match = /^[eE]([+-]?)(0+)/.exec(section.slice(i));
        if (match) {
          items.push({
            kind: "exponent",
            upper: ch === "E",
            plus: match[1] === "+",
            digits: (match[2] ?? "0").length,
          });
          i += match[0].length - 1;
        } else items.push({ kind: "literal", text: ch });
        break;
      }
      case "\\":
        items.push({ kind: "literal", text: section[i + 1] ?? "" });
        i++;
        break;
      case "'":
      case '"': {
        const end = section.indexOf(ch, i + 1);
        const stop = end < 0 ? section.length : end;
        items.push({ kind: "literal", text: section.slice(i + 1, stop) });
        i = stop;
        break;
      }
      default:
        items.push({ kind: "literal", text: ch });
    }
  }
  return items;
}

function custom(n: number, format: string, culture: Culture): string {
  const sections = splitSections(format);
  let sectionText = sections[0] ?? "";
  let value = n;
  let explicitNegative = false;
  if (n < 0 && sections.length >= 2 && (sections[1] ?? "") !== "") {
    sectionText = sections[1] ?? "";
    value = -n;
    explicitNegative = true;
  } else if (n < 0 && sections.length >= 2) {
    value = -n;
    explicitNegative = false;
  }
  if (n === 0 && sections.length >= 3 && (sections[2] ?? "") !== "") sectionText = sections[2] ?? "";
  const items = tokenizeSection(sectionText);
  const nc = culture.number;

  // Analyse the placeholders.
  const pointIndex = items.findIndex((it) => it.kind === "point");
  const exponentIndex = items.findIndex((it) => it.kind === "exponent");
  const intEnd = pointIndex >= 0 ? pointIndex : exponentIndex >= 0 ? exponentIndex : items.length;
  const digitIndexes = items.map((it, i) => (it.kind === "digit" ? i : -1)).filter((i) => i >= 0);
  const intDigitIdx = digitIndexes.filter((i) => i < intEnd);
  const fracEnd = exponentIndex >= 0 ? exponentIndex : items.length;
  const fracDigitIdx = digitIndexes.filter((i) => i > intEnd && i < fracEnd);
  const firstDigit = intDigitIdx[0] ?? -1;
  const lastIntDigit = intDigitIdx[intDigitIdx.length - 1] ?? -1;

  let useGrouping = false;
  let scale = 0;
  items.forEach((it, i) => {
    if (it.kind !== "comma") return;
    if (i > firstDigit && i < lastIntDigit && firstDigit >= 0) useGrouping = true;
  });
  // Commas right before the point (or right after the last digit) divide by 1000 each.
  if (pointIndex >= 0) {
    for (let i = pointIndex - 1; i >= 0 && items[i]?.kind === "comma"; i--) scale++;
  } else {
    const lastDigit = digitIndexes[digitIndexes.length - 1] ?? -1;
    for (let i = lastDigit + 1; lastDigit >= 0 && items[i]?.kind === "comma"; i++) scale++;
  }
  for (const it of items) {
    if (it.kind === "percent") value *= 100;
    else if (it.kind === "permille") value *= 1000;
  }
  value /= 1000 ** scale;

  const maxFrac = fracDigitIdx.length;
  let lastZeroFrac = -1;
  fracDigitIdx.forEach((idx, k) => {
    if ((items[idx] as { zero: boolean }).zero) lastZeroFrac = k;
  });
  const minFrac = lastZeroFrac + 1;
  const firstZeroInt = intDigitIdx.findIndex((idx) => (items[idx] as { zero: boolean }).zero);
  const minInt = firstZeroInt < 0 ? 0 : intDigitIdx.length - firstZeroInt;

  let abs = Math.abs(value);
  let exponentText = "";
  const exponentItem = exponentIndex >= 0 ? items[exponentIndex] : undefined;
  if (exponentItem?.kind === "exponent") {
    const intCount = Math.max(1, intDigitIdx.length);
    let e = abs === 0 ? 0 : Math.floor(Math.log10(abs)) - (intCount - 1);
    let mantissa = abs / 10 ** e;
    if (Number(mantissa.toFixed(maxFrac)) >= 10 ** intCount) {
      e++;
      mantissa /= 10;
    }
    abs = mantissa;
    const sign = e < 0 ? "-" : exponentItem.plus ? "+" : "";
    exponentText = `${exponentItem.upper ? "E" : "e"}${sign}${String(Math.abs(e)).padStart(exponentItem.digits, "0")}`;
  }

  const [intRaw, fracRaw] = fixedDigits(abs, maxFrac);
  let frac = fracRaw;
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  let intDigits = intRaw.replace(/^0+/, "");
  if (intDigits.length < minInt) intDigits = intDigits.padStart(minInt, "0");
  const isZero = isZeroText(intDigits + frac);

  let out = "";
  let intText = useGrouping ? group(intDigits, nc.group, nc.groupSizes) : intDigits;
  // Digits are spread over the integer placeholders from the right; extra digits go to the first.
  const intSlots = intDigitIdx.length;
  const plainDigits = intDigits;
  let slot = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Item;
    if (i < intEnd) {
      if (it.kind === "digit") {
        if (useGrouping) {
          if (slot === 0) out += intText;
          intText = "";
        } else {
          const fromRight = intSlots - slot; // 1-based position counted from the right
          if (slot === 0) out += plainDigits.slice(0, Math.max(0, plainDigits.length - intSlots + 1));
          else {
            const index = plainDigits.length - fromRight;
            if (index >= 0) out += plainDigits[index];
          }
        }
        slot++;
        continue;
      }
    }
    switch (it.kind) {
      case "digit": {
        const k = fracDigitIdx.indexOf(i);
        if (k >= 0 && k < frac.length) out += frac[k];
        break;
      }
      case "point":
        if (frac.length > 0) out += nc.decimal;
        break;
      case "comma":
        break;
      case "percent":
        out += nc.percentSymbol;
        break;
      case "permille":
        out += "‰";
        break;
      case "exponent":
        out += exponentText;
        break;
      case "literal":
        out += it.text;
        break;
    }
  }
  if (intSlots === 0 && intDigits !== "" && intDigits !== "0") {
    // no integer placeholder: the integer digits still show, before everything
    out = intDigits + out;
  }
  const negative = n < 0 && !explicitNegative && !isZero && sections.length < 2;
  return negative ? `-${out}` : out;
}

/**
 * Formats a number with a .NET numeric format string for a locale. Returns undefined when
 * the format is not valid (an unknown standard format letter, D or X on a non-integer).
 */
export function formatDotNetNumber(
  n: number,
  format: string,
  locale: string,
  isInteger: boolean,
): string | undefined {
  const culture = getCulture(locale);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "∞" : "-∞";
  const match = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (match) return standard(n, match[1] ?? "", match[2] ?? "", isInteger, culture);
  if (format === "") return general(n, 0, true, culture);
  return custom(n, format, culture);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Reads a number written in a locale: optional sign, digits with the locale's thousands
 * separator, and (when `allowFraction`) a decimal part and an exponent. Integers accept
 * digits only. Returns undefined when the text is not such a number.
 */
export function parseCultureNumber(text: string, locale: string, allowFraction: boolean): number | undefined {
  const trimmed = text.trim();
  if (!allowFraction) return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  const { decimal, group } = getCulture(locale).number;
  const groupPattern = group === "\u00a0" || group === "\u202f" ? "[\\u00a0\\u202f ]" : escapeRegExp(group);
  const pattern = new RegExp(
    `^([+-]?)((?:\\d{1,3}(?:${groupPattern}\\d{3})+|\\d*))(?:${escapeRegExp(decimal)}(\\d*))?(?:[eE]([+-]?\\d+))?$`,
  );
  const match = pattern.exec(trimmed);
  if (!match) return undefined;
  const intPart = (match[2] ?? "").replace(/\D/g, "");
  const fracPart = match[3] ?? "";
  if (intPart === "" && fracPart === "") return undefined;
  const value = Number(`${match[1]}${intPart || "0"}.${fracPart || "0"}e${match[4] ?? "0"}`);
  return Number.isFinite(value) ? value : undefined;
}
