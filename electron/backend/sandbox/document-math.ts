// Amounts of document lines and document totals, as Business Central computes them: line amount
// after the line discount, tax per line, and the invoice discount taken off the total.
import { badParameter } from "./errors";
import type { SandboxRecord } from "./types";

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** The line with its computed amounts. */
export function computeLine(line: SandboxRecord): SandboxRecord {
  const price = num(line.unitPrice ?? line.directUnitCost);
  const excl = round2(num(line.quantity) * price * (1 - num(line.discountPercent) / 100));
  const tax = round2((excl * num(line.taxPercent)) / 100);
  return { ...line, amountExcludingTax: excl, totalTaxAmount: tax, amountIncludingTax: round2(excl + tax) };
}

/** What the lines add up to before tax and before the invoice discount. */
function linesAmount(lines: readonly SandboxRecord[]): number {
  return lines.reduce((sum, line) => sum + num(line.amountExcludingTax), 0);
}

/** The document's total fields from its lines and its invoice discount. */
export function documentTotals(
  document: SandboxRecord,
  lines: readonly SandboxRecord[],
): { totalAmountExcludingTax: number; totalTaxAmount: number; totalAmountIncludingTax: number } {
  const linesExcl = linesAmount(lines);
  const linesTax = lines.reduce((sum, line) => sum + num(line.totalTaxAmount), 0);
  const excl = round2(Math.max(0, linesExcl - num(document.discountAmount)));
  const tax = linesExcl > 0 ? round2((linesTax * excl) / linesExcl) : 0;
  return { totalAmountExcludingTax: excl, totalTaxAmount: tax, totalAmountIncludingTax: round2(excl + tax) };
}

/**
 * An invoice discount is an amount off the lines' total, so it lies between zero and that total;
 * Business Central refuses others rather than let the total go to zero unseen.
 */
export function checkInvoiceDiscount(
  document: SandboxRecord,
  lines: readonly SandboxRecord[],
  prefix = "",
): void {
  const discount = num(document.discountAmount);
  if (discount < 0) throw badParameter(`${prefix}discountAmount`, "must not be negative.");
  const linesExcl = round2(linesAmount(lines));
  if (discount > linesExcl)
    throw badParameter(
      `${prefix}discountAmount`,
      `${discount.toFixed(2)} is more than the lines' amount, ${linesExcl.toFixed(2)}.`,
    );
}
