import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/core-translator';
import { english } from '../i18n/english';
import { dayKey, Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { FakeClock } from '../testing/fake-clock';
import { removeJournalDirs, tempJournalDir } from '../testing/journal-fixtures';
import { journalText, removePaymentCommandDirs, setupPaymentCommands } from '../testing/payment-commands-fixture';
import { PaymentLedger } from './ledger';
import { toPaymentView } from './view';

/**
 * Issue 16: the core speaks codes. What a payment says to the cashier is a catalogue key with its
 * parameters, in the view AND in the journal on disk, so a journal reads in the till's language;
 * the English field stays (logs, older renderers) and is the English catalogue's words.
 */
afterEach(() => {
  removePaymentCommandDirs();
  removeJournalDirs();
});

const begin = (ledger: PaymentLedger, id = 'tx-1') =>
  ledger.begin({ transactionId: id, orderRef: 'A-1', terminalId: 'T1', amountMinor: 2450, currency: 'EUR', paymentMethod: 'CARD' });

describe('a payment that times out', () => {
  it('carries the code in the view and in the journal on disk, and reads in German', () => {
    const clock = new FakeClock();
    const dir = tempJournalDir();
    const ledger = new PaymentLedger(new Journal(dir, clock), clock, createMemoryLogger(), 105_000);
    begin(ledger);
    clock.advance(105_001);
    const view = toPaymentView(ledger.get('tx-1')!);
    expect(view.state).toBe('unknown');
    expect(view.detailMsg).toEqual({ key: 'core.payment.unknown_timeout' });
    expect(view.detail).toBe(english(view.detailMsg!));
    const last = journalText(dir).trim().split('\n').at(-1)!;
    expect(JSON.parse(last).payment.detailMsg).toEqual({ key: 'core.payment.unknown_timeout' });
    const german = translatorFor('de-DE').say(view.detailMsg);
    expect(german).toMatch(/Terminal/);
    expect(german).not.toBe(view.detail);
    expect(new Journal(dir, clock).replay().payments.get('tx-1')?.detailMsg).toEqual({ key: 'core.payment.unknown_timeout' });
  });
});

describe('a journal written by an older version', () => {
  it('still loads, keeps its English detail and has no code', () => {
    // Verbatim the shape an older version wrote (English `detail`, no `detailMsg`).
    const clock = new FakeClock();
    const dir = tempJournalDir();
    const journal = new Journal(dir, clock);
    const old = `{"v":1,"t":"payment","at":${clock.now()},"payment":{"transactionId":"tx-old","orderRef":"O-tx-old","terminalId":"TERM-001","amountMinor":2450,"currency":"EUR","paymentMethod":"CARD","state":"rejected","createdAt":${clock.now()},"updatedAt":${clock.now()},"pendingSeen":false,"hasReceipt":false,"detail":"The gateway has no record of this payment, so the customer was not charged."}}\n`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(journal.fileFor(dayKey(clock.now())), old);
    const replay = journal.replay();
    expect(replay.badLines).toEqual([]);
    const ledger = new PaymentLedger(journal, clock, createMemoryLogger(), 105_000);
    ledger.restore(replay);
    const view = toPaymentView(ledger.get('tx-old')!);
    expect(view.detail).toBe('The gateway has no record of this payment, so the customer was not charged.');
    expect(view.detailMsg).toBeUndefined();
    expect(translatorFor('de-DE').say(view.detailMsg, view.detail)).toBe(view.detail);
  });
});

describe('a void the gateway reports without a reason of ours', () => {
  it('the alert keeps its English reason and carries a code', () => {
    const clock = new FakeClock();
    const ledger = new PaymentLedger(new Journal(tempJournalDir(), clock), clock, createMemoryLogger(), 105_000);
    begin(ledger);
    ledger.apply('tx-1', { type: 'result', via: 'push', response: { transactionId: 'tx-1', status: 'SUCCESS' } });
    ledger.apply('tx-1', { type: 'voided', via: 'push', reason: 'Customer dispute' });
    expect(ledger.alerts()[0]).toMatchObject({ reason: 'Customer dispute' });
    expect(ledger.alerts()[0]?.reasonMsg).toBeUndefined();
  });
});

describe('refusals carry their code and values', () => {
  it('a busy terminal names the terminal and the order', async () => {
    const t = setupPaymentCommands();
    await t.started({ orderRef: 'A-1' });
    const r = await t.pay({ orderRef: 'B-2' });
    expect(r.ok ? undefined : r.error.msg).toEqual({ key: 'core.refusal.terminal_busy', values: { terminal: 'T1', order: 'A-1' } });
    expect(translatorFor('de-DE').say(r.ok ? undefined : r.error.msg)).toContain('T1');
  });

  it('settling a payment that is not unknown names its state', async () => {
    const t = setupPaymentCommands();
    const id = await t.paid('A-1');
    const r = await t.commands.resolve({ transactionId: id, outcome: 'declined', reason: 'x' });
    expect(r.ok ? undefined : r.error.msg).toEqual({ key: 'core.refusal.not_unknown', values: { state: 'approved' } });
    expect(r.ok ? '' : r.error.message).toBe('This payment is already approved; only an unknown outcome can be settled by hand.');
    expect(translatorFor('de-DE').say(r.ok ? undefined : r.error.msg)).toMatch(/genehmigt/);
  });

  it('an offline terminal names the terminal', async () => {
    const t = setupPaymentCommands();
    t.state.presence.set('T2', 'offline');
    const r = await t.pay({ terminalId: 'T2' });
    expect(r.ok ? undefined : r.error.msg).toEqual({ key: 'core.refusal.terminal_offline', values: { terminal: 'T2' } });
  });
});
