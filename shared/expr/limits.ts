// Limits that stop runaway expressions. Values follow the documented Logic Apps limits
// where there is one.

/** Deepest nesting of calls and dereferences in one expression (parse and evaluation). */
export const MAX_NESTING_DEPTH = 100;
/** Longest string a function may produce: concat() and join() document 104,857,600 characters. */
export const MAX_STRING_LENGTH = 104_857_600;
/** Most items a function may produce: range() documents a count of at most 100,000. */
export const MAX_ARRAY_LENGTH = 100_000;
/** Longest expression the designer accepts (the product limit of 8,192 characters; enforced by the checker). */
export const MAX_EXPRESSION_LENGTH = 8_192;
/**
 * Deepest JSON nesting that json() will build from a string; also the deepest nesting of elements
 * that xml() and xpath() read or build.
 */
export const MAX_JSON_DEPTH = 100;
