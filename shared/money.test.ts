import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, fromWireAmount, toWireAmount } from './money';

describe('money: minor units <-> wire strings (rule 3)', () => {
  it('uses each currency\'s own number of decimals', () => {
    expect(toWireAmount(9999, 'USD')).toBe('99.99');
    expect(toWireAmount(10000, 'PHP')).toBe('100.00');
    expect(toWireAmount(5, 'EUR')).toBe('0.05');
    expect(toWireAmount(500, 'JPY')).toBe('500');
    expect(toWireAmount(1234, 'KWD')).toBe('1.234');
    expect(currencyExponent('usd')).toBe(2);
  });

  it('refuses fractional, negative or unsafe minor units', () => {
    expect(() => toWireAmount(1.5, 'USD')).toThrow(RangeError);
    expect(() => toWireAmount(-1, 'USD')).toThrow(RangeError);
    expect(() => toWireAmount(Number.MAX_SAFE_INTEGER + 2, 'USD')).toThrow(RangeError);
  });

  it('parses strings and numbers from the wire, and rejects anything else', () => {
    expect(fromWireAmount('99.99', 'USD')).toBe(9999);
    expect(fromWireAmount('99.9', 'USD')).toBe(9990);
    expect(fromWireAmount(99.99, 'USD')).toBe(9999);
    expect(fromWireAmount('100', 'USD')).toBe(10000);
    expect(fromWireAmount('1.999', 'USD')).toBeUndefined();
    expect(fromWireAmount('-1.00', 'USD')).toBeUndefined();
    expect(fromWireAmount('1e3', 'USD')).toBeUndefined();
    expect(fromWireAmount('abc', 'USD')).toBeUndefined();
    expect(fromWireAmount('1.5', 'JPY')).toBeUndefined();
  });

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_00 }), fc.constantFrom('USD', 'JPY', 'KWD', 'PHP'), (minor, currency) => {
        expect(fromWireAmount(toWireAmount(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});
