// Prints a syntax tree back to expression text in a canonical layout (no spaces inside
// brackets, ", " between arguments). For edits that must keep the user's text, use the
// position-based functions of references.ts instead.
import type { Expression } from "./ast";
import type { CompiledTemplate } from "./template";

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The text of an expression, without the leading '@'. */
export function printExpression(node: Expression): string {
  switch (node.kind) {
    case "string":
      return quote(node.value);
    case "number":
      return node.raw;
    case "boolean":
      return node.value ? "true" : "false";
    case "null":
      return "null";
    case "call":
      return `${node.name}(${node.args.map(printExpression).join(", ")})`;
    case "member": {
      const object = printExpression(node.object);
      const q = node.optional ? "?" : "";
      if (node.access === "dot" && node.key.kind === "string" && IDENTIFIER.test(node.key.value)) {
        return `${object}${q}.${node.key.value}`;
      }
      return `${object}${q}[${printExpression(node.key)}]`;
    }
  }
}

/** The string value for a compiled template: "@expr", "text @{expr}", or the literal (escaped). */
export function printTemplate(template: CompiledTemplate): string {
  switch (template.kind) {
    case "literal":
      return template.value.startsWith("@") ? `@${template.value}` : template.value.replace(/@\{/g, "@@{");
    case "expression":
      return `@${printExpression(template.expression)}`;
    case "interpolation": {
      let out = "";
      template.parts.forEach((part, i) => {
        if (part.kind === "expression") out += `@{${printExpression(part.expression)}}`;
        else
          out +=
            i === 0 && part.value.startsWith("@")
              ? part.value.replace(/^@/, "@@")
              : part.value.replace(/@\{/g, "@@{");
      });
      return out;
    }
  }
}
