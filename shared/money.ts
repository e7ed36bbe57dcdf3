import { msg, type Msg } from './i18n/message';

/**
 * Money rule 3: integers in minor units inside the app, decimal strings on the wire with the
 * currency's own number of decimals (OQ-9). Exponents follow ISO 4217; Intl knows them too, but
 * the main process must not depend on the ICU data a given Electron build ships.
 */
const EXPONENTS: Record<string, number> = {
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  CLF: 4,
  UYW: 4,
};

/** ISO 4217 codes whose minor unit is "N.A.": funds, metals and test codes, not money a customer pays with. */
const NOT_PAYABLE = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

let knownCurrencies: Set<string> | undefined;

/**
 * Why `code` cannot be the till's currency, or undefined when it can: three capital letters, an
 * ISO 4217 code the runtime knows (`Intl.supportedValuesOf`), and one a customer pays in. The
 * number of decimals still comes from EXPONENTS, not from the runtime (see above).
 */
/** What is wrong with a currency code, as a code (issue 16; the words are in the services catalogue). */
export function currencyProblem(code: string): Msg | undefined {
  if (!CURRENCY_PATTERN.test(code)) return msg('services.settings.currency_pattern');
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!knownCurrencies.has(code)) return msg('services.settings.currency_unknown', { code });
  if (NOT_PAYABLE.has(code)) return msg('services.settings.currency_not_payable', { code });
  return undefined;
}

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

/** What digits without a decimal separator mean: 2450 → 24.50 (cash register) or 2450.00 (whole units). */
export type DigitsOnlyEntry = 'cash-register' | 'whole-units';
export const DIGITS_ONLY_ENTRIES: readonly DigitsOnlyEntry[] = ['cash-register', 'whole-units'];

/** A refusal is a code (`common.amount.*`): the screen words it in the till's language. */
export type TypedAmount = { ok: true; minor: number } | { ok: false; msg: Msg };

/**
 * Reads an amount as a cashier types it (till: amounts as typed): "24.5" and "24,50" are decimal
 * amounts (a point or a comma, at most the currency's own number of decimals); digits alone are
 * read as `digitsOnly` says. Spaces around it are ignored; anything else is refused with a
 * sentence the cashier can act on, never guessed (a thousands separator could be a decimal one).
 */
export function parseTypedAmount(text: string, currency: string, digitsOnly: DigitsOnlyEntry): TypedAmount {
  const typed = text.trim();
  if (typed === '') return { ok: true, minor: 0 };
  if (!/^[\d.,]+$/.test(typed)) return { ok: false, msg: msg('common.amount.digits') };
  const parts = typed.split(/[.,]/);
  if (parts.length > 2) return { ok: false, msg: msg('common.amount.oneSeparator') };
  const exp = currencyExponent(currency);
  const [whole = '', fraction] = parts;
  let minor: number;
  if (fraction === undefined) {
    minor = Number(whole) * (digitsOnly === 'whole-units' ? 10 ** exp : 1);
  } else {
    if (exp === 0 && fraction !== '') return { ok: false, msg: msg('common.amount.noDecimals', { currency }) };
    if (fraction.length > exp) return { ok: false, msg: msg('common.amount.tooManyDecimals', { currency, max: exp, typed, count: fraction.length }) };
    minor = Number(whole || '0') * 10 ** exp + Number(fraction.padEnd(exp, '0') || '0');
  }
  if (!(minor <= MAX_MINOR_UNITS)) return { ok: false, msg: msg('common.amount.tooLarge') };
  return { ok: true, minor };
}

/** The text that `parseTypedAmount` reads back as `minor` in either digits-only mode ("24.50"; 0 → ""). */
export function typedAmountText(minor: number, currency: string): string {
  return minor === 0 ? '' : toWireAmount(minor, currency);
}
