import { describe, expect, it } from 'vitest';
import { formatClockIn, formatDurationIn, formatMoneyIn, formatMoneyListIn, formatNumberIn, isolate, toAsciiDigits } from './format';

const FSI = '\u2068';
const PDI = '\u2069';
const ARABIC_INDIC = /[\u0660-\u0669]/;
const LATIN_DIGIT = /[0-9]/;
const AT = Date.UTC(2026, 0, 2, 13, 4, 5);

/** The visible text without bidi marks (RLM, isolates) and with no-break spaces as spaces. */
const plain = (text: string) => text.replace(/[\u200e\u200f\u2066-\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ');

describe('money in the locale', () => {
  it('ja-JP yen has no decimals: "￥2,450"', () => {
    expect(formatMoneyIn('ja-JP', 2450, 'JPY')).toBe('￥2,450');
  });

  it('de-DE euros: "24,50 €"', () => {
    expect(plain(formatMoneyIn('de-DE', 2450, 'EUR'))).toBe('24,50 €');
  });

  it('KWD has three decimals in any locale', () => {
    expect(plain(formatMoneyIn('en-US', 24500, 'KWD'))).toBe('KWD 24.500');
    expect(plain(formatMoneyIn('ar-KW-u-nu-latn', 24500, 'KWD'))).toBe('24.500 د.ك.');
  });

  it('an unknown currency code still shows the amount, followed by the code', () => {
    expect(plain(formatMoneyIn('de-DE', 100, 'ZZZ1'))).toBe('1,00 ZZZ1');
  });
});

describe('one numbering system per locale (money and times alike)', () => {
  it('ar-KW: money AND time in Arabic-Indic digits, no Latin digit in either', () => {
    const money = formatMoneyIn('ar-KW', 24500, 'KWD');
    const clock = formatClockIn('ar-KW', AT);
    expect(plain(money)).toBe('٢٤٫٥٠٠ د.ك.');
    for (const text of [money, clock, formatNumberIn('ar-KW', 1234), formatDurationIn('ar-KW', 75_000)]) {
      expect(text).toMatch(ARABIC_INDIC);
      expect(text).not.toMatch(LATIN_DIGIT);
    }
    expect(formatDurationIn('ar-KW', 75_000)).toBe('١:١٥');
  });

  it('ar-KW-u-nu-latn: money AND time in Latin digits', () => {
    const money = formatMoneyIn('ar-KW-u-nu-latn', 24500, 'KWD');
    const clock = formatClockIn('ar-KW-u-nu-latn', AT);
    for (const text of [money, clock]) {
      expect(text).toMatch(LATIN_DIGIT);
      expect(text).not.toMatch(ARABIC_INDIC);
    }
  });

  it('a duration counts negative time as zero', () => {
    expect(formatDurationIn('en-US', -5_000)).toBe('0:00');
    expect(formatDurationIn('de-DE', 125_000)).toBe('2:05');
  });
});

describe('mixed-currency totals', () => {
  const amounts = [
    { minor: 2450, currency: 'JPY' },
    { minor: 26950, currency: 'EUR' },
    { minor: 24500, currency: 'KWD' },
  ];

  it('ar-KW keeps the logical order, each amount isolated whole (issue 16: "2,450 + € 269.50 JP¥ + …")', () => {
    const list = formatMoneyListIn('ar-KW', amounts);
    const isolated = [...list.matchAll(/\u2068([^\u2069]*)\u2069/g)].map((m) => m[1]);
    expect(isolated).toEqual(amounts.map((a) => formatMoneyIn('ar-KW', a.minor, a.currency)));
    // Nothing of an amount is outside its isolate: what is left between them is the list's own words.
    const between = list.replace(/\u2068[^\u2069]*\u2069/g, '|');
    expect(between).not.toMatch(/[\u0660-\u0669\d€¥]|د\.ك/);
    expect(between.split('|')).toHaveLength(4);
  });

  it('English lists them with the same isolates', () => {
    expect(plain(formatMoneyListIn('en-US', amounts.slice(0, 2)))).toBe('¥2,450, €269.50');
    expect(formatMoneyListIn('en-US', amounts.slice(0, 1))).toBe(`${FSI}¥2,450${PDI}`);
  });
});

describe('isolate and toAsciiDigits', () => {
  it('isolate wraps text in first-strong isolate marks', () => {
    expect(isolate('TERM-001')).toBe(`${FSI}TERM-001${PDI}`);
  });

  it('typed Arabic-Indic, Persian and full-width digits become ASCII; other text stays', () => {
    expect(toAsciiDigits('٢٤٫٥٠٠')).toBe('24٫500');
    expect(toAsciiDigits('۱۲۳')).toBe('123');
    expect(toAsciiDigits('１２５０')).toBe('1250');
    expect(toAsciiDigits('PIN ٠٩ ok 7')).toBe('PIN 09 ok 7');
  });
});
