// Autocomplete and signature help for the expression editor, from the function registry.
import {
  analyzeTemplate,
  closestName,
  FUNCTIONS,
  type FunctionInfo,
  getFunctionInfo,
  lineColumn,
  referenceName,
  tryParseTemplate,
} from "../../../shared/expr";

/** The identifier being typed at the caret, and where it starts. */
export function wordAt(text: string, caret: number): { word: string; start: number } {
  let start = caret;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1] ?? "")) start--;
  return { word: text.slice(start, caret), start };
}

export function completions(text: string, caret: number, limit = 8): FunctionInfo[] {
  const { word } = wordAt(text, caret);
  if (!word || /^[0-9]/.test(word) || insideString(text, caret)) return [];
  const lower = word.toLowerCase();
  const starts = FUNCTIONS.filter((f) => f.name.toLowerCase().startsWith(lower));
  const contains = FUNCTIONS.filter(
    (f) => !f.name.toLowerCase().startsWith(lower) && f.name.toLowerCase().includes(lower),
  );
  return [...starts, ...contains].slice(0, limit);
}

function insideString(text: string, caret: number): boolean {
  let inString = false;
  for (let i = 0; i < caret; i++) {
    if (text[i] === "'") {
      if (inString && text[i + 1] === "'") i++;
      else inString = !inString;
    }
  }
  return inString;
}

/** The function call the caret is inside, and which argument it is on. */
export function signatureAt(
  text: string,
  caret: number,
): { info: FunctionInfo; argument: number } | undefined {
  const stack: { name: string; argument: number }[] = [];
  let inString = false;
  let depthBrackets = 0;
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (inString) {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else inString = false;
      }
      continue;
    }
    if (c === "'") inString = true;
    else if (c === "[") depthBrackets++;
    else if (c === "]") depthBrackets--;
    else if (c === "(") stack.push({ name: wordAt(text, i).word, argument: 0 });
    else if (c === ")") stack.pop();
    else if (c === "," && depthBrackets === 0) {
      const top = stack[stack.length - 1];
      if (top) top.argument++;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i];
    const info = entry && getFunctionInfo(entry.name);
    if (entry && info) return { info, argument: entry.argument };
  }
  return undefined;
}

export interface ExpressionProblem {
  message: string;
  /** Offset in the expression text (without the leading @). */
  position: number;
}

/** The first problem of an expression as typed (without "@"), or undefined when it parses. */
export function expressionProblem(text: string): ExpressionProblem | undefined {
  if (!text.trim()) return undefined;
  const { errors } = tryParseTemplate(`@${text}`);
  const first = errors[0];
  if (!first) return undefined;
  const position = Math.max(0, first.position - 1);
  // The parser counts from the "@" it was given: say where in the person's own text, as a place.
  const { line, column } = lineColumn(text, position);
  const place = text.includes("\n") ? `line ${line}, column ${column}` : `column ${column}`;
  const message = first.message.replace(/ at \d+$/, "");
  return { message: `${message.charAt(0).toUpperCase()}${message.slice(1)} (${place}).`, position };
}

/** What the flow around the expression has: every step, variable and loop, by name. */
export interface ExpressionScope {
  actions: readonly string[];
  variables: readonly string[];
  loops: readonly string[];
}

/**
 * Names the expression uses that the flow does not have (a step, a variable, a loop), each with the
 * closest name it has. They are not syntax errors (the step may be added next), so they warn.
 */
export function referenceNotices(text: string, scope: ExpressionScope): string[] {
  if (!text.trim() || tryParseTemplate(`@${text}`).errors.length > 0) return [];
  const { references } = analyzeTemplate(`@${text}`);
  const notices: string[] = [];
  const check = (names: readonly string[], known: readonly string[], what: (name: string) => string) => {
    const lower = new Set(known.map((name) => referenceName(name).toLowerCase()));
    for (const name of new Set(names)) {
      if (lower.has(referenceName(name).toLowerCase())) continue;
      const near = closestName(name, known);
      notices.push(near ? `${what(name)} Did you mean '${near}'?` : what(name));
    }
  };
  check([...references.actions, ...references.scopes], scope.actions, (n) => `This flow has no step '${n}'.`);
  check(references.loops, scope.loops, (n) => `This flow has no loop '${n}'.`);
  check(references.variables, scope.variables, (n) => `No variable '${n}' is initialized in this flow.`);
  return notices;
}
