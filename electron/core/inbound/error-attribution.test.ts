import { describe, expect, it } from 'vitest';
import { ErrorAttributor } from './error-attribution';

describe('error-frame attribution (§10.1)', () => {
  it('gives a terminal error to the one payment inside the window, other errors to getTerminals', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 100 });
    expect(a.hasPaymentInWindow(500)).toBe(true);
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 500)).toMatchObject({ to: 'payment', transactionId: 'p1' });
    expect(a.hasPaymentInWindow(600)).toBe(false);
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 700)).toMatchObject({ to: 'getTerminals' });
  });

  it('never guesses between two payments: the error is ambiguous for both (chaos seed 4)', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 100 });
    a.sent({ kind: 'payment', transactionId: 'p2', terminalId: 'T2', sentAt: 200 });
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 500)).toEqual({
      to: 'ambiguous',
      transactionIds: ['p1', 'p2'],
      title: 'Not Found',
      message: 'Terminal connection not found',
    });
    // Both are out of the queue now: a second error cannot be pinned on either.
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 600)).toMatchObject({ to: 'none' });
  });

  it('a generic error ("Invalid JSON") with a payment and a getTerminals outstanding is ambiguous too', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 100 });
    expect(a.attribute({ error: 'Bad Request', message: 'Invalid JSON' }, 500)).toMatchObject({ to: 'ambiguous', transactionIds: ['p1'] });
  });

  it('after the window a payment counts as delivered and an error cannot be pinned on it', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
    expect(a.expire(3_000)).toEqual(['p1']);
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 3_001)).toMatchObject({ to: 'none' });
  });
});
