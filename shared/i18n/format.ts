import { currencyExponent } from '../money';

/**
 * Numbers, money, dates and times in one locale, for the screens and the receipts alike. One
 * numbering system per locale (issue 16: Arabic-Indic digits in times next to Latin digits in
 * money was a bug): the number formatter's, given to the date formatters too. A tag may choose
 * one with `-u-nu-` (`ar-KW-u-nu-latn`). The fraction digits come from shared/money (not the ICU
 * build), so what is shown always matches what goes on the wire.
 */
const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function numberingSystem(locale: string): string {
  return cached(`nu|${locale}`, () => new Intl.NumberFormat(locale).resolvedOptions().numberingSystem);
}

function moneyFormatter(locale: string, currency: string): (value: number) => string {
  return cached(`money|${locale}|${currency}`, () => {
    const digits = currencyExponent(currency);
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits, numberingSystem: numberingSystem(locale) };
    try {
      const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
      return (value: number) => nf.format(value);
    } catch {
      // An invalid currency code must not break the screen: a plain number followed by the code.
      const nf = new Intl.NumberFormat(locale, options);
      return (value: number) => `${nf.format(value)} ${currency}`;
    }
  });
}

/** 1234 USD in en-US → "$12.34"; 245000 JPY in ja-JP → "￥2,450"; 24500 KWD in ar-KW → "٢٤٫٥٠٠ د.ك.‏". */
export function formatMoneyIn(locale: string, minor: number, currency: string): string {
  const code = currency.toUpperCase();
  return moneyFormatter(locale, code)(minor / 10 ** currencyExponent(code));
}

/** A plain count or number in the locale's digits. */
export function formatNumberIn(locale: string, value: number): string {
  return cached(`num|${locale}`, () => new Intl.NumberFormat(locale, { numberingSystem: numberingSystem(locale) })).format(value);
}

function dateFormatter(locale: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date|${kind}|${locale}`, () => new Intl.DateTimeFormat(locale, { ...options, numberingSystem: numberingSystem(locale) }));
}

export function formatClockIn(locale: string, epochMs: number): string {
  return dateFormatter(locale, 'clock', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(epochMs);
}

export function formatDateTimeIn(locale: string, epochMs: number): string {
  const options = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
  return dateFormatter(locale, 'datetime', options).format(epochMs);
}

export function formatDateIn(locale: string, epochMs: number): string {
  return dateFormatter(locale, 'date', { year: 'numeric', month: 'short', day: 'numeric' }).format(epochMs);
}

/** "1:15" in the locale's digits; negative durations count as zero. */
export function formatDurationIn(locale: string, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const two = cached(
    `dur|${locale}`,
    () => new Intl.NumberFormat(locale, { numberingSystem: numberingSystem(locale), minimumIntegerDigits: 2, useGrouping: false }),
  );
  return `${formatNumberIn(locale, Math.floor(total / 60))}:${two.format(Number(seconds))}`;
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Keeps an amount, id or name in its own direction inside text of the other direction (Unicode
 * first-strong isolate): "24.500 د.ك." inside an English line, "TERM-001" inside Arabic. Plain
 * text only (receipts, CSV, titles); the screens use <bdi>.
 */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/**
 * Amounts in several currencies as one phrase, each isolated so the visual order is the logical
 * one in right-to-left text too (issue 16: "2,450 + € 269.50 JP¥ + …" read backwards).
 */
export function formatMoneyListIn(locale: string, amounts: { minor: number; currency: string }[]): string {
  const list = cached(`list|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'short' }));
  return list.format(amounts.map((a) => isolate(formatMoneyIn(locale, a.minor, a.currency))));
}

/** Zeros of the digit sets a till's keyboard or IME may type: Arabic-Indic, Eastern Arabic-Indic (Persian), Devanagari, Bengali, Thai, full-width. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];

/** Local digits (Arabic-Indic ٢, Persian ۲, full-width ２…) → ASCII, for typed amounts and PINs. */
export function toAsciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? d : String(code - zero);
  });
}
