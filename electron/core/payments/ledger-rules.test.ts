import { msg } from '../../../shared/i18n/message';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { FakeClock } from '../testing/fake-clock';
import { alertRecord, paymentRecord, removeJournalDirs, tempJournalDir } from '../testing/journal-fixtures';
import { removeRecoveryDirs, setupRecovery } from '../testing/recovery-fixture';
import { alertIdFor, PaymentLedger } from './ledger';

/**
 * The ledger's bookkeeping around the payment machine: what the audit log is told, which timers
 * run, the order lists come in, what a restart brings back and what midnight lets go of. Real
 * journal in os.tmpdir(), FakeClock (09:00 UTC, deadline 105 s).
 */
afterEach(() => {
  removeRecoveryDirs();
  removeJournalDirs();
});

const DAY = 86_400_000;
const events = (t: ReturnType<typeof setupRecovery>, event: string) => t.logger.lines.filter((l) => l.event === event);

describe('the audit log', () => {
  it('names the payment, the cashier and each change with its cause', () => {
    const t = setupRecovery();
    t.ledger.begin({
      transactionId: 'tx-a',
      orderRef: 'A-1',
      terminalId: 'T1',
      amountMinor: 700,
      currency: 'USD',
      paymentMethod: 'CARD',
      cashier: { id: 'p1', name: 'Ana' },
    });
    t.ledger.apply('tx-a', { type: 'linkLost' });
    t.ledger.apply('tx-a', {
      type: 'cashier',
      outcome: 'declined',
      reason: 'screen said no',
      cashier: { id: 'p1', name: 'Ana' },
      approvedBy: { id: 'm1', name: 'Mo' },
    });
    expect(events(t, 'audit.payment_started')).toMatchObject([
      { transactionId: 'tx-a', orderRef: 'A-1', terminalId: 'T1', amountMinor: 700, currency: 'USD', cashier: 'Ana' },
    ]);
    expect(events(t, 'audit.payment_state')).toMatchObject([
      { transactionId: 'tx-a', from: 'sent', to: 'unknown', cause: 'linkLost' },
      {
        transactionId: 'tx-a',
        from: 'unknown',
        to: 'declined',
        cause: 'cashier',
        reason: 'screen said no',
        outcome: 'declined',
        cashier: 'Ana',
        approvedBy: 'Mo',
      },
    ]);
    expect(Object.keys(events(t, 'audit.payment_state')[0]!)).not.toContain('reason');
  });

  it('a void names the amount and reason; an ignored event is noted, changes nothing and tells no listener', () => {
    const t = setupRecovery();
    const id = t.begin();
    const heard: string[] = [];
    t.ledger.onChange((c) => heard.push(c.kind));
    t.ledger.apply(id, { type: 'voided', reason: 'Reversed by the bank', via: 'push' });
    expect(events(t, 'audit.payment_state').at(-1)).toMatchObject({ cause: 'voided', reason: 'Reversed by the bank', amountMinor: 100, currency: 'USD' });
    expect(events(t, 'audit.void_alert')).toMatchObject([
      { transactionId: id, orderRef: `O-${id}`, amountMinor: 100, currency: 'USD', reason: 'Reversed by the bank' },
    ]);
    expect(heard).toEqual(['payment', 'alert']);
    t.ledger.apply(id, { type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'late' }) });
    expect(events(t, 'ledger.note')).toMatchObject([{ transactionId: id, cause: 'rejected', note: 'error frame ignored in state voided' }]);
    expect(heard).toEqual(['payment', 'alert']);
  });

  it("an alert acknowledged by nobody in particular is logged as the cashier's; a failing listener is logged, not fatal", () => {
    const t = setupRecovery();
    const id = t.begin();
    t.ledger.onChange(() => {
      throw new Error('screen gone');
    });
    t.ledger.apply(id, { type: 'voided', reason: 'r', via: 'push' });
    expect(t.ledger.acknowledge(alertIdFor(id))).not.toHaveProperty('acknowledgedBy');
    expect(events(t, 'audit.alert_acknowledged')).toMatchObject([{ alertId: `void-${id}`, transactionId: id, by: 'cashier' }]);
    expect(events(t, 'ledger.listener_failed').length).toBeGreaterThan(0);
    expect(t.ledger.alertFor(id)).toMatchObject({ id: `void-${id}`, acknowledgedAt: t.clock.now() });
    expect(t.ledger.alerts()).toEqual([]);
  });
});

describe('the local deadline', () => {
  it('a new payment shows no receipt and no PENDING yet, and only it has a timer', () => {
    const t = setupRecovery();
    const id = t.begin();
    expect(t.ledger.get(id)).toMatchObject({ pendingSeen: false, hasReceipt: false, deadlineAt: t.clock.now() + 105_000 });
    expect(t.clock.pending()).toEqual([105_000]);
  });

  it('a settled or unknown payment leaves no timer behind', () => {
    const t = setupRecovery();
    const a = t.begin();
    const b = t.begin();
    t.ledger.apply(a, { type: 'result', via: 'push', response: { transactionId: a, status: 'FAILED' } });
    t.ledger.apply(b, { type: 'linkLost' });
    expect(t.clock.pending()).toEqual([]);
  });

  it('an unknown payment the gateway says is still running is given up on again at its deadline', () => {
    const t = setupRecovery();
    const id = t.begin();
    t.clock.advance(10_000);
    t.ledger.apply(id, { type: 'linkLost' });
    t.ledger.apply(id, { type: 'stillRunning', status: 'PENDING' });
    expect(t.clock.pending()).toEqual([95_000]);
    t.clock.advance(95_000);
    expect(t.ledger.get(id)).toMatchObject({
      state: 'unknown',
      detail: 'No result from the terminal in time. Check the terminal screen before taking the payment again.',
    });
  });
});

describe('lists', () => {
  it('open payments, all payments and alerts come oldest first, whatever the terminal', () => {
    const t = setupRecovery();
    const ids = ['T9', 'T1', 'T5'].map((terminal) => {
      t.clock.advance(1_000);
      return t.begin(terminal);
    });
    expect(t.ledger.open().map((p) => p.transactionId)).toEqual(ids);
    expect(t.ledger.list().map((p) => p.transactionId)).toEqual(ids);
    for (const id of [...ids].reverse()) {
      t.ledger.apply(id, { type: 'voided', reason: 'r', via: 'push' });
      t.clock.advance(1);
    }
    expect(t.ledger.alerts().map((a) => a.transactionId)).toEqual([...ids].reverse());
    expect(t.ledger.open()).toEqual([]);
  });

  it('"oldest" is by start time even when the wall clock was set back between payments', () => {
    const t = setupRecovery();
    const later = t.begin();
    t.clock.jump(-60_000);
    const earlier = t.begin();
    t.clock.jump(-60_000);
    const earliest = t.begin();
    expect(t.ledger.open().map((p) => p.transactionId)).toEqual([earliest, earlier, later]);
    expect(t.ledger.list().map((p) => p.transactionId)).toEqual([earliest, earlier, later]);
    t.ledger.apply(earlier, { type: 'voided', reason: 'r', via: 'push' });
    t.clock.jump(-60_000);
    t.ledger.apply(later, { type: 'voided', reason: 'r', via: 'push' });
    t.ledger.apply(earliest, { type: 'voided', reason: 'r', via: 'push' });
    expect(t.ledger.alerts().map((a) => a.transactionId)).toEqual([later, earliest, earlier]);
  });

  it('dispose stops every deadline', () => {
    const t = setupRecovery();
    t.begin();
    t.begin();
    t.ledger.dispose();
    expect(t.clock.pending()).toEqual([]);
  });
});

describe('a restart', () => {
  it("brings back today's payments and open alerts, yesterday's open ones, and today's acknowledged alerts only", () => {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const journal = new Journal(dir, clock);
    const yesterday = clock.now();
    for (const r of [
      paymentRecord('old-settled', 'approved', yesterday),
      paymentRecord('old-open', 'awaiting_result', yesterday),
      paymentRecord('old-voided', 'voided', yesterday),
      alertRecord('void-old-voided', 'old-voided', yesterday),
      paymentRecord('old-acked', 'voided', yesterday),
      alertRecord('void-old-acked', 'old-acked', yesterday, yesterday),
    ])
      journal.append(r);
    clock.advance(DAY);
    journal.append(paymentRecord('new-voided', 'voided', clock.now()));
    journal.append(alertRecord('void-new-voided', 'new-voided', clock.now(), clock.now()));
    const ledger = new PaymentLedger(new Journal(dir, clock), clock, createMemoryLogger(), 105_000);
    ledger.restore(new Journal(dir, clock).replay());
    expect(
      ledger
        .list()
        .map((p) => `${p.transactionId}:${p.state}`)
        .sort(),
    ).toEqual(['new-voided:voided', 'old-open:unknown', 'old-voided:voided']);
    expect(ledger.alerts().map((a) => a.id)).toEqual(['void-old-voided']);
    expect(ledger.alertFor('new-voided')).toMatchObject({ acknowledgedAt: clock.now() });
    expect(ledger.alertFor('old-acked')).toBeUndefined();
    expect(ledger.get('old-open')?.detail).toBe('The app restarted during the payment.');
  });
});

describe('midnight', () => {
  it("the first payment of a day lets go of yesterday's settled ones, keeps open and unacknowledged-void ones until the next midnight", () => {
    const t = setupRecovery();
    const settled = t.begin();
    t.ledger.apply(settled, { type: 'result', via: 'push', response: { transactionId: settled, status: 'SUCCESS' } });
    const voided = t.begin();
    t.ledger.apply(voided, { type: 'voided', reason: 'r', via: 'push' });
    const open = t.unknown();
    t.clock.advance(DAY);
    const today = t.begin();
    expect(t.ledger.list().map((p) => p.transactionId)).toEqual([voided, open, today]);
    expect(t.ledger.attemptsFor(`O-${settled}`)).toEqual([]);
    t.ledger.apply(open, { type: 'cashier', outcome: 'declined', reason: 'terminal said declined' });
    t.begin();
    expect(t.ledger.list().map((p) => p.transactionId)).toContain(open);
  });
});
