import type { CatalogItem } from '../../../shared/basket';
import { msg, type Msg } from '../../../shared/i18n/message';
import { currencyExponent, MAX_MINOR_UNITS } from '../../../shared/money';

/** A catalogue entry as read from the file, before checking: every value as text (or a JSON number). */
export type RawItem = Partial<Record<'barcode' | 'name' | 'price' | 'sku' | 'category' | 'brand' | 'taxRate', string | number>>;

export const NAME_MAX = 120;
export const CODE_MAX = 64;

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value).trim());

const PRICE = /^(\d{1,15})(?:\.(\d+))?$/;
const RATE = /^(\d{1,3}(?:\.\d+)?)\s*%?$/;

/** One regular expression per price: a 50,000-line catalogue is read in well under a second. */
function checkPrice(raw: string, currency: string): number | Msg {
  if (raw === '') return msg('services.catalog.skip.no_price');
  const match = PRICE.exec(raw);
  if (!match) return msg(raw.startsWith('-') ? 'services.catalog.skip.price_negative' : 'services.catalog.skip.price_invalid', { raw });
  const exp = currencyExponent(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > exp)
    return exp === 0
      ? msg('services.catalog.skip.price_no_decimals', { currency, raw })
      : msg('services.catalog.skip.price_decimals', { currency, max: exp, raw });
  const minor = Number(match[1]) * 10 ** exp + (fraction === '' ? 0 : Number(fraction.padEnd(exp, '0')));
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_UNITS) return msg('services.catalog.skip.price_large', { raw });
  return minor;
}

function checkTaxRate(raw: string): number | undefined | Msg {
  if (raw === '') return undefined;
  const match = RATE.exec(raw);
  if (!match) return msg('services.catalog.skip.tax_invalid', { raw });
  const rate = Number(match[1]);
  if (rate > 100) return msg('services.catalog.skip.tax_range', { raw });
  return rate;
}

function checkOptional(field: string, raw: string): Msg | undefined {
  return raw.length > CODE_MAX ? msg('services.catalog.skip.optional_long', { field, max: CODE_MAX }) : undefined;
}

const OPTIONAL_FIELDS = ['sku', 'category', 'brand'] as const;

/** A problem, not an item. */
export const isProblem = (checked: CatalogItem | Msg): checked is Msg => 'key' in checked;

/** One entry checked: the item, or why it is skipped (a code store IT reads in the till's language). */
export function checkItem(raw: RawItem, currency: string): CatalogItem | Msg {
  const barcode = text(raw.barcode);
  const name = text(raw.name);
  if (barcode === '') return msg('services.catalog.skip.no_barcode');
  if (/\s/.test(barcode)) return msg('services.catalog.skip.barcode_spaces', { barcode });
  if (barcode.length > CODE_MAX) return msg('services.catalog.skip.barcode_long', { max: CODE_MAX });
  if (name === '') return msg('services.catalog.skip.no_name');
  if (name.length > NAME_MAX) return msg('services.catalog.skip.name_long', { max: NAME_MAX });
  const price = checkPrice(text(raw.price), currency);
  if (typeof price !== 'number') return price;
  const taxRate = checkTaxRate(text(raw.taxRate));
  if (typeof taxRate === 'object') return taxRate;
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
