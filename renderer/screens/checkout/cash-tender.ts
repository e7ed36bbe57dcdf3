import { currencyExponent } from '../../../shared/money';

/** Banknotes (in whole units) a customer may hand over; the quick buttons round the amount up to them. */
const NOTES = [5, 10, 20, 50, 100];
/** Currencies without decimals (JPY, KRW) have notes of hundreds and thousands, not of fives. */
const NO_DECIMALS_UNIT = 100;

/**
 * The quick tender buttons (till: cash tender): the exact amount, then the amount rounded up to
 * the next 5, 10, 20, 50 and 100 — the notes a customer most likely hands over — at most five,
 * each above the amount and none twice (a round amount gets the next note up).
 */
export function quickTenders(amountMinor: number, currency: string): number[] {
  const exponent = currencyExponent(currency);
  const unit = exponent > 0 ? 10 ** exponent : NO_DECIMALS_UNIT;
  const rounded = NOTES.map((note) => {
    const step = note * unit;
    const up = Math.ceil(amountMinor / step) * step;
    return up > amountMinor ? up : up + step;
  });
  return [amountMinor, ...[...new Set(rounded)].sort((a, b) => a - b)].slice(0, 5);
}
