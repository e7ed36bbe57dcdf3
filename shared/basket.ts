import { Msg } from './i18n/message';
import { z } from 'zod';
import { MAX_MINOR_UNITS } from './money';

/** Longest basket a till may send: the wire carries 100 lines at most (the rest folds into one summary line). */
export const MAX_BASKET_LINES = 1000;
export const MAX_LINE_QUANTITY = 9999;

/**
 * One line of a sale: a catalogue item (scanned or searched) or a free line the cashier typed.
 * Prices are integer minor units of the store currency, tax included (money rule 3).
 */
export const BasketLine = z.object({
  /** The catalogue item's id (its sku, else its barcode); a free line's is "free-…". */
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  unitPriceMinor: z.number().int().nonnegative().max(MAX_MINOR_UNITS),
  quantity: z.number().int().positive().max(MAX_LINE_QUANTITY),
  barcode: z.string().max(64).optional(),
  sku: z.string().max(64).optional(),
  category: z.string().max(64).optional(),
  brand: z.string().max(64).optional(),
  /** Percent included in the price (20 = 20 % VAT), where the catalogue gives one. */
  taxRate: z.number().min(0).max(100).optional(),
});
export type BasketLine = z.infer<typeof BasketLine>;

export function lineTotalMinor(line: Pick<BasketLine, 'unitPriceMinor' | 'quantity'>): number {
  return line.unitPriceMinor * line.quantity;
}

export function basketTotalMinor(lines: readonly Pick<BasketLine, 'unitPriceMinor' | 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + lineTotalMinor(line), 0);
}

/** The tax inside a tax-included amount, rounded half up to a minor unit: 1200 at 20 % → 200. */
export function includedTaxMinor(grossMinor: number, ratePercent: number): number {
  if (ratePercent <= 0) return 0;
  return Math.round((grossMinor * ratePercent) / (100 + ratePercent));
}

export interface TaxByRate {
  ratePercent: number;
  /** What the lines at this rate cost, tax included. */
  grossMinor: number;
  taxMinor: number;
}

/** Tax per rate, lowest rate first; lines without a rate are left out (the catalogue gave none). */
export function taxByRate(lines: readonly BasketLine[]): TaxByRate[] {
  const gross = new Map<number, number>();
  for (const line of lines) {
    if (line.taxRate === undefined) continue;
    gross.set(line.taxRate, (gross.get(line.taxRate) ?? 0) + lineTotalMinor(line));
  }
  return [...gross.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ratePercent, grossMinor]) => ({ ratePercent, grossMinor, taxMinor: includedTaxMinor(grossMinor, ratePercent) }));
}

export interface ItemSold {
  name: string;
  quantity: number;
  /** What these items brought in, per currency (minor units). */
  byCurrency: Record<string, number>;
}

/** Items sold (sum of quantities) and the best sellers by quantity, for End of day. */
export function itemsSold(sales: readonly { lines?: readonly BasketLine[] | undefined; currency: string }[], top = 5): { count: number; top: ItemSold[] } {
  const byItem = new Map<string, ItemSold>();
  let count = 0;
  for (const sale of sales) {
    for (const line of sale.lines ?? []) {
      count += line.quantity;
      const key = `${line.id}\u0000${line.name}`;
      const entry = byItem.get(key) ?? { name: line.name, quantity: 0, byCurrency: {} };
      entry.quantity += line.quantity;
      entry.byCurrency[sale.currency] = (entry.byCurrency[sale.currency] ?? 0) + lineTotalMinor(line);
      byItem.set(key, entry);
    }
  }
  const sorted = [...byItem.values()].sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
  return { count, top: sorted.slice(0, top) };
}

/** A catalogue item as the till sees it (electron/core/catalog reads the store's file into these). */
export const CatalogItem = z.object({
  barcode: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  priceMinor: z.number().int().nonnegative().max(MAX_MINOR_UNITS),
  sku: z.string().max(64).optional(),
  category: z.string().max(64).optional(),
  brand: z.string().max(64).optional(),
  taxRate: z.number().min(0).max(100).optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/** A catalogue file line that was skipped, and why (shown in Diagnostics). */
/** `message` is English (the log); `msg` the same as a code, worded by the screen. */
export const CatalogProblem = z.object({ line: z.number().int().nonnegative(), message: z.string(), msg: Msg.optional() });
export type CatalogProblem = z.infer<typeof CatalogProblem>;

/** Which catalogue the till uses: none, the store's file or the demo sample; how many items; what was skipped. */
export const CatalogStatus = z.object({
  source: z.enum(['none', 'file', 'demo']),
  path: z.string().optional(),
  items: z.number().int().nonnegative(),
  loadedAt: z.number().optional(),
  /** The file could not be read or parsed at all (the till still takes amount-only sales). */
  error: z.string().optional(),
  errorMsg: Msg.optional(),
  /** CSV problems are numbered by file line, JSON ones by item (1 = the first). */
  unit: z.enum(['line', 'item']).optional(),
  problems: z.array(CatalogProblem),
  /** More problems than are listed (a badly broken file). */
  moreProblems: z.number().int().nonnegative().optional(),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

/** The basket line a catalogue item becomes when scanned or picked (quantity 1). */
export function lineFromItem(item: CatalogItem): BasketLine {
  return {
    id: item.sku || item.barcode,
    name: item.name,
    unitPriceMinor: item.priceMinor,
    quantity: 1,
    barcode: item.barcode,
    ...(item.sku ? { sku: item.sku } : {}),
    ...(item.category ? { category: item.category } : {}),
    ...(item.brand ? { brand: item.brand } : {}),
    ...(item.taxRate !== undefined ? { taxRate: item.taxRate } : {}),
  };
}
