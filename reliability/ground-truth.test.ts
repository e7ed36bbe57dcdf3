import { describe, expect, it } from 'vitest';
import type { PaymentState } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';
import { hardViolations, judge, lostVoids, misattributedRejections, unexplainedViolations } from './ground-truth';
import { paymentView, simTransaction } from './judge-fixtures';

const pay = (id: string, state: PaymentState, orderRef = `O-${id}`) => paymentView(id, state, { orderRef });
const tx = (id: string, status: SimTransaction['status']) => simTransaction(id, status);

describe('ground truth (the chaos, crash and UI runs judge with this)', () => {
  it('agrees on every documented pair', () => {
    const v = judge({
      payments: [
        pay('a', 'approved'),
        pay('b', 'voided'),
        pay('c', 'declined'),
        pay('d', 'abandoned'),
        pay('e', 'rejected'),
        pay('f', 'cancelled'),
        pay('g', 'rejected'),
        pay('h', 'abandoned'),
      ],
      transactions: [tx('a', 'COMPLETED'), tx('b', 'VOIDED'), tx('c', 'FAILED'), tx('d', 'FAILED'), tx('e', 'FAILED'), tx('f', 'CANCELLED')],
      alertsRaised: new Map([['b', 1]]),
    });
    expect(v).toMatchObject({
      compared: 8,
      agreed: 8,
      mismatches: [],
      unresolved: [],
      doubleCharges: [],
      alertErrors: [],
      orphans: [],
      voided: 1,
      alertsRaised: 1,
    });
    expect(hardViolations(v, 0)).toBe(0);
  });

  it('flags a false approval, a missed approval, a double charge, a void alerted twice or never, an alert for a non-void, an orphan', () => {
    const v = judge({
      payments: [
        pay('a', 'approved'),
        pay('b', 'declined'),
        pay('c', 'approved', 'O-X'),
        pay('d', 'approved', 'O-X'),
        pay('e', 'voided'),
        pay('f', 'approved'),
      ],
      transactions: [
        tx('a', 'FAILED'),
        tx('b', 'COMPLETED'),
        tx('c', 'COMPLETED'),
        tx('d', 'COMPLETED'),
        tx('e', 'VOIDED'),
        tx('f', 'COMPLETED'),
        tx('zz', 'COMPLETED'),
      ],
      alertsRaised: new Map([
        ['e', 2],
        ['f', 1],
      ]),
    });
    expect(v.falseApprovals.map((f) => f.transactionId)).toEqual(['a']);
    expect(v.missedApprovals.map((f) => f.transactionId)).toEqual(['b']);
    expect(v.mismatches.map((f) => f.transactionId)).toEqual(['a', 'b']);
    expect(v.doubleCharges).toEqual([{ orderRef: 'O-X', transactionIds: ['c', 'd'] }]);
    expect(v.alertErrors).toEqual([
      { transactionId: 'e', gateway: 'VOIDED', alerts: 2 },
      { transactionId: 'f', gateway: 'COMPLETED', alerts: 1 },
    ]);
    expect(v.orphans.map((t) => t.transactionId)).toEqual(['zz']);
    expect(hardViolations(v, 1)).toBe(2 + 1 + 2 + 1 + 1);
  });

  it('an unknown or needs-review payment whose outcome the gateway knows is unresolved, not a mismatch', () => {
    const v = judge({
      payments: [pay('a', 'unknown'), pay('b', 'needs_review'), pay('c', 'awaiting_result')],
      transactions: [tx('a', 'COMPLETED'), tx('b', 'COMPLETED'), tx('c', 'PENDING')],
      alertsRaised: new Map(),
    });
    expect(v.unresolved.map((f) => f.transactionId)).toEqual(['a', 'b']);
    expect(v.gatewayUnsettled.map((f) => f.transactionId)).toEqual(['c']);
    expect(v.mismatches).toEqual([]);
  });

  it('known bug 1 signature: "rejected" while the gateway holds the transaction explains exactly its own findings', () => {
    const transactions = [tx('a', 'CANCELLED'), tx('b', 'COMPLETED'), tx('c', 'COMPLETED')];
    const known = misattributedRejections(new Set(['a', 'b', 'never-sent']), transactions);
    expect([...known].sort()).toEqual(['a', 'b']);
    const v = judge({
      payments: [pay('a', 'rejected'), pay('b', 'needs_review', 'O-1'), pay('c', 'approved', 'O-1'), pay('d', 'declined')],
      transactions,
      alertsRaised: new Map(),
    });
    // a: rejected vs CANCELLED; O-1: two COMPLETED; d: declined but the gateway never saw it.
    expect(hardViolations(v, 0)).toBe(3);
    expect(unexplainedViolations(v, 0, known)).toBe(1); // d is not explained by the known bug
  });

  it('known bug 2 signature: voided at the gateway while the app still says not charged', () => {
    const v = judge({
      payments: [pay('a', 'abandoned'), pay('b', 'declined'), pay('c', 'approved')],
      transactions: [tx('a', 'VOIDED'), tx('b', 'VOIDED'), tx('c', 'VOIDED')],
      alertsRaised: new Map(),
    });
    expect([...lostVoids(v)].sort()).toEqual(['a', 'b']);
    expect(v.falseApprovals.map((f) => f.transactionId)).toEqual(['c']); // approved over a void is never "known"
    expect(unexplainedViolations(v, 0, lostVoids(v))).toBe(1);
  });

  it('counts every raise: one alert raised twice fails, a voided payment with no alert fails (found by the test audit)', () => {
    const v = judge({
      payments: [pay('a', 'voided'), pay('b', 'voided'), pay('c', 'needs_review')],
      transactions: [tx('a', 'VOIDED'), tx('b', 'VOIDED'), tx('c', 'VOIDED')],
      alertsRaised: new Map([
        ['a', 2],
        ['c', 2],
      ]),
    });
    expect(v.alertErrors).toEqual([
      { transactionId: 'a', gateway: 'VOIDED', alerts: 2 },
      { transactionId: 'b', gateway: 'VOIDED', alerts: 0 },
      { transactionId: 'c', gateway: 'VOIDED', alerts: 2 },
    ]);
    expect(hardViolations(v, 0)).toBeGreaterThanOrEqual(3);
  });

  it('compares amount and currency with the gateway, not only the status (found by the test audit)', () => {
    const v = judge({
      payments: [pay('a', 'approved'), pay('b', 'approved'), pay('c', 'approved')],
      transactions: [tx('a', 'COMPLETED'), { ...tx('b', 'COMPLETED'), amount: '100.00' }, { ...tx('c', 'COMPLETED'), currency: 'EUR' }],
      alertsRaised: new Map(),
    });
    expect(v.agreed).toBe(3); // the statuses alone agree
    expect(v.amountMismatches.map((f) => [f.transactionId, f.appAmount, f.gatewayAmount])).toEqual([
      ['b', '100 minor USD', '100.00 USD'],
      ['c', '100 minor USD', '1.00 EUR'],
    ]);
    expect(hardViolations(v, 0)).toBe(2);
    expect(unexplainedViolations(v, 0, new Set(['b', 'c']))).toBe(2); // no known bug explains a wrong amount
  });

  it('a payment settled by the lookup is also judged by what the cashier was first shown (found by the test audit)', () => {
    const settledByLookup = (id: string, state: PaymentState) => ({ ...pay(id, state), resolution: { by: 'lookup' as const, at: 2 } });
    const v = judge({
      // a: shown "declined", the lookup later made it agree. b: shown approved, truly approved.
      // c: "abandoned" then voided: not charged both times. d: shown approved, the gateway failed it.
      payments: [settledByLookup('a', 'approved'), settledByLookup('b', 'approved'), pay('c', 'voided'), settledByLookup('d', 'declined')],
      transactions: [tx('a', 'COMPLETED'), tx('b', 'COMPLETED'), tx('c', 'VOIDED'), tx('d', 'FAILED')],
      alertsRaised: new Map([['c', 1]]),
      firstShown: new Map<string, PaymentState>([
        ['a', 'declined'],
        ['b', 'approved'],
        ['c', 'abandoned'],
        ['d', 'approved'],
      ]),
    });
    expect(v.settledByLookup).toBe(3);
    expect(v.agreed).toBe(4);
    expect(v.shownWrong.map((f) => [f.transactionId, f.shown, f.gateway])).toEqual([
      ['a', 'declined', 'COMPLETED'],
      ['d', 'approved', 'FAILED'],
    ]);
    expect(hardViolations(v, 0)).toBe(2);
    expect(unexplainedViolations(v, 0, new Set())).toBe(2);
  });
});
