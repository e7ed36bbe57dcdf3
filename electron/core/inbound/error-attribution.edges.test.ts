import { describe, expect, it } from 'vitest';
import { ErrorAttributor } from './error-attribution';

/** The edges of §10.1 attribution: the window's boundary, which texts mean "payment", settle/clear. */
const notFound = { error: 'Not Found', message: 'Terminal connection not found' };

describe('error-frame attribution: edges', () => {
  it("the window is half-open: an error at sentAt + window - 1 is the payment's, at sentAt + window it is delivered", () => {
    const a = new ErrorAttributor(300);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 1_000 });
    expect(a.hasPaymentInWindow(1_299)).toBe(true);
    expect(a.expire(1_299)).toEqual([]);
    expect(a.attribute(notFound, 1_299)).toEqual({
      to: 'payment',
      transactionId: 'p1',
      terminalId: 'T1',
      title: 'Not Found',
      message: 'Terminal connection not found',
    });
    const b = new ErrorAttributor(300);
    b.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 1_000 });
    expect(b.hasPaymentInWindow(1_300)).toBe(false);
    expect(b.expire(1_300)).toEqual(['p1']);
    expect(b.expire(1_301)).toEqual([]);
  });

  it('a getTerminals that leaves the window is dropped without being "delivered"', () => {
    const a = new ErrorAttributor(300);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 200 });
    expect(a.expire(400)).toEqual([]);
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 400)).toMatchObject({ to: 'none' });
    expect(a.expire(500)).toEqual(['p1']);
  });

  it('every payment word sends the error to the payment, never to a getTerminals', () => {
    for (const message of [
      'paymentRequest is required',
      'Cannot send message to connection in different group',
      'Payment already in progress',
      'transactionId already used',
      'Invalid amount',
      'Unsupported currency',
      'Terminal connection not found',
    ]) {
      const a = new ErrorAttributor(3_000);
      a.sent({ kind: 'getTerminals', sentAt: 0 });
      a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
      expect(a.attribute({ error: 'Bad Request', message }, 10), message).toMatchObject({ to: 'payment', transactionId: 'p1', message });
      // And the getTerminals still waits for its own answer.
      expect(a.attribute({ error: 'Bad Request', message: 'Rate limited' }, 20), message).toMatchObject({ to: 'getTerminals' });
    }
  });

  it('a payment error with only a getTerminals outstanding belongs to nobody', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    expect(a.attribute(notFound, 10)).toEqual({ to: 'none', title: 'Not Found', message: 'Terminal connection not found' });
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 20)).toEqual({ to: 'getTerminals', title: 'Bad Request', message: 'Something odd' });
  });

  it('generic frame errors (unknown action, too large) fit any command; alone with one payment they are its', () => {
    for (const message of ['Unknown action', 'Message too large', 'Invalid JSON']) {
      const a = new ErrorAttributor(3_000);
      a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
      expect(a.attribute({ error: 'Bad Request', message }, 10), message).toMatchObject({ to: 'payment', transactionId: 'p1' });
      const g = new ErrorAttributor(3_000);
      g.sent({ kind: 'getTerminals', sentAt: 0 });
      expect(g.attribute({ error: 'Bad Request', message }, 10), message).toMatchObject({ to: 'getTerminals' });
    }
  });

  it('the error text may come as the title alone or inside an error object', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
    expect(a.attribute({ error: { code: 'Not Found', message: 'Terminal connection not found' } }, 10)).toMatchObject({
      to: 'payment',
      title: 'Not Found',
      message: 'Terminal connection not found',
    });
  });

  it('a settled payment no longer waits for an error; clear() forgets everything', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p2', terminalId: 'T2', sentAt: 0 });
    a.settle('p1');
    expect(a.attribute(notFound, 10)).toMatchObject({ to: 'payment', transactionId: 'p2' });
    a.sent({ kind: 'payment', transactionId: 'p3', terminalId: 'T3', sentAt: 20 });
    a.sent({ kind: 'getTerminals', sentAt: 20 });
    a.clear();
    expect(a.hasPaymentInWindow(30)).toBe(false);
    expect(a.attribute({ error: 'Bad Request', message: 'Invalid JSON' }, 30)).toMatchObject({ to: 'none' });
  });

  it('two getTerminals outstanding and no payment: an error goes to the older one, nothing is ambiguous', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'getTerminals', sentAt: 5 });
    expect(a.attribute({ error: 'Bad Request', message: 'Invalid JSON' }, 10)).toEqual({ to: 'getTerminals', title: 'Bad Request', message: 'Invalid JSON' });
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 10)).toEqual({ to: 'getTerminals', title: 'Bad Request', message: 'Something odd' });
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 10)).toMatchObject({ to: 'none' });
  });

  it('an ambiguous error takes only the payments out of the queue, not the getTerminals', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
    expect(a.attribute({ error: 'Bad Request', message: 'Invalid JSON' }, 10)).toMatchObject({ to: 'ambiguous', transactionIds: ['p1'] });
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 20)).toMatchObject({ to: 'getTerminals' });
  });
});
