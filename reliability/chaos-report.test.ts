import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';
import { ChaosCashiers, type CashierRun } from './chaos-cashier';
import { chaosReport } from './chaos-report';
import { CoreObserver } from './core-observer';
import { FAULT_KINDS, type FaultKind } from './fault-scheduler';
import { paymentView, simTransaction, voidAlert } from './judge-fixtures';

/**
 * The chaos run's report hands the judge what the run's observer saw (found by the test audit:
 * dropping `firstShown` from the judge call left every ground-truth test green). A payment the
 * lookup settled agrees with the gateway by construction, so only what the cashier was first
 * shown can fail it; and one void alert raised twice must fail the run.
 */
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
    const settled = paymentView('tx-a', 'approved', { resolution: { by: 'lookup', at: 2 } });
    [paymentView('tx-a', 'sent'), paymentView('tx-a', 'declined'), settled].forEach((p, i) => observer.listener({ type: 'payment', seq: i + 1, payment: p }));
    const r = reportOf(observer, [settled], [simTransaction('tx-a', 'COMPLETED')]);
    expect(r.verdict.agreed).toBe(1);
    expect(r.verdict.settledByLookup).toBe(1);
    expect(r.verdict.shownWrong.map((f) => [f.transactionId, f.shown, f.gateway])).toEqual([['tx-a', 'declined', 'COMPLETED']]);
    expect(r.hardViolations).toBe(1);
    expect(r.unexplainedViolations).toBe(1);
  });

  it('one void alert raised twice fails the run', () => {
    const observer = new CoreObserver(() => 0);
    const voided = paymentView('tx-v', 'voided');
    observer.listener({ type: 'payment', seq: 1, payment: voided });
    observer.listener({ type: 'alert', seq: 2, alert: voidAlert('tx-v') });
    observer.listener({ type: 'alert', seq: 3, alert: voidAlert('tx-v') });
    const r = reportOf(observer, [voided], [simTransaction('tx-v', 'VOIDED')]);
    expect(r.verdict.alertErrors).toEqual([{ transactionId: 'tx-v', gateway: 'VOIDED', alerts: 2 }]);
    expect(r.unexplainedViolations).toBe(1);
  });
});
