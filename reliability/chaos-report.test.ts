import { describe, expect, it } from 'vitest';
import type { PaymentState, PaymentView, VoidAlert } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';
import { ChaosCashiers, type CashierRun } from './chaos-cashier';
import { chaosReport } from './chaos-report';
import { CoreObserver } from './core-observer';
import { FAULT_KINDS, type FaultKind } from './fault-scheduler';

/**
 * The chaos run's report hands the judge what the run's observer saw (found by the test audit:
 * dropping `firstShown` from the judge call left every ground-truth test green). A payment the
 * lookup settled agrees with the gateway by construction, so only what the cashier was first
 * shown can fail it; and one void alert raised twice must fail the run.
 */
const payment = (transactionId: string, state: PaymentState, patch: Partial<PaymentView> = {}): PaymentView => ({
  transactionId,
  orderRef: `O-${transactionId}`,
  terminalId: 'T1',
  amountMinor: 100,
  currency: 'USD',
  paymentMethod: 'CARD',
  state,
  createdAt: 1,
  updatedAt: 1,
  pendingSeen: false,
  hasReceipt: false,
  ...patch,
});
const transaction = (transactionId: string, status: SimTransaction['status']): SimTransaction => ({
  transactionId,
  terminalId: 'T1',
  posApiKey: 'k',
  amount: '1.00',
  currency: 'USD',
  paymentMethod: 'CARD',
  status,
  createdAt: '',
  updatedAt: '',
});
const alert = (transactionId: string): VoidAlert => ({
  id: `void-${transactionId}`,
  transactionId,
  terminalId: 'T1',
  orderRef: `O-${transactionId}`,
  amountMinor: 100,
  currency: 'USD',
  reason: 'late',
  at: 1,
});

function reportOf(observer: CoreObserver, payments: PaymentView[], transactions: SimTransaction[]) {
  return chaosReport({
    options: { payments: payments.length, terminals: 1, seed: 1, withSecret: true },
    startedAt: Date.now(),
    // The cashiers' tallies are not judged; the run they would drive is never started.
    cashiers: new ChaosCashiers(undefined as unknown as CashierRun),
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    observer,
    payments,
    reconnects: 0,
    transactions,
  });
}

describe('the chaos report judges what the run saw', () => {
  it('a payment shown "declined" that the lookup later settled as approved fails the run, though its final state agrees', () => {
    const observer = new CoreObserver(() => 0);
    const settled = payment('tx-a', 'approved', { resolution: { by: 'lookup', at: 2 } });
    [payment('tx-a', 'sent'), payment('tx-a', 'declined'), settled].forEach((p, i) => observer.listener({ type: 'payment', seq: i + 1, payment: p }));
    const r = reportOf(observer, [settled], [transaction('tx-a', 'COMPLETED')]);
    expect(r.verdict.agreed).toBe(1);
    expect(r.verdict.settledByLookup).toBe(1);
    expect(r.verdict.shownWrong.map((f) => [f.transactionId, f.shown, f.gateway])).toEqual([['tx-a', 'declined', 'COMPLETED']]);
    expect(r.hardViolations).toBe(1);
    expect(r.unexplainedViolations).toBe(1);
  });

  it('one void alert raised twice fails the run', () => {
    const observer = new CoreObserver(() => 0);
    const voided = payment('tx-v', 'voided');
    observer.listener({ type: 'payment', seq: 1, payment: voided });
    observer.listener({ type: 'alert', seq: 2, alert: alert('tx-v') });
    observer.listener({ type: 'alert', seq: 3, alert: alert('tx-v') });
    const r = reportOf(observer, [voided], [transaction('tx-v', 'VOIDED')]);
    expect(r.verdict.alertErrors).toEqual([{ transactionId: 'tx-v', gateway: 'VOIDED', alerts: 2 }]);
    expect(r.unexplainedViolations).toBe(1);
  });
});
