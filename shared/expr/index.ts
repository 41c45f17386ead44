// Public API of the WDL expression language: parse, evaluate, analyze, rewrite.

export {
  analyzeTemplate,
  analyzeValue,
  type ExpressionInfo,
  type ExpressionReferences,
  expressionReferences,
  type FieldReference,
  inferType,
  type TemplateAnalysis,
  type ValueAnalysis,
  type ValueErrorEntry,
  type ValueExpressionEntry,
} from "./analyze";
export type {
  BooleanLiteral,
  CallExpression,
  Expression,
  Literal,
  MemberExpression,
  NullLiteral,
  NumberLiteral,
  StringLiteral,
} from "./ast";
export { evaluateCondition } from "./condition";
export type { EvaluationContext } from "./context";
export { ExpressionError, type ExpressionErrorCode, lineColumn } from "./errors";
export { compileCached, evaluate, evaluateTemplate, evaluateValue, needsEvaluation } from "./evaluate";
export {
  arityText,
  FUNCTIONS,
  getFunctionInfo,
  UNSUPPORTED_FUNCTIONS,
} from "./functions/registry";
export { resolveTimeZone, WINDOWS_TIME_ZONES } from "./functions/timezones";
export type { FunctionGroup, FunctionInfo, ReferenceKind, StaticType } from "./functions/types";
export {
  MAX_ARRAY_LENGTH,
  MAX_EXPRESSION_LENGTH,
  MAX_JSON_DEPTH,
  MAX_NESTING_DEPTH,
  MAX_STRING_LENGTH,
} from "./limits";
export { parseExpression } from "./parser";
export { printExpression, printTemplate } from "./printer";
export {
  quoteString,
  referenceName,
  renameActionReferences,
  renameActionReferencesInValue,
  renameVariableReferences,
  renameVariableReferencesInValue,
} from "./references";
export { type Token, type TokenKind, tokenize } from "./scanner";
export { closestName } from "./suggest";
export {
  type CompiledTemplate,
  containsExpression,
  type ExpressionPart,
  expressionRegions,
  parseTemplate,
  type TemplatePart,
  type TextPart,
  tryParseTemplate,
} from "./template";
export { xmlText } from "./values";
