/**
 * Money rule 3: integers in minor units inside the app, decimal strings on the wire with the
 * currency's own number of decimals (OQ-9). Exponents follow ISO 4217; Intl knows them too, but
 * the main process must not depend on the ICU data a given Electron build ships.
 */
const EXPONENTS: Record<string, number> = {
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
};

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** A new register's currency until Settings say otherwise; the renderer shows amounts in it until the settings arrive. */
export const DEFAULT_CURRENCY = 'EUR';

/** Largest amount we let a cashier type, in minor units: well inside Number's exact range. */
export const MAX_MINOR_UNITS = 1_000_000_000_00;

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** 9999 minor units of USD → "99.99"; 500 JPY → "500"; 1234 KWD → "1.234". */
export function toWireAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`amount must be a non-negative integer of minor units, got ${minor}`);
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const digits = String(minor).padStart(exp + 1, '0');
  return `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * Parses a wire amount ("99.99", "99.9", 99.99, "100") into minor units. Returns undefined for
 * anything that is not a plain non-negative decimal with at most the currency's decimals.
 */
export function fromWireAmount(amount: string | number, currency: string): number | undefined {
  const exp = currencyExponent(currency);
  const text = typeof amount === 'number' ? amount.toFixed(exp) : amount.trim();
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const frac = match[2] ?? '';
  if (frac.length > exp) return undefined;
  const minor = Number(match[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}
