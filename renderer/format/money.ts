import { currencyExponent, MAX_MINOR_UNITS } from '../../shared/money';

/**
 * Money in the renderer: integers of minor units, shown with Intl in the cashier's locale.
 * The fraction digits come from shared/money (not from the ICU build) so what the cashier sees
 * always matches what goes on the wire.
 */
const formatters = new Map<string, (value: number) => string>();

function formatterFor(currency: string): (value: number) => string {
  const key = currency.toUpperCase();
  let format = formatters.get(key);
  if (!format) {
    const digits = currencyExponent(key);
    const fraction = { minimumFractionDigits: digits, maximumFractionDigits: digits, numberingSystem: 'latn' };
    try {
      const nf = new Intl.NumberFormat(undefined, { style: 'currency', currency: key, ...fraction });
      format = (value) => nf.format(value);
    } catch {
      // An invalid currency code must not break the screen: a plain number followed by the code.
      const nf = new Intl.NumberFormat(undefined, fraction);
      format = (value) => `${nf.format(value)} ${key}`;
    }
    formatters.set(key, format);
  }
  return format;
}

/** 1234 USD → "$12.34"; 500 JPY → "¥500"; 1234 KWD → "KWD 1.234" (locale dependent). */
export function formatMoney(minor: number, currency: string): string {
  return formatterFor(currency)(minor / 10 ** currencyExponent(currency));
}

/**
 * Cash-register entry: every digit typed shifts into the minor units (typing 1,2,3,4 in USD
 * gives 12.34). Reads the digits out of whatever the input now holds, so typing, pasting and
 * Backspace on the formatted text all work the same way.
 */
export function minorFromTypedText(text: string): number {
  const digits = text.replace(/\D/g, '').replace(/^0+/, '');
  if (digits === '') return 0;
  const minor = Number(digits);
  return minor > MAX_MINOR_UNITS ? Number(digits.slice(0, -1)) : minor;
}

/** Appends numpad keys ("7", "00") to an amount in minor units, refusing to overflow. */
export function appendDigits(minor: number, keys: string): number {
  const next = Number(`${minor === 0 ? '' : String(minor)}${keys}` || '0');
  return next > MAX_MINOR_UNITS ? minor : next;
}

/** Removes the last typed digit. */
export function removeLastDigit(minor: number): number {
  return Math.floor(minor / 10);
}
