// OData $filter for Find records: parse once against a table's fields, then test records.
// Supports eq ne gt ge lt le, in (…), and/or/not, parentheses, contains/startswith/endswith (and
// the older substringof), tolower/toupper/trim/length/indexof/concat, year/month/day/hour/minute,
// and literals: 'text' ('' escapes a quote), numbers, true/false/null, dates, date-times and GUIDs.
import type { JsonValue } from "../../../shared/json";

export class ODataError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at position ${position + 1})`);
    this.name = "ODataError";
  }
}

type Scalar = string | number | boolean | null;
type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterExpr =
  | { type: "literal"; value: Scalar }
  | { type: "field"; name: string }
  | { type: "compare"; op: CompareOp; left: FilterExpr; right: FilterExpr }
  | { type: "in"; left: FilterExpr; list: FilterExpr[] }
  | { type: "and" | "or"; left: FilterExpr; right: FilterExpr }
  | { type: "not"; operand: FilterExpr }
  | { type: "call"; name: string; args: FilterExpr[] };

type Token =
  | { kind: "punct"; text: "(" | ")" | ","; at: number }
  | { kind: "word"; text: string; at: number }
  | { kind: "literal"; value: Scalar; at: number }
  | { kind: "end"; at: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: "punct", text: ch, at: i });
      i++;
      continue;
    }
    if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new ODataError("Unterminated text literal", i);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ kind: "literal", value, at: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const literal = GUID.exec(rest) ?? DATE_TIME.exec(rest);
    if (literal) {
      tokens.push({ kind: "literal", value: literal[0], at: i });
      i += literal[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "literal", value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: "word", text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new ODataError(`Unexpected character '${ch}'`, i);
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}

const COMPARE_OPS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const KEYWORDS = new Set<string>(["and", "or", "not", "in", ...COMPARE_OPS]);

/** Functions with their number of arguments. */
const FUNCTIONS: Record<string, number> = {
  contains: 2,
  startswith: 2,
  endswith: 2,
  substringof: 2,
  indexof: 2,
  concat: 2,
  tolower: 1,
  toupper: 1,
  trim: 1,
  length: 1,
  year: 1,
  month: 1,
  day: 1,
  hour: 1,
  minute: 1,
};

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly resolveField: (name: string) => string | undefined,
  ) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: "end", at: 0 };
  }

  private take(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === "word" && token.text.toLowerCase() === word;
  }

  parse(): FilterExpr {
    const expr = this.or();
    const next = this.peek();
    if (next.kind !== "end") throw new ODataError(`Unexpected ${describeToken(next)}`, next.at);
    return expr;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.isWord(this.peek(), "or")) {
      this.take();
      left = { type: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.not();
    while (this.isWord(this.peek(), "and")) {
      this.take();
      left = { type: "and", left, right: this.not() };
    }
    return left;
  }

  private not(): FilterExpr {
    if (this.isWord(this.peek(), "not")) {
      this.take();
      return { type: "not", operand: this.not() };
    }
    return this.comparison();
  }

  private comparison(): FilterExpr {
    const left = this.primary();
    const next = this.peek();
    if (next.kind === "word" && COMPARE_OPS.has(next.text.toLowerCase())) {
      this.take();
      return { type: "compare", op: next.text.toLowerCase() as CompareOp, left, right: this.primary() };
    }
    if (this.isWord(next, "in")) {
      this.take();
      this.expect("(");
      const list: FilterExpr[] = [this.primary()];
      while (this.peek().kind === "punct" && (this.peek() as { text: string }).text === ",") {
        this.take();
        list.push(this.primary());
      }
      this.expect(")");
      return { type: "in", left, list };
    }
    return left;
  }

  private expect(text: "(" | ")" | ","): void {
    const token = this.take();
    if (token.kind !== "punct" || token.text !== text) {
      throw new ODataError(`Expected '${text}' but found ${describeToken(token)}`, token.at);
    }
  }

  private primary(): FilterExpr {
    const token = this.take();
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.or();
      this.expect(")");
      return inner;
    }
    if (token.kind === "literal") return { type: "literal", value: token.value };
    if (token.kind === "word") {
      const lower = token.text.toLowerCase();
      if (lower === "true" || lower === "false") return { type: "literal", value: lower === "true" };
      if (lower === "null") return { type: "literal", value: null };
      const next = this.peek();
      if (next.kind === "punct" && next.text === "(") {
        const arity = FUNCTIONS[lower];
        if (arity === undefined) throw new ODataError(`Unknown function '${token.text}'`, token.at);
        this.take();
        const args: FilterExpr[] = [];
        if (!(this.peek().kind === "punct" && (this.peek() as { text: string }).text === ")")) {
          args.push(this.or());
          while (this.peek().kind === "punct" && (this.peek() as { text: string }).text === ",") {
            this.take();
            args.push(this.or());
          }
        }
        this.expect(")");
        if (args.length !== arity) {
          throw new ODataError(
            `${lower}() takes ${arity} argument${arity === 1 ? "" : "s"}, not ${args.length}`,
            token.at,
          );
        }
        return { type: "call", name: lower, args };
      }
      if (KEYWORDS.has(lower))
        throw new ODataError(`Expected a field or a value before '${token.text}'`, token.at);
      const name = this.resolveField(token.text);
      if (name === undefined) throw new ODataError(`Unknown field '${token.text}'`, token.at);
      return { type: "field", name };
    }
    throw new ODataError(
      token.kind === "end" ? "The filter ends too early" : `Unexpected ${describeToken(token)}`,
      token.at,
    );
  }
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case "end":
      return "end of filter";
    case "punct":
      return `'${token.text}'`;
    case "word":
      return `'${token.text}'`;
    case "literal":
      return `value ${JSON.stringify(token.value)}`;
  }
}

/**
 * Parses a filter; field names are checked (case-insensitively) against the given names and
 * resolved to their declared spelling.
 */
export function parseFilter(text: string, fieldNames: readonly string[]): FilterExpr {
  const byLower = new Map(fieldNames.map((name) => [name.toLowerCase(), name]));
  return new Parser(tokenize(text), (name) => byLower.get(name.toLowerCase())).parse();
}

// --- evaluation ---

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function toScalar(value: JsonValue | undefined): Scalar {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object") return value;
  return JSON.stringify(value);
}

function asTime(value: string): number | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? undefined : time;
}

/** -1, 0 or 1; undefined when the two values cannot be ordered against each other. */
function compareScalars(a: Scalar, b: Scalar): number | undefined {
  if (a === null || b === null) return a === b ? 0 : undefined;
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  if (typeof a === "string" && typeof b === "string") {
    const ta = asTime(a);
    const tb = asTime(b);
    if (ta !== undefined && tb !== undefined) return Math.sign(ta - tb);
    return a === b ? 0 : a < b ? -1 : 1;
  }
  // A number stored as text ("1000") against a number.
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && !Number.isNaN(Number(b))) {
    return Math.sign(a - Number(b));
  }
  if (typeof a === "string" && typeof b === "number" && a.trim() !== "" && !Number.isNaN(Number(a))) {
    return Math.sign(Number(a) - b);
  }
  return undefined;
}

function compare(op: CompareOp, a: Scalar, b: Scalar): boolean {
  const order = compareScalars(a, b);
  switch (op) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order !== undefined && order > 0;
    case "ge":
      return order !== undefined && order >= 0;
    case "lt":
      return order !== undefined && order < 0;
    case "le":
      return order !== undefined && order <= 0;
  }
}

const text = (value: Scalar): string | undefined => (typeof value === "string" ? value : undefined);

function datePart(value: Scalar, part: "year" | "month" | "day" | "hour" | "minute"): Scalar {
  const s = text(value);
  const time = s === undefined ? undefined : asTime(s);
  if (time === undefined) return null;
  const date = new Date(time);
  switch (part) {
    case "year":
      return date.getUTCFullYear();
    case "month":
      return date.getUTCMonth() + 1;
    case "day":
      return date.getUTCDate();
    case "hour":
      return date.getUTCHours();
    case "minute":
      return date.getUTCMinutes();
  }
}

// Text functions compare case-insensitively: people type 'contoso' for "Contoso Ltd.".
function callFunction(name: string, args: Scalar[]): Scalar {
  const [a = null, b = null] = args;
  const sa = text(a);
  const sb = text(b);
  const both = (test: (x: string, y: string) => boolean): boolean =>
    sa !== undefined && sb !== undefined && test(sa.toLowerCase(), sb.toLowerCase());
  switch (name) {
    case "contains":
      return both((x, y) => x.includes(y));
    case "substringof":
      return both((x, y) => y.includes(x));
    case "startswith":
      return both((x, y) => x.startsWith(y));
    case "endswith":
      return both((x, y) => x.endsWith(y));
    case "indexof":
      return sa !== undefined && sb !== undefined ? sa.toLowerCase().indexOf(sb.toLowerCase()) : null;
    case "concat":
      return `${a ?? ""}${b ?? ""}`;
    case "tolower":
      return sa?.toLowerCase() ?? a;
    case "toupper":
      return sa?.toUpperCase() ?? a;
    case "trim":
      return sa?.trim() ?? a;
    case "length":
      return sa?.length ?? null;
    case "year":
    case "month":
    case "day":
    case "hour":
    case "minute":
      return datePart(a, name);
    default:
      return null;
  }
}

function evaluate(expr: FilterExpr, record: Readonly<Record<string, JsonValue>>): Scalar {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "field":
      return toScalar(record[expr.name]);
    case "compare":
      return compare(expr.op, evaluate(expr.left, record), evaluate(expr.right, record));
    case "in": {
      const left = evaluate(expr.left, record);
      return expr.list.some((item) => compare("eq", left, evaluate(item, record)));
    }
    case "and":
      return evaluate(expr.left, record) === true && evaluate(expr.right, record) === true;
    case "or":
      return evaluate(expr.left, record) === true || evaluate(expr.right, record) === true;
    case "not":
      return evaluate(expr.operand, record) !== true;
    case "call":
      return callFunction(
        expr.name,
        expr.args.map((arg) => evaluate(arg, record)),
      );
  }
}

/** Whether the record meets the filter (a bare boolean field counts when it is true). */
export function matchesFilter(expr: FilterExpr, record: Readonly<Record<string, JsonValue>>): boolean {
  return evaluate(expr, record) === true;
}
