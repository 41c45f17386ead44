// The syntax tree of one WDL expression. Offsets are 0-based into the full text
// (the whole JSON string value, including the leading '@' or the '@{' wrapper).

export interface NodeBase {
  start: number;
  end: number;
}

export interface StringLiteral extends NodeBase {
  kind: "string";
  value: string;
}

export interface NumberLiteral extends NodeBase {
  kind: "number";
  value: number;
  /** Written with a decimal point or an exponent: a Float in WDL, even when integral (5.0). */
  isFloat: boolean;
  raw: string;
}

export interface BooleanLiteral extends NodeBase {
  kind: "boolean";
  value: boolean;
}

export interface NullLiteral extends NodeBase {
  kind: "null";
}

export interface CallExpression extends NodeBase {
  kind: "call";
  /** The name as written (function names are case-insensitive). */
  name: string;
  nameStart: number;
  nameEnd: number;
  args: Expression[];
}

export interface MemberExpression extends NodeBase {
  kind: "member";
  object: Expression;
  /** For `.key` a string literal spanning the identifier; for `[expr]` the expression. */
  key: Expression;
  access: "dot" | "bracket";
  /** Written with `?` (`?['key']`, `?.key`): a missing key or a null object gives null. */
  optional: boolean;
}

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral;
export type Expression = Literal | CallExpression | MemberExpression;
