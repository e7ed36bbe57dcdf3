import { basketTotalMinor, MAX_LINE_QUANTITY, type BasketLine } from '../../../../shared/basket';
import type { CheckoutDraft } from '../../../store/ui-slice';

/**
 * The basket's changes as draft patches: the lines and the amount Pay charges move together, so
 * Pay always charges the basket's total (an empty basket leaves an amount-only sale at 0).
 */
export function withLines(lines: BasketLine[]): Partial<CheckoutDraft> {
  return { lines, amountMinor: basketTotalMinor(lines), amountProblem: undefined };
}

/** The same item again (same id and price) adds one to its line; anything else is a new line at the bottom. */
export function addLine(lines: readonly BasketLine[], line: BasketLine): BasketLine[] {
  const at = lines.findIndex((l) => l.id === line.id && l.unitPriceMinor === line.unitPriceMinor && l.name === line.name);
  if (at < 0) return [...lines, line];
  return lines.map((l, i) => (i === at ? { ...l, quantity: Math.min(MAX_LINE_QUANTITY, l.quantity + line.quantity) } : l));
}

/** 0 or less removes the line. */
export function setQuantity(lines: readonly BasketLine[], index: number, quantity: number): BasketLine[] {
  if (!Number.isFinite(quantity) || quantity < 1) return lines.filter((_, i) => i !== index);
  return lines.map((l, i) => (i === index ? { ...l, quantity: Math.min(MAX_LINE_QUANTITY, Math.floor(quantity)) } : l));
}

let freeLines = 0;

/** A line for an item not in the catalogue: the cashier's name and price. */
export function freeLine(name: string, unitPriceMinor: number): BasketLine {
  freeLines += 1;
  return { id: `free-${Date.now().toString(36)}-${freeLines}`, name: name.trim(), unitPriceMinor, quantity: 1 };
}
