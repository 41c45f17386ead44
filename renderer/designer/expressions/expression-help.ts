// Autocomplete and signature help for the expression editor, from the function registry.
import { FUNCTIONS, type FunctionInfo, getFunctionInfo, tryParseTemplate } from "../../../shared/expr";

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
  return {
    message: first.message.replace(/ at (\d+)/, (_m, n: string) => ` at ${Math.max(0, Number(n) - 1)}`),
    position: Math.max(0, first.position - 1),
  };
}
