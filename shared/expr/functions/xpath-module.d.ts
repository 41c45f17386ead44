// Types for the "xpath" package (XPath 1.0 over a DOM), as shared/expr uses it over @xmldom/xmldom
// nodes. The package's own declarations start with `/// <reference lib="dom" />`, which would
// make the browser DOM (`document`, `window`…) type-check in shared/ and electron/; package.json
// maps "#xpath" to the package for bundlers and to this file for TypeScript.
import type { Node } from "@xmldom/xmldom";

/** A node-set (in document order), or the string, number or boolean an expression computes. */
export type SelectResult = Node[] | string | number | boolean;

/** Evaluates an XPath 1.0 expression with `node` as the context node; throws on a bad expression. */
export function select(expression: string, node: Node): SelectResult;
