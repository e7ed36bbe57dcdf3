import { describe, expect, it } from 'vitest';
import { ErrorAttributor } from './error-attribution';

describe('error-frame attribution (§10.1)', () => {
  it('gives a terminal error to the oldest payment still inside the window', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'getTerminals', sentAt: 0 });
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 100 });
    a.sent({ kind: 'payment', transactionId: 'p2', terminalId: 'T2', sentAt: 200 });
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 500)).toMatchObject({ to: 'payment', transactionId: 'p1' });
    expect(a.attribute({ error: 'Forbidden', message: 'Cannot send message to connection in different group' }, 600)).toMatchObject({ to: 'payment', transactionId: 'p2' });
    expect(a.attribute({ error: 'Bad Request', message: 'Something odd' }, 700)).toMatchObject({ to: 'getTerminals' });
  });

  it('after the window a payment counts as delivered and an error cannot be pinned on it', () => {
    const a = new ErrorAttributor(3_000);
    a.sent({ kind: 'payment', transactionId: 'p1', terminalId: 'T1', sentAt: 0 });
    expect(a.expire(3_000)).toEqual(['p1']);
    expect(a.attribute({ error: 'Not Found', message: 'Terminal connection not found' }, 3_001)).toMatchObject({ to: 'none' });
  });
});
