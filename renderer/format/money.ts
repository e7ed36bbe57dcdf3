import { formatMoneyIn, toAsciiDigits } from '../../shared/i18n/format';
import { MAX_MINOR_UNITS } from '../../shared/money';
import { activeLocale } from '../i18n/active-locale';

/**
 * Money in the renderer: integers of minor units, shown in the window's locale (shared/i18n/format:
 * the locale's symbol, grouping and digits; the currency's own decimals from shared/money).
 */
/** 1234 USD → "$12.34"; 500 JPY → "¥500"; 1234 KWD → "KWD 1.234" (locale dependent). */
export function formatMoney(minor: number, currency: string): string {
  return formatMoneyIn(activeLocale().locale, minor, currency);
}

/**
 * Cash-register entry: every digit typed shifts into the minor units (typing 1,2,3,4 in USD
 * gives 12.34). Reads the digits out of whatever the input now holds, so typing, pasting and
 * Backspace on the formatted text all work the same way.
 */
export function minorFromTypedText(text: string): number {
  const digits = toAsciiDigits(text).replace(/\D/g, '').replace(/^0+/, '');
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
