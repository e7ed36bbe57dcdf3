import { describe, expect, it } from 'vitest';
import { appendDigits, formatMoney, minorFromTypedText, removeLastDigit } from './money';

// The decimal separator of the test machine's locale, so the assertions hold in any locale.
const dot = (1.5).toLocaleString(undefined, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).replace(/\d/g, '');

describe('money formatting and entry', () => {
  it('formats with the currency’s own decimals (0, 2, 3)', () => {
    expect(formatMoney(500, 'JPY')).toMatch(/500/);
    expect(formatMoney(500, 'JPY')).not.toContain(`${dot}`);
    expect(formatMoney(1234, 'USD')).toContain(`12${dot}34`);
    expect(formatMoney(1234, 'KWD')).toContain(`1${dot}234`);
  });

  it('does not throw on a currency code Intl rejects', () => {
    expect(formatMoney(1234, 'X1Z')).toContain('X1Z');
  });

  it('shifts typed digits into minor units, ignoring everything else', () => {
    expect(minorFromTypedText('$12.345')).toBe(12345);
    expect(minorFromTypedText('$0.05')).toBe(5);
    expect(minorFromTypedText('')).toBe(0);
    expect(appendDigits(0, '0')).toBe(0);
    expect(appendDigits(12, '00')).toBe(1200);
    expect(removeLastDigit(1234)).toBe(123);
  });

  it('refuses to grow past the largest amount a cashier may type', () => {
    const max = 1_000_000_000_00;
    expect(appendDigits(max, '9')).toBe(max);
    expect(minorFromTypedText(`${max}9`)).toBe(max);
  });
});
