import type { CatalogItem } from '../../../shared/basket';
import { currencyExponent, MAX_MINOR_UNITS } from '../../../shared/money';

/** A catalogue entry as read from the file, before checking: every value as text (or a JSON number). */
export type RawItem = Partial<Record<'barcode' | 'name' | 'price' | 'sku' | 'category' | 'brand' | 'taxRate', string | number>>;

export const NAME_MAX = 120;
export const CODE_MAX = 64;

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value).trim());

const PRICE = /^(\d{1,15})(?:\.(\d+))?$/;
const RATE = /^(\d{1,3}(?:\.\d+)?)\s*%?$/;

/** One regular expression per price: a 50,000-line catalogue is read in well under a second. */
function checkPrice(raw: string, currency: string): number | string {
  if (raw === '') return 'it has no price';
  const match = PRICE.exec(raw);
  if (!match) return raw.startsWith('-') ? `the price ${raw} is negative` : `the price "${raw}" is not an amount like 2.50`;
  const exp = currencyExponent(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > exp) return exp === 0 ? `${currency} prices have no decimals ("${raw}")` : `${currency} prices have at most ${exp} decimals ("${raw}")`;
  const minor = Number(match[1]) * 10 ** exp + (fraction === '' ? 0 : Number(fraction.padEnd(exp, '0')));
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_UNITS) return `the price ${raw} is too large for one item`;
  return minor;
}

function checkTaxRate(raw: string): number | undefined | string {
  if (raw === '') return undefined;
  const match = RATE.exec(raw);
  if (!match) return `the tax rate "${raw}" is not a percentage like 20 or 7.5`;
  const rate = Number(match[1]);
  if (rate > 100) return `the tax rate ${raw} must be between 0 and 100`;
  return rate;
}

function checkOptional(field: string, raw: string): string | undefined {
  return raw.length > CODE_MAX ? `the ${field} is longer than ${CODE_MAX} characters` : undefined;
}

const OPTIONAL_FIELDS = ['sku', 'category', 'brand'] as const;

/** One entry checked: the item, or what is wrong with it in words store IT can act on. */
export function checkItem(raw: RawItem, currency: string): CatalogItem | string {
  const barcode = text(raw.barcode);
  const name = text(raw.name);
  if (barcode === '') return 'it has no barcode';
  if (/\s/.test(barcode)) return `the barcode "${barcode}" has spaces in it`;
  if (barcode.length > CODE_MAX) return `the barcode is longer than ${CODE_MAX} characters`;
  if (name === '') return 'it has no name';
  if (name.length > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  const price = checkPrice(text(raw.price), currency);
  if (typeof price === 'string') return price;
  const taxRate = checkTaxRate(text(raw.taxRate));
  if (typeof taxRate === 'string') return taxRate;
  const item: CatalogItem = { barcode, name, priceMinor: price };
  for (const field of OPTIONAL_FIELDS) {
    const value = text(raw[field]);
    const problem = checkOptional(field, value);
    if (problem) return problem;
    if (value !== '') item[field] = value;
  }
  if (taxRate !== undefined) item.taxRate = taxRate;
  return item;
}
