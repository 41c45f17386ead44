// XML: xml() and xpath(), and the JSON version of XML that json() gives.
//
// An XML value is held the way Logic Apps shows XML in run outputs, as content:
// { "$content-type": "application/xml;charset=utf-8", "$content": "<base64 of the XML text>" },
// so it survives as JSON; toText() (values.ts) gives its XML text for @{…} and string().
// JSON becomes XML, and XML JSON, by the conventions of Json.NET's XmlNodeConverter, which Logic
// Apps uses: properties are elements, arrays repeat their element, "@name" is an attribute,
// "#text" text, "#cdata-section" a CDATA section, "?xml" the declaration.
//
// @xmldom/xmldom parses, builds and serializes: it never expands an entity declared in a DTD
// (a reference to one is an error) and has no way to fetch anything. The xpath package evaluates
// XPath 1.0 over its nodes. Neither uses eval or Function.
import {
  type Attr,
  DOMImplementation,
  DOMParser,
  type Document,
  type DocumentType,
  type Element,
  type Node,
  type ProcessingInstruction,
  XMLSerializer,
} from "@xmldom/xmldom";
import { select } from "#xpath";
import type { JsonObject, JsonValue } from "../../json";
import { ExpressionError } from "../errors";
import { MAX_ARRAY_LENGTH, MAX_JSON_DEPTH, MAX_STRING_LENGTH } from "../limits";
import {
  contentOf,
  describeType,
  float,
  formatNumberInvariant,
  getOwn,
  isObject,
  parseJson,
  setOwn,
  type Value,
  XML_CONTENT_TYPE,
} from "../values";
import { fail, stringArg, typeError } from "./args";
import { define } from "./define";
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from "./encoding";
import type { CallInfo, FunctionDefinition } from "./types";

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const DOCUMENT_NODE = 9;
const DOCUMENT_TYPE_NODE = 10;

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

/**
 * The first character XML 1.0 cannot hold, even escaped: C0 controls but tab, LF and CR; U+FFFE,
 * U+FFFF; a lone surrogate. Its code, or undefined.
 */
function notXmlCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return code;
    if (code === 0xfffe || code === 0xffff) return code;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return code;
    } else if (code >= 0xdc00 && code <= 0xdfff) return code;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function limitError(call: CallInfo, what: string): ExpressionError {
  return new ExpressionError("limit", `'${call.name}' ${what}`);
}

/** An XML value holding this XML text. */
export function xmlValue(text: string): JsonObject {
  return { "$content-type": XML_CONTENT_TYPE, $content: base64Encode(utf8Encode(text)) };
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses XML text strictly: any warning or error of the parser is a failure. */
function parseXml(call: CallInfo, text: string, what: string): Document {
  if (text.length > MAX_STRING_LENGTH) {
    throw limitError(call, `cannot read ${what} as XML: it is longer than ${MAX_STRING_LENGTH} characters`);
  }
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (_level, message, context) => {
      if (problem === undefined) problem = `${message.trim()}${where(context)}`;
      throw new Error(message); // stops the parser at the first problem
    },
  });
  let document: Document | undefined;
  try {
    document = parser.parseFromString(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, "text/xml");
  } catch (error) {
    if (problem === undefined) problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== undefined || document === undefined) {
    throw fail(call, `could not parse ${what} as XML: ${problem ?? "no document"}`);
  }
  checkDepth(call, document);
  return document;
}

/** " (line 3, column 7)" from the parser's locator, when it has one. */
function where(context: unknown): string {
  const locator = isRecord(context) ? context.locator : undefined;
  if (!isRecord(locator)) return "";
  const { lineNumber, columnNumber } = locator;
  return typeof lineNumber === "number" && typeof columnNumber === "number"
    ? ` (line ${lineNumber}, column ${columnNumber})`
    : "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Refuses documents nested deeper than MAX_JSON_DEPTH elements (walked without recursion). */
function checkDepth(call: CallInfo, document: Document): void {
  const stack: Array<[Node, number]> = [[document, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      if (depth + 1 > MAX_JSON_DEPTH) {
        throw limitError(call, `cannot read XML nested deeper than ${MAX_JSON_DEPTH} elements`);
      }
      stack.push([child, depth + 1]);
    }
  }
}

/** The text of content ({ $content-type, $content }): its bytes as UTF-8. */
function contentText(call: CallInfo, base64: string): string {
  const bytes = base64Decode(base64);
  if (bytes === undefined) throw fail(call, "expects content whose $content is base64-encoded");
  return utf8Decode(bytes);
}

function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

// ---------------------------------------------------------------------------------------------
// JSON to XML

type Namespaces = ReadonlyMap<string, string | null>;

const NO_NAMESPACES: Namespaces = new Map([["xml", XML_NAMESPACE]]);

function jsonToXml(call: CallInfo, json: JsonObject): string {
  const keys = Object.keys(json);
  if (keys.some((key) => key.toLowerCase() === "!doctype")) {
    throw fail(call, "cannot make a document type declaration ('!DOCTYPE')");
  }
  const roots = keys.filter((key) => !key.startsWith("?"));
  if (roots.length !== 1) {
    const found = roots.length === 0 ? "none" : `${roots.length}: ${roots.map((k) => `'${k}'`).join(", ")}`;
    throw fail(
      call,
      `expects a JSON object with exactly one root property, the root element; this one has ${found}`,
    );
  }
  const root = roots[0] as string;
  if (Array.isArray(json[root])) {
    throw fail(
      call,
      `expects the root property '${root}' not to be an array: an XML document has exactly one root element`,
    );
  }
  if (root.startsWith("@") || root.startsWith("#")) {
    throw fail(call, `expects the root property to be an element, not '${root}'`);
  }
  const document = new DOMImplementation().createDocument(null, "");
  for (const key of keys) {
    const value = json[key] as JsonValue;
    if (key === "?xml") {
      if (document.firstChild !== null) throw fail(call, "expects '?xml' (the declaration) to come first");
      document.appendChild(document.createProcessingInstruction("xml", declarationText(call, value)));
    } else if (key.startsWith("?")) {
      document.appendChild(instruction(call, document, key, value));
    } else {
      document.appendChild(element(call, document, key, value, NO_NAMESPACES, 1));
    }
  }
  const text = serialize(document);
  if (text.length > MAX_STRING_LENGTH) {
    throw limitError(call, `produced XML longer than ${MAX_STRING_LENGTH} characters`);
  }
  return text;
}

/** version="1.0" encoding="utf-8" standalone="yes" from { "@version": …, "@encoding": …, "@standalone": … }. */
function declarationText(call: CallInfo, value: JsonValue): string {
  if (!isObject(value)) throw fail(call, `expects '?xml' to be an object such as { "@version": "1.0" }`);
  const parts: string[] = [];
  for (const name of ["version", "encoding", "standalone"]) {
    const part = getOwn(value, `@${name}`);
    if (part !== undefined && part !== null) parts.push(`${name}="${scalarText(call, `@${name}`, part)}"`);
  }
  if (parts.length === 0) throw fail(call, `expects '?xml' to have a "@version"`);
  return parts.join(" ");
}

function instruction(call: CallInfo, document: Document, key: string, value: JsonValue): Node {
  if (key === "?xml") throw fail(call, "expects '?xml' (the declaration) only first, at the root");
  const text = value === null ? "" : scalarText(call, key, value);
  if (text.includes("?>")) throw fail(call, `cannot put '?>' in the processing instruction '${key}'`);
  try {
    return document.createProcessingInstruction(key.slice(1), text);
  } catch {
    throw fail(call, `cannot use '${shorten(key.slice(1))}' as a processing instruction name`);
  }
}

/** Text for an attribute, text node or simple element: strings as they are, numbers and booleans as XML writes them. */
function scalarText(call: CallInfo, name: string, value: JsonValue): string {
  let text: string;
  if (value === null) text = "";
  else if (typeof value === "string") text = value;
  else if (typeof value === "number") text = formatNumberInvariant(value);
  else if (typeof value === "boolean") text = value ? "true" : "false";
  else
    throw fail(
      call,
      `expects '${name}' to be a string, a number, a boolean or null, not ${describeType(value)}`,
    );
  const bad = notXmlCharacter(text);
  if (bad !== undefined) {
    const code = bad.toString(16).toUpperCase().padStart(4, "0");
    throw fail(call, `cannot put the character U+${code} of '${name}' in XML`);
  }
  return text;
}

/** The namespace of a qualified name in scope; elements without a prefix take the default namespace. */
function namespaceOf(call: CallInfo, name: string, scope: Namespaces, isElement: boolean): string | null {
  const colon = name.indexOf(":");
  if (colon < 0) return isElement ? (scope.get("") ?? null) : null;
  const prefix = name.slice(0, colon);
  if (prefix === "xmlns") return XMLNS_NAMESPACE;
  const namespace = scope.get(prefix);
  if (namespace === undefined || namespace === null) {
    throw fail(
      call,
      `uses the namespace prefix '${prefix}' in '${name}' without declaring it ("@xmlns:${prefix}")`,
    );
  }
  return namespace;
}

/** One JSON property as an element with its attributes and content. */
function element(
  call: CallInfo,
  document: Document,
  name: string,
  value: JsonValue,
  scope: Namespaces,
  depth: number,
): Element {
  if (depth > MAX_JSON_DEPTH) {
    throw limitError(call, `cannot make XML from JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const attributes: Array<[string, JsonValue]> = [];
  const content: Array<[string, JsonValue]> = [];
  if (isObject(value)) {
    for (const key of Object.keys(value)) {
      (key.startsWith("@") ? attributes : content).push([key, value[key] as JsonValue]);
    }
  }
  // Namespaces declared on an element apply to the element itself and everything inside it.
  let inner = scope;
  for (const [key, attributeValue] of attributes) {
    const attribute = key.slice(1);
    if (attribute !== "xmlns" && !attribute.startsWith("xmlns:")) continue;
    const namespace = scalarText(call, key, attributeValue);
    const copy = new Map(inner);
    copy.set(attribute === "xmlns" ? "" : attribute.slice(6), namespace === "" ? null : namespace);
    inner = copy;
  }
  let node: Element;
  try {
    node = document.createElementNS(namespaceOf(call, name, inner, true), name);
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    throw fail(call, `cannot use '${shorten(name)}' as an XML element name`);
  }
  for (const [key, attributeValue] of attributes) {
    const attribute = key.slice(1);
    if (Array.isArray(attributeValue)) throw fail(call, `expects the attribute '${key}' not to be an array`);
    const text = scalarText(call, key, attributeValue);
    const namespace = attribute === "xmlns" ? XMLNS_NAMESPACE : namespaceOf(call, attribute, inner, false);
    try {
      node.setAttributeNS(namespace, attribute, text);
    } catch {
      throw fail(call, `cannot use '${shorten(attribute)}' as an XML attribute name`);
    }
  }
  if (isObject(value)) {
    for (const [key, item] of content) {
      if (Array.isArray(item))
        for (const one of item) append(call, document, node, key, one, inner, depth + 1);
      else append(call, document, node, key, item, inner, depth + 1);
    }
  } else if (Array.isArray(value)) {
    // an array inside an array: an element of the same name holds the inner items
    for (const one of value) append(call, document, node, name, one, inner, depth + 1);
  } else if (value !== null) {
    node.appendChild(document.createTextNode(scalarText(call, name, value)));
  }
  return node;
}

/** One value of a property inside an element: text, CDATA, a processing instruction or an element. */
function append(
  call: CallInfo,
  document: Document,
  parent: Element,
  key: string,
  value: JsonValue,
  scope: Namespaces,
  depth: number,
): void {
  if (key === "#text") {
    parent.appendChild(document.createTextNode(scalarText(call, key, value)));
  } else if (key === "#cdata-section") {
    const text = scalarText(call, key, value);
    if (text.includes("]]>")) throw fail(call, "cannot put ']]>' in a '#cdata-section'");
    parent.appendChild(document.createCDATASection(text));
  } else if (key.startsWith("?")) {
    parent.appendChild(instruction(call, document, key, value));
  } else {
    parent.appendChild(element(call, document, key, value, scope, depth));
  }
}

// ---------------------------------------------------------------------------------------------
// XML to JSON (json() of an XML value)

/** The JSON version of XML text, as json(xml(…)) gives it. */
export function xmlToJson(call: CallInfo, text: string): JsonObject {
  const out: JsonObject = {};
  addChildren(parseXml(call, text, "the XML"), out);
  return out;
}

/** The property a child node becomes; undefined for nodes JSON leaves out (comments, whitespace between elements). */
function propertyName(node: Node): string | undefined {
  switch (node.nodeType) {
    case ELEMENT_NODE:
      return node.nodeName;
    case TEXT_NODE:
      return /^[ \t\r\n]*$/.test(node.nodeValue ?? "") ? undefined : "#text";
    case CDATA_SECTION_NODE:
      return "#cdata-section";
    case PROCESSING_INSTRUCTION_NODE:
      return `?${node.nodeName}`;
    case DOCUMENT_TYPE_NODE:
      return "!DOCTYPE";
    default:
      return undefined;
  }
}

/** Children grouped by name: one node gives a value, several of the same name an array. */
function addChildren(parent: Node, out: JsonObject): void {
  const groups = new Map<string, Node[]>();
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
    const name = propertyName(child);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group) group.push(child);
    else groups.set(name, [child]);
  }
  for (const [name, nodes] of groups) {
    setOwn(out, name, nodes.length === 1 ? nodeJson(nodes[0] as Node) : nodes.map(nodeJson));
  }
}

function nodeJson(node: Node): JsonValue {
  switch (node.nodeType) {
    case ELEMENT_NODE:
      return elementJson(node as Element);
    case PROCESSING_INSTRUCTION_NODE: {
      const data = (node as ProcessingInstruction).data;
      return node.nodeName === "xml" ? declarationJson(data) : data;
    }
    case DOCUMENT_TYPE_NODE: {
      const doctype = node as DocumentType;
      const out: JsonObject = { "@name": doctype.name };
      // xmldom keeps the identifiers' quotes
      const unquote = (id: string) => id.replace(/^(["'])(.*)\1$/s, "$2");
      if (doctype.publicId) out["@public"] = unquote(doctype.publicId);
      if (doctype.systemId) out["@system"] = unquote(doctype.systemId);
      return out;
    }
    default:
      return node.nodeValue ?? "";
  }
}

function elementJson(node: Element): JsonValue {
  const attributes: Attr[] = [];
  for (let i = 0; i < node.attributes.length; i++) {
    const attribute = node.attributes.item(i);
    if (attribute) attributes.push(attribute);
  }
  if (attributes.length === 0) {
    const kept: Node[] = [];
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (propertyName(child) !== undefined) kept.push(child);
    }
    // <a/> is null; an element holding only whitespace or comments is ''; one text is that text
    if (kept.length === 0) return node.firstChild === null ? null : "";
    const only = kept[0] as Node;
    if (kept.length === 1 && only.nodeType === TEXT_NODE) return only.nodeValue ?? "";
  }
  const out: JsonObject = {};
  for (const attribute of attributes) setOwn(out, `@${attribute.name}`, attribute.value);
  addChildren(node, out);
  return out;
}

/** { "@version": "1.0", "@encoding": …, "@standalone": … } from the declaration's text. */
function declarationJson(data: string): JsonObject {
  const out: JsonObject = {};
  for (const match of data.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    setOwn(out, `@${match[1]}`, match[2] ?? match[3] ?? "");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// xpath()

/** What a matched node gives: elements (and the document) as XML values, other nodes their text. */
function nodeResult(node: Node): JsonValue {
  if (node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_NODE) return xmlValue(serialize(node));
  return node.nodeValue ?? node.textContent ?? "";
}

/** The XML text xpath() reads: an XML value (or other content), or a string holding XML. */
function xpathSource(call: CallInfo, value: Value): string {
  if (typeof value === "string") return value;
  const content = contentOf(value);
  if (content !== undefined) return contentText(call, content.base64);
  const hint = isObject(value) ? " (use xml() to convert a JSON object)" : "";
  throw typeError(call, `XML or a string holding XML${hint}`, 0, value);
}

function evaluateXPath(call: CallInfo, document: Document, expression: string): Value {
  let result: ReturnType<typeof select>;
  try {
    result = select(expression, document);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fail(call, `could not evaluate the XPath expression '${shorten(expression)}': ${detail}`);
  }
  if (Array.isArray(result)) {
    if (result.length > MAX_ARRAY_LENGTH) {
      throw limitError(call, `matched more than ${MAX_ARRAY_LENGTH} nodes`);
    }
    return result.map(nodeResult);
  }
  if (typeof result === "number") {
    // XPath numbers are doubles: a float, or NaN/Infinity as text (JSON has no such numbers)
    return Number.isFinite(result) ? float(result) : formatNumberInvariant(result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// xml()

/** The XML text of xml()'s argument: XML as it is, JSON converted. */
function xmlTextOf(call: CallInfo, value: Value): string {
  if (typeof value === "string") {
    const start = value.trimStart().charAt(0);
    if (start === "{" || start === "[") {
      let json: JsonValue;
      try {
        json = parseJson(value);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw fail(call, `could not parse the string as JSON: ${detail}`);
      }
      if (!isObject(json)) {
        throw fail(call, `expects a JSON object with exactly one root property, not ${describeType(json)}`);
      }
      return jsonToXml(call, json);
    }
    parseXml(call, value, "the string");
    return value;
  }
  const content = contentOf(value);
  if (content !== undefined) {
    const text = contentText(call, content.base64);
    parseXml(call, text, "the content");
    return text;
  }
  if (isObject(value)) return jsonToXml(call, value);
  throw typeError(call, "a string holding XML or JSON, or a JSON object", 0, value);
}

export const xmlFunctions: FunctionDefinition[] = [
  define(
    "conversion",
    "xml(value: string | object): object",
    "The XML version of a string holding XML, or of a JSON object (or a string holding one) with exactly one root property that is not an array.",
    (args, call) => xmlValue(xmlTextOf(call, args[0] ?? null)),
  ),
  define(
    "conversion",
    "xpath(xml: object | string, xpath: string): any",
    "Evaluates an XPath 1.0 expression on XML: the matching nodes as an array (elements as XML, attributes and text as strings), or the number, string or boolean it computes.",
    (args, call) => {
      const text = xpathSource(call, args[0] ?? null);
      const expression = stringArg(args, 1, call, "an XPath expression (a string)");
      return evaluateXPath(call, parseXml(call, text, "the first argument"), expression);
    },
  ),
];
