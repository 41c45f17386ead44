// Recursive-descent parser for one WDL expression:
//   expression := primary postfix*
//   primary    := number | string | true | false | null | name '(' [expression (',' expression)*] ')'
//   postfix    := '?'? ( '[' expression ']' | '.' name )
// There are no infix operators. Keywords and function names are case-insensitive.
import type { Expression, MemberExpression } from "./ast";
import { ExpressionError, syntaxError } from "./errors";
import { MAX_NESTING_DEPTH } from "./limits";
import { Scanner, type Token, type TokenKind } from "./scanner";

const DESCRIBE: Record<TokenKind, string> = {
  identifier: "a name",
  number: "a number",
  string: "a string",
  lparen: "'('",
  rparen: "')'",
  lbracket: "'['",
  rbracket: "']'",
  rbrace: "'}'",
  comma: "','",
  dot: "'.'",
  question: "'?'",
  eof: "the end of the expression",
};

export interface ParseResult {
  expression: Expression;
  /** The first token after the expression (eof, or '}' inside `@{…}`). */
  next: Token;
}

class Parser {
  private readonly scanner: Scanner;
  private token: Token;

  constructor(text: string, start: number, end: number) {
    this.scanner = new Scanner(text, start, end);
    this.token = this.scanner.next();
  }

  /** The current token's kind (a method, so TypeScript does not narrow it across advance()). */
  private kind(): TokenKind {
    return this.token.kind;
  }

  private advance(): Token {
    const current = this.token;
    this.token = this.scanner.next();
    return current;
  }

  private expect(kind: TokenKind, context?: string): Token {
    if (this.token.kind !== kind) {
      const found = this.token.kind === "eof" ? "" : ` but found ${describeToken(this.token)}`;
      throw syntaxError(
        `${DESCRIBE[kind]} expected${context ? ` ${context}` : ""}${found}`,
        this.token.start,
        Math.max(1, this.token.end - this.token.start),
      );
    }
    return this.advance();
  }

  parseTop(): ParseResult {
    const expression = this.parseExpression(1);
    return { expression, next: this.token };
  }

  private parseExpression(depth: number): Expression {
    if (depth > MAX_NESTING_DEPTH) {
      throw new ExpressionError(
        "limit",
        `expression nested deeper than ${MAX_NESTING_DEPTH} levels at ${this.token.start}`,
        this.token.start,
        1,
      );
    }
    let node = this.parsePrimary(depth);
    let chain = depth;
    for (;;) {
      const kind = this.token.kind;
      let optional = false;
      if (kind === "question") {
        optional = true;
        this.advance();
        const k = this.token.kind;
        if (k !== "lbracket" && k !== "dot") {
          throw syntaxError(`'[' or '.' expected after '?'`, this.token.start);
        }
      } else if (kind !== "lbracket" && kind !== "dot") {
        return node;
      }
      chain++;
      if (chain > MAX_NESTING_DEPTH) {
        throw new ExpressionError(
          "limit",
          `expression nested deeper than ${MAX_NESTING_DEPTH} levels at ${this.token.start}`,
          this.token.start,
          1,
        );
      }
      if (this.token.kind === "lbracket") {
        this.advance();
        const key = this.parseExpression(depth + 1);
        const close = this.expect("rbracket");
        node = {
          kind: "member",
          object: node,
          key,
          access: "bracket",
          optional,
          start: node.start,
          end: close.end,
        } satisfies MemberExpression;
      } else {
        this.advance();
        const name = this.token;
        if (name.kind !== "identifier" && name.kind !== "number") {
          throw syntaxError("property name expected after '.'", name.start);
        }
        this.advance();
        node = {
          kind: "member",
          object: node,
          key: { kind: "string", value: name.text, start: name.start, end: name.end },
          access: "dot",
          optional,
          start: node.start,
          end: name.end,
        } satisfies MemberExpression;
      }
    }
  }

  private parsePrimary(depth: number): Expression {
    const token = this.token;
    switch (token.kind) {
      case "string":
        this.advance();
        return { kind: "string", value: token.text, start: token.start, end: token.end };
      case "number": {
        this.advance();
        const value = Number(token.text);
        return {
          kind: "number",
          value,
          isFloat: /[.eE]/.test(token.text),
          raw: token.text,
          start: token.start,
          end: token.end,
        };
      }
      case "identifier":
        return this.parseNameOrCall(depth);
      case "eof":
        throw syntaxError("expression expected", token.start);
      default:
        throw syntaxError(`expression expected but found ${describeToken(token)}`, token.start);
    }
  }

  private parseNameOrCall(depth: number): Expression {
    const name = this.advance();
    if (this.kind() !== "lparen") {
      const lower = name.text.toLowerCase();
      if (lower === "true" || lower === "false") {
        return { kind: "boolean", value: lower === "true", start: name.start, end: name.end };
      }
      if (lower === "null") return { kind: "null", start: name.start, end: name.end };
      throw syntaxError(`'(' expected after function name '${name.text}'`, this.token.start);
    }
    this.advance();
    const args: Expression[] = [];
    if (this.kind() !== "rparen") {
      for (;;) {
        args.push(this.parseExpression(depth + 1));
        if (this.kind() === "comma") {
          this.advance();
          continue;
        }
        if (this.kind() !== "rparen") {
          const found = this.kind() === "eof" ? "" : ` but found ${describeToken(this.token)}`;
          throw syntaxError(`')' or ',' expected${found}`, this.token.start);
        }
        break;
      }
    }
    const close = this.expect("rparen");
    return {
      kind: "call",
      name: name.text,
      nameStart: name.start,
      nameEnd: name.end,
      args,
      start: name.start,
      end: close.end,
    };
  }
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case "identifier":
      return `'${token.text}'`;
    case "number":
      return `number ${token.text}`;
    case "string":
      return "a string";
    default:
      return DESCRIBE[token.kind];
  }
}

/**
 * Parses the expression starting at `start` and stops at the first token that cannot
 * continue it; the caller decides whether that token is acceptable.
 */
export function parseExpressionAt(text: string, start = 0, end = text.length): ParseResult {
  return new Parser(text, start, end).parseTop();
}

/** Parses a whole expression (without the leading '@'); anything after it is an error. */
export function parseExpression(text: string, start = 0, end = text.length): Expression {
  const { expression, next } = parseExpressionAt(text, start, end);
  if (next.kind !== "eof") {
    throw syntaxError(`end of expression expected but found ${describeToken(next)}`, next.start);
  }
  return expression;
}
