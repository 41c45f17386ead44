// Turns the text of one expression into tokens. Works on a window [start, end) of the
// full text so that every token offset is an offset into the full text.
import { syntaxError } from "./errors";

export type TokenKind =
  | "identifier"
  | "number"
  | "string"
  | "lparen"
  | "rparen"
  | "lbracket"
  | "rbracket"
  | "rbrace"
  | "comma"
  | "dot"
  | "question"
  | "eof";

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier name, decoded string value, or number text. */
  text: string;
}

const PUNCTUATION: Record<string, TokenKind> = {
  "(": "lparen",
  ")": "rparen",
  "[": "lbracket",
  "]": "rbracket",
  "}": "rbrace",
  ",": "comma",
  ".": "dot",
  "?": "question",
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/** Kinds after which a '.' is a dereference rather than the start of a number like `.5`. */
const ENDS_OPERAND = new Set<TokenKind>(["identifier", "number", "string", "rparen", "rbracket"]);

export class Scanner {
  private pos: number;
  private previous: TokenKind | undefined;

  constructor(
    readonly text: string,
    start = 0,
    readonly end = text.length,
  ) {
    this.pos = start;
  }

  get position(): number {
    return this.pos;
  }

  /** Reads the next token. A '}' is returned as a token so a template can find the end of `@{…}`. */
  next(): Token {
    const text = this.text;
    while (this.pos < this.end && isSpace(text.charCodeAt(this.pos))) this.pos++;
    if (this.pos >= this.end) return this.emit("eof", this.pos, this.pos, "");
    const start = this.pos;
    const ch = text.charCodeAt(start);
    const char = text[start] ?? "";

    if (ch === 39) return this.readString(start);
    if (
      isDigit(ch) ||
      ((ch === 45 || ch === 43) && this.startsNumber(start + 1)) ||
      (ch === 46 && !ENDS_OPERAND.has(this.previous ?? "eof") && this.isDigitAt(start + 1))
    ) {
      return this.readNumber(start);
    }
    if (isIdentStart(ch)) {
      let p = start + 1;
      while (p < this.end && isIdentPart(text.charCodeAt(p))) p++;
      this.pos = p;
      return this.emit("identifier", start, p, text.slice(start, p));
    }
    const punct = PUNCTUATION[char];
    if (punct !== undefined) {
      this.pos = start + 1;
      return this.emit(punct, start, start + 1, char);
    }
    throw syntaxError(`unexpected character '${char}'`, start);
  }

  private isDigitAt(p: number): boolean {
    return p < this.end && isDigit(this.text.charCodeAt(p));
  }

  private startsNumber(p: number): boolean {
    return this.isDigitAt(p) || (this.text.charCodeAt(p) === 46 && this.isDigitAt(p + 1));
  }

  private emit(kind: TokenKind, start: number, end: number, text: string): Token {
    this.previous = kind;
    return { kind, start, end, text };
  }

  private readNumber(start: number): Token {
    const text = this.text;
    let p = start;
    if (text[p] === "-" || text[p] === "+") p++;
    while (this.isDigitAt(p)) p++;
    if (text[p] === "." && this.isDigitAt(p + 1)) {
      p++;
      while (this.isDigitAt(p)) p++;
    }
    if (text[p] === "e" || text[p] === "E") {
      let q = p + 1;
      if (text[q] === "+" || text[q] === "-") q++;
      if (this.isDigitAt(q)) {
        while (this.isDigitAt(q)) q++;
        p = q;
      }
    }
    if (p < this.end && isIdentStart(text.charCodeAt(p))) {
      throw syntaxError(`invalid number '${text.slice(start, p + 1)}'`, start, p + 1 - start);
    }
    this.pos = p;
    return this.emit("number", start, p, text.slice(start, p));
  }

  private readString(start: number): Token {
    const text = this.text;
    let p = start + 1;
    let value = "";
    let chunkStart = p;
    for (;;) {
      if (p >= this.end) {
        throw syntaxError("unterminated string: closing ' expected", start, p - start);
      }
      if (text.charCodeAt(p) === 39) {
        if (p + 1 < this.end && text.charCodeAt(p + 1) === 39) {
          value += text.slice(chunkStart, p + 1);
          p += 2;
          chunkStart = p;
          continue;
        }
        value += text.slice(chunkStart, p);
        this.pos = p + 1;
        return this.emit("string", start, p + 1, value);
      }
      p++;
    }
  }
}

/** All tokens of [start, end), up to and excluding eof. Throws on a lexical error. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const scanner = new Scanner(text, start, end);
  const tokens: Token[] = [];
  for (;;) {
    const token = scanner.next();
    if (token.kind === "eof") return tokens;
    tokens.push(token);
  }
}
