import { describe, expect, it } from 'vitest';
import { declineAdvice } from './decline';

describe('decline advice', () => {
  it('gives plain words and a next step for known codes, case-insensitively', () => {
    expect(declineAdvice('INSUFFICIENT_FUNDS', 'Insufficient funds').message).toMatch(/not have enough money/);
    expect(declineAdvice('card_expired', undefined).nextStep).toMatch(/different card/);
    expect(declineAdvice('INCORRECT_PIN', 'x').message).toMatch(/PIN/);
    expect(declineAdvice('PICK_UP_CARD', 'x').nextStep).toMatch(/Do not try this card again/);
  });

  it('falls back to the gateway’s message for an unknown code', () => {
    expect(declineAdvice('ZZ_NEW_CODE', 'Issuer says no').message).toBe('Issuer says no');
    expect(declineAdvice(undefined, undefined).message).toBe('The payment was declined.');
  });
});
