// Where a JSON text stops being JSON. JSON.parse's messages differ between engines and versions,
// so on failure this small scanner finds the first error itself and says it in plain words.

export type JsonSyntaxError = { message: string; offset: number; line: number; column: number };

/** The first syntax error in `text` (1-based line and column), or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value(0);
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail("end of the text after the JSON value");
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxStop)
      return { message: e.message, offset: e.offset, ...lineAndColumn(text, e.offset) };
    throw e;
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class SyntaxStop extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 10_000;

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(expected: string): never {
    const found =
      this.pos >= this.text.length
        ? "the end of the text"
        : JSON.stringify(this.text.slice(this.pos, this.pos + 1));
    throw new SyntaxStop(`expected ${expected}, found ${found}`, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail("less nesting");
    const c = this.text[this.pos];
    if (c === "{") this.object(depth);
    else if (c === "[") this.array(depth);
    else if (c === '"') this.string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.number();
    else if (!this.word("true") && !this.word("false") && !this.word("null")) this.fail("a JSON value");
  }

  private word(w: string): boolean {
    if (this.text.startsWith(w, this.pos)) {
      this.pos += w.length;
      return true;
    }
    return false;
  }

  private object(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail("a property name in double quotes");
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail("':' after the property name");
      this.pos++;
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") this.pos++;
      else if (c === "}") {
        this.pos++;
        return;
      } else this.fail("',' or '}' after a property value");
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ",") this.pos++;
      else if (c === "]") {
        this.pos++;
        return;
      } else this.fail("',' or ']' after an array element");
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail("a closing '\"'");
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        return;
      }
      if (c < 32) this.fail("no control character inside a string (write \\n, \\t…)");
      if (c === 92) {
        const e = this.text[this.pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos += 2;
            this.fail("four hexadecimal digits after \\u");
          }
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else {
          this.pos++;
          this.fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u');
        }
      } else this.pos++;
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m || m[0] === "-") this.fail("a number");
    this.pos += m[0].length;
  }
}
