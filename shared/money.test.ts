import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, currencyProblem, fromWireAmount, parseTypedAmount, toWireAmount, type DigitsOnlyEntry } from './money';
import { english } from '../electron/core/i18n/english';

describe('money: minor units <-> wire strings (rule 3)', () => {
  it("uses each currency's own number of decimals", () => {
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

describe('amounts as cashiers type them (till: amounts as typed)', () => {
  const cents = (text: string, currency = 'EUR', digitsOnly: DigitsOnlyEntry = 'cash-register') => parseTypedAmount(text, currency, digitsOnly);

  it("reads a decimal point or a decimal comma as the decimals, in the currency's own number of decimals", () => {
    expect(cents('24.5')).toEqual({ ok: true, minor: 2450 });
    expect(cents('24,50')).toEqual({ ok: true, minor: 2450 });
    expect(cents('24.')).toEqual({ ok: true, minor: 2400 });
    expect(cents(',5')).toEqual({ ok: true, minor: 50 });
    expect(cents(' 24.50 ')).toEqual({ ok: true, minor: 2450 });
    expect(cents('1,234', 'KWD')).toEqual({ ok: true, minor: 1234 });
    expect(cents('1.2', 'KWD')).toEqual({ ok: true, minor: 1200 });
  });

  it('digits only: cash-register style by default (2450 → 24.50), whole units when the setting says so', () => {
    expect(cents('2450')).toEqual({ ok: true, minor: 2450 });
    expect(cents('2450', 'EUR', 'whole-units')).toEqual({ ok: true, minor: 245000 });
    expect(cents('1234', 'KWD')).toEqual({ ok: true, minor: 1234 });
    expect(cents('1234', 'KWD', 'whole-units')).toEqual({ ok: true, minor: 1234000 });
    expect(cents('500', 'JPY')).toEqual({ ok: true, minor: 500 });
    expect(cents('500', 'JPY', 'whole-units')).toEqual({ ok: true, minor: 500 });
    expect(cents('')).toEqual({ ok: true, minor: 0 });
  });

  it('refuses too many decimals, decimals in a currency without them, and anything that is not an amount, saying why', () => {
    // The refusal is a code with its values; its English (from the catalogue) is what the cashier reads in English.
    expect(parseTypedAmount('24.505', 'EUR', 'cash-register')).toEqual({
      ok: false,
      msg: { key: 'common.amount.tooManyDecimals', values: { currency: 'EUR', max: 2, typed: '24.505', count: 3 } },
    });
    const said = (text: string, currency = 'EUR', digitsOnly: DigitsOnlyEntry = 'cash-register') => {
      const read = parseTypedAmount(text, currency, digitsOnly);
      return read.ok ? read : { ok: false, message: english(read.msg) };
    };
    expect(said('24.505')).toEqual({ ok: false, message: 'EUR amounts have at most 2 decimals: "24.505" has 3.' });
    expect(said('1.2345', 'KWD')).toEqual({ ok: false, message: 'KWD amounts have at most 3 decimals: "1.2345" has 4.' });
    expect(said('500.5', 'JPY')).toEqual({ ok: false, message: 'JPY amounts have no decimals: type whole amounts, for example 500.' });
    expect(said('1.234,50')).toEqual({ ok: false, message: 'Use one decimal separator (. or ,) and no thousands separators, for example 1234.50.' });
    expect(said('12a')).toEqual({ ok: false, message: 'Type the amount in digits, for example 24.50 or 24,50.' });
    expect(said('-5')).toEqual({ ok: false, message: 'Type the amount in digits, for example 24.50 or 24,50.' });
    expect(said('1000000000000')).toEqual({ ok: false, message: 'That is more than a till may take in one payment.' });
  });

  it('every amount written with its decimals reads back exactly, in both digits-only modes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_00 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        fc.constantFrom<DigitsOnlyEntry>('cash-register', 'whole-units'),
        (minor, currency, mode) => {
          expect(parseTypedAmount(toWireAmount(minor, currency).replace('.', ','), currency, mode)).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});

describe('the till currency (till: a valid currency)', () => {
  it('accepts ISO 4217 codes the runtime knows and refuses the rest with a clear message', () => {
    expect(currencyProblem('EUR')).toBeUndefined();
    expect(currencyProblem('JPY')).toBeUndefined();
    expect(currencyProblem('KWD')).toBeUndefined();
    expect(currencyProblem('XYZ')).toEqual({ key: 'services.settings.currency_unknown', values: { code: 'XYZ' } });
    expect(currencyProblem('eur')).toEqual({ key: 'services.settings.currency_pattern' });
    expect(currencyProblem('XDR')).toEqual({ key: 'services.settings.currency_not_payable', values: { code: 'XDR' } });
  });
});
