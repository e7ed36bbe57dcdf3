import { afterEach, describe, expect, it } from 'vitest';
import { removeRecoveryDirs, setupRecovery } from '../testing/recovery-fixture';
import { paymentView } from '../testing/payment-view';
import { dayKey } from '../journal/journal';
import { deriveOrder, OrderBook } from './order-book';

/**
 * The order references a cashier reads aloud ("R1-0042") and an order's standing (not paid,
 * paid, paid more than once), on the real ledger and journal (os.tmpdir()) and a FakeClock.
 */
afterEach(removeRecoveryDirs);

const DAY = 86_400_000;

function setup(code = 'R1') {
  const t = setupRecovery();
  const register = { code };
  const orders = new OrderBook(t.ledger, t.clock, () => register.code);
  let n = 0;
  /** A card payment for `orderRef` on its own terminal; `approved` settles it as SUCCESS. */
  const attempt = (orderRef: string, outcome?: 'SUCCESS' | 'FAILED') => {
    const id = `tx-${++n}`;
    const p = t.ledger.begin({ transactionId: id, orderRef, terminalId: `T${n}`, amountMinor: 100 * n, currency: 'USD', paymentMethod: 'CARD' });
    orders.noteAttempt(p);
    if (outcome) t.ledger.apply(id, { type: 'result', via: 'push', response: { transactionId: id, status: outcome } });
    return id;
  };
  return { ...t, orders, register, attempt };
}

describe('the next order reference', () => {
  it('is the register code and a four-digit counter, continuing after the highest one used today', () => {
    const t = setup();
    expect(t.orders.nextOrderRef()).toBe('R1-0001');
    t.attempt('R1-0041');
    t.attempt('R1-0007');
    expect(t.orders.nextOrderRef()).toBe('R1-0042');
  });

  it('counts per register code: a renamed register starts again, longer codes and counters included', () => {
    const t = setup('TILL0007');
    t.attempt('R1-0009');
    t.attempt('TILL0007-123456789');
    expect(t.orders.nextOrderRef()).toBe('TILL0007-123456790');
    t.register.code = 'R2';
    expect(t.orders.nextOrderRef()).toBe('R2-0001');
  });

  it('an empty register code falls back to R1', () => {
    const t = setup('');
    expect(t.orders.nextOrderRef()).toBe('R1-0001');
  });

  it('references the cashier typed do not move the counter, even when they contain a generated one', () => {
    const t = setup('POS');
    for (const typed of ['X-POS-0009', 'POS-0009b', 'POS-', 'POS-12a4', 'PO S-0003', 'POS-1234567890']) t.attempt(typed);
    expect(t.orders.nextOrderRef()).toBe('POS-0001');
  });

  it('starts again at 0001 on the next day', () => {
    const t = setup();
    t.attempt('R1-0042', 'SUCCESS');
    t.clock.advance(DAY);
    expect(t.orders.nextOrderRef()).toBe('R1-0001');
  });
});

describe("an order's standing", () => {
  it('only approvals count: not paid, paid, then paid more than once, oldest approval first', () => {
    const t = setup();
    t.attempt('A-1', 'FAILED');
    expect(t.orders.view('A-1')).toEqual({ orderRef: 'A-1', status: 'not_paid', approvals: [] });
    const first = t.attempt('A-1', 'SUCCESS');
    t.attempt('B-1', 'SUCCESS');
    expect(t.orders.view('A-1')).toMatchObject({ status: 'paid', approvals: [{ transactionId: first, terminalId: 'T2', amountMinor: 200, currency: 'USD' }] });
    t.clock.advance(1_000);
    const second = t.attempt('A-1', 'SUCCESS');
    expect(t.orders.view('A-1').status).toBe('paid_more_than_once');
    expect(t.orders.view('A-1').approvals.map((a) => a.transactionId)).toEqual([first, second]);
  });

  it('deriveOrder sorts by approval time and leaves out other orders and other days', () => {
    const today = dayKey(Date.UTC(2026, 0, 15, 12));
    const at = (h: number) => Date.UTC(2026, 0, 15, h);
    const attempts = [
      paymentView({ transactionId: 'late', orderRef: 'A', createdAt: at(11), updatedAt: at(11) }),
      paymentView({ transactionId: 'early', orderRef: 'A', createdAt: at(10), updatedAt: at(10) }),
      paymentView({ transactionId: 'other-order', orderRef: 'B', createdAt: at(10) }),
      paymentView({ transactionId: 'yesterday', orderRef: 'A', createdAt: at(10) - DAY }),
      paymentView({ transactionId: 'declined', orderRef: 'A', state: 'declined', createdAt: at(10) }),
    ];
    const order = deriveOrder('A', attempts, today);
    expect(order.approvals.map((a) => a.transactionId)).toEqual(['early', 'late']);
    expect(order.status).toBe('paid_more_than_once');
    expect(deriveOrder('B', attempts.slice(2), today).status).toBe('paid');
  });

  it("the day's orders: each once, in the order of its first attempt, none from yesterday", () => {
    const t = setup();
    t.attempt('OLD-1');
    t.clock.advance(DAY);
    t.attempt('B-1', 'FAILED');
    t.attempt('A-1', 'SUCCESS');
    t.attempt('B-1', 'SUCCESS');
    expect(t.ledger.list().map((p) => p.orderRef)).toContain('OLD-1');
    expect(t.orders.all()).toEqual([
      { orderRef: 'B-1', status: 'paid', approvals: [expect.objectContaining({ terminalId: 'T4' })] },
      { orderRef: 'A-1', status: 'paid', approvals: [expect.objectContaining({ terminalId: 'T3' })] },
    ]);
  });

  it('a confirmed second payment is not refused; an unpaid order never is', () => {
    const t = setup();
    t.attempt('A-1', 'SUCCESS');
    expect(t.orders.refusal('A-1', true, (id) => id)).toBeUndefined();
    expect(t.orders.refusal('A-2', false, (id) => id)).toBeUndefined();
    expect(t.orders.refusal('A-1', false, (id) => `Lane ${id}`)?.message).toMatch(/^Order A-1 was already paid 1\.00 USD at \d\d:\d\d on Lane T1\./);
  });
});
