import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('full-jitter exponential backoff', () => {
  it('lets the first retry land within 250 ms and caps every later one at 30 s', () => {
    expect(backoffCeiling(0, DEFAULT_BACKOFF)).toBe(250);
    expect(backoffCeiling(1, DEFAULT_BACKOFF)).toBe(500);
    expect(backoffCeiling(6, DEFAULT_BACKOFF)).toBe(16_000);
    expect(backoffCeiling(7, DEFAULT_BACKOFF)).toBe(30_000);
    expect(backoffCeiling(5000, DEFAULT_BACKOFF)).toBe(30_000);
  });

  it('spreads delays over the whole window (full jitter)', () => {
    expect(backoffDelay(3, { ...DEFAULT_BACKOFF, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...DEFAULT_BACKOFF, random: () => 0.5 })).toBe(1000);
    expect(backoffDelay(3, { ...DEFAULT_BACKOFF, random: () => 0.999999 })).toBe(1999);
  });

  it('treats a negative attempt as the first, and uses Math.random without an injected one', () => {
    expect(backoffCeiling(-3, DEFAULT_BACKOFF)).toBe(250);
    for (let i = 0; i < 20; i += 1) {
      const d = backoffDelay(0, DEFAULT_BACKOFF);
      expect(Number.isInteger(d) && d >= 0 && d < 250).toBe(true);
    }
  });
});

describe('backoff while this till has work waiting (till: back online at once)', () => {
  it('keeps full jitter but caps every retry at the urgent cap (1 s by default)', () => {
    expect(backoffCeiling(0, DEFAULT_BACKOFF, true)).toBe(250);
    expect(backoffCeiling(2, DEFAULT_BACKOFF, true)).toBe(1_000);
    expect(backoffCeiling(5000, DEFAULT_BACKOFF, true)).toBe(1_000);
    expect(backoffDelay(9, { ...DEFAULT_BACKOFF, random: () => 0.999 }, true)).toBe(999);
    expect(backoffDelay(9, { ...DEFAULT_BACKOFF, random: () => 0.5 }, true)).toBe(500);
    // Never above the normal cap, should a store set that lower still.
    expect(backoffCeiling(9, { ...DEFAULT_BACKOFF, capMs: 600 }, true)).toBe(600);
  });
});
