import { includedTaxMinor, lineTotalMinor, type BasketLine } from '../../../shared/basket';
import { currencyExponent, toWireAmount } from '../../../shared/money';
import type { Product } from '../../../shared/protocol';

/** The protocol's cap on line items (GATEWAY-PROTOCOL OQ-20): beyond it, 99 lines and one summary line. */
export const MAX_WIRE_PRODUCTS = 100;
/** OQ-20's size guidance for one frame; the products give way (fold into the summary) before the frame may pass it. */
export const MAX_FRAME_BYTES = 32 * 1024;
export const SUMMARY_ID = 'SUMMARY';

/** §7.3 Product from a basket line: id, name, unit price as a decimal string, quantity; sku, category, brand and tax where known. */
export function toProduct(line: BasketLine, currency: string): Product {
  const product: Product = { id: line.id, name: line.name, price: toWireAmount(line.unitPriceMinor, currency), quantity: line.quantity };
  if (line.sku) product.sku = line.sku;
  if (line.category) product.category = line.category;
  if (line.brand) product.brand = line.brand;
  // [I] "Tax amount for this item", a number in the vendor's example (2.99): the tax inside this line's total.
  if (line.taxRate !== undefined) product.tax = includedTaxMinor(lineTotalMinor(line), line.taxRate) / 10 ** currencyExponent(currency);
  return product;
}

/** One line standing for the lines that did not fit: their total as its price, quantity 1. */
function summaryOf(lines: readonly BasketLine[], currency: string): Product {
  const total = lines.reduce((sum, line) => sum + lineTotalMinor(line), 0);
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return {
    id: SUMMARY_ID,
    name: `${count} more item${count === 1 ? '' : 's'} (${lines.length} line${lines.length === 1 ? '' : 's'})`,
    price: toWireAmount(total, currency),
    quantity: 1,
  };
}

/**
 * The `products` of a payment frame: every line while there are at most 100; otherwise the first
 * 99 and a summary line. If the frame would still pass the size guidance (long names), more lines
 * fold into the summary. The products' total always equals the basket's total.
 */
export function toWireProducts(lines: readonly BasketLine[], currency: string, frameBytes: (products: Product[]) => number): Product[] {
  let kept = lines.length <= MAX_WIRE_PRODUCTS ? lines.length : MAX_WIRE_PRODUCTS - 1;
  const build = () => {
    const products = lines.slice(0, kept).map((line) => toProduct(line, currency));
    return kept < lines.length ? [...products, summaryOf(lines.slice(kept), currency)] : products;
  };
  let products = build();
  while (kept > 0 && frameBytes(products) > MAX_FRAME_BYTES) {
    kept = Math.max(0, Math.min(kept - 1, Math.floor(kept * 0.9)));
    products = build();
  }
  return products;
}
