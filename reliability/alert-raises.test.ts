import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey, Journal } from '../electron/core/journal/journal';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { countAlertRaises } from './journal-judge';
import { judge } from './ground-truth';
import { CoreObserver } from './core-observer';
import type { VoidAlert } from '../shared/ipc';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const alert = (transactionId: string, patch: Partial<VoidAlert> = {}): VoidAlert => ({
  id: `void-${transactionId}`,
  transactionId,
  terminalId: 'T1',
  orderRef: 'O1',
  amountMinor: 100,
  currency: 'USD',
  reason: 'late',
  at: 1,
  ...patch,
});

describe('void alerts are counted per raise, not per id (found by the test audit)', () => {
  it('the crash judge reads every raise record in the journal; the replay alone would show one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-raises-'));
    dirs.push(dir);
    const journal = new Journal(dir, new FakeClock());
    journal.append({ v: 1, t: 'alert', at: 1, alert: alert('tx-1') });
    journal.append({ v: 1, t: 'alert', at: 2, alert: alert('tx-1') }); // raised again after a restart
    journal.append({ v: 1, t: 'alert', at: 3, alert: alert('tx-1', { acknowledgedAt: 3 }) });
    journal.append({ v: 1, t: 'alert', at: 4, alert: alert('tx-2') });
    journal.close();
    fs.appendFileSync(journal.fileFor(dayKey(new FakeClock().now())), '{"v":1,"t":"alert","at":5,"alert":{"id":"void-tx-3"'); // torn by a kill
    expect(new Journal(dir, new FakeClock()).replay().alerts.size).toBe(2);
    expect(countAlertRaises(dir)).toEqual(
      new Map([
        ['tx-1', 2],
        ['tx-2', 1],
      ]),
    );
  });

  it('the chaos judge counts every unacknowledged alert event, so a double raise fails the run', () => {
    const observer = new CoreObserver(() => 0);
    const raise = (seq: number) => observer.listener({ type: 'alert', seq, alert: alert('tx-1') });
    raise(1);
    raise(2);
    observer.listener({ type: 'alert', seq: 3, alert: alert('tx-1', { acknowledgedAt: 3 }) });
    expect(observer.alertsRaised.get('tx-1')).toBe(2);
    const payment = {
      transactionId: 'tx-1',
      orderRef: 'O1',
      terminalId: 'T1',
      amountMinor: 100,
      currency: 'USD',
      paymentMethod: 'CARD' as const,
      state: 'voided' as const,
      createdAt: 1,
      updatedAt: 1,
      pendingSeen: false,
      hasReceipt: false,
    };
    const tx = {
      transactionId: 'tx-1',
      terminalId: 'T1',
      posApiKey: 'k',
      amount: '1.00',
      currency: 'USD',
      paymentMethod: 'CARD',
      status: 'VOIDED' as const,
      createdAt: '',
      updatedAt: '',
    };
    expect(judge({ payments: [payment], transactions: [tx], alertsRaised: observer.alertsRaised }).alertErrors).toEqual([
      { transactionId: 'tx-1', gateway: 'VOIDED', alerts: 2 },
    ]);
  });

  it('remembers the first final answer each payment showed the cashier', () => {
    const observer = new CoreObserver(() => 0);
    const base = {
      transactionId: 'tx-1',
      orderRef: 'O1',
      terminalId: 'T1',
      amountMinor: 100,
      currency: 'USD',
      paymentMethod: 'CARD' as const,
      createdAt: 1,
      updatedAt: 1,
      pendingSeen: false,
      hasReceipt: false,
    };
    for (const [seq, state] of [
      [1, 'sent'],
      [2, 'unknown'],
      [3, 'declined'],
      [4, 'needs_review'],
      [5, 'approved'],
    ] as const) {
      observer.listener({ type: 'payment', seq, payment: { ...base, state } });
    }
    expect(observer.firstFinal.get('tx-1')).toBe('declined');
  });
});
