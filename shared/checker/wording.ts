// How findings name things for business users: steps by the name the canvas shows (spaces, not
// underscores) in curly quotes, lists with "and", numbers with thousands separators.
import type { Step } from "./analysis";

/** “Send an email (V2)” for the step named Send_an_email_(V2). */
export function stepLabel(step: Step | string): string {
  const name = typeof step === "string" ? step : step.name;
  return `“${name.replaceAll("_", " ")}”`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** 1,000 — always with a comma, whatever the machine's locale. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
