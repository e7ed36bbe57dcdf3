import { afterEach, describe, expect, it } from 'vitest';
import { alertIdFor } from './ledger';
import { removePaymentCommandDirs, setupPaymentCommands } from '../testing/payment-commands-fixture';

/**
 * The cashier's other payment commands (payment-commands.test.ts has Pay): a second payment for
 * a paid order, settling an unknown outcome by hand, Check now, Stop waiting and the void alert.
 */
afterEach(removePaymentCommandDirs);

const NO_SUCH = { ok: false, error: { code: 'not_found', message: 'No such payment on this register.', msg: { key: 'core.refusal.not_found' } } };

describe('a second payment for an order already paid today', () => {
  it('is refused with when, how much and where it was paid, unless the cashier confirmed', async () => {
    const t = setupPaymentCommands();
    await t.paid('A-9');
    const r = await t.pay({ orderRef: 'A-9', terminalId: 'T2' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'order_already_paid',
        message: expect.stringMatching(
          /^Order A-9 was already paid 12\.50 USD at \d\d:\d\d on Lane T1\. Take another payment for it only if the customer agrees; confirm to go ahead\.$/,
        ),
      },
    });
    expect(await t.pay({ orderRef: 'A-9', terminalId: 'T2', repeatPaymentConfirmed: true })).toMatchObject({ ok: true });
  });

  it('needs the manager when roles say so: refused in their words, asked about this order', async () => {
    const t = setupPaymentCommands();
    await t.paid('A-9');
    const asked: unknown[] = [];
    t.state.authorize = (...args) => (asked.push(args), { ok: false, message: 'A manager must approve this.' });
    expect(await t.pay({ orderRef: 'A-9' })).toMatchObject({ ok: false, error: { code: 'order_already_paid' } });
    const r = await t.pay({ orderRef: 'A-9', repeatPaymentConfirmed: true, approval: 'tok' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Taking another payment for order A-9 needs a manager: A manager must approve this.',
        msg: { key: 'core.refusal.manager_to_repeat', values: { order: 'A-9', problem: 'A manager must approve this.' } },
      },
    });
    expect(asked).toEqual([['repeatPayment', 'tok', 'A-9']]);
    expect(t.sent).toHaveLength(1);
  });

  it('a "confirmed" press for an order not paid yet asks no manager', async () => {
    const t = setupPaymentCommands();
    t.state.authorize = () => ({ ok: false, message: 'A manager must approve this.' });
    expect(await t.pay({ orderRef: 'A-10', repeatPaymentConfirmed: true })).toMatchObject({ ok: true });
  });
});

describe('settling an unknown outcome by hand', () => {
  const unknownPayment = async (t: ReturnType<typeof setupPaymentCommands>) => {
    const id = await t.started();
    t.ledger.apply(id, { type: 'linkLost' });
    return id;
  };

  it('records the outcome, the reason, who settled it and who approved it', async () => {
    const t = setupPaymentCommands();
    const id = await unknownPayment(t);
    const asked: unknown[] = [];
    t.state.cashier = { id: 'p1', name: 'Ana' };
    t.state.authorize = (...args) => (asked.push(args), { ok: true, approver: { id: 'm1', name: 'Mo' } });
    const r = await t.commands.resolve({ transactionId: id, outcome: 'declined', reason: 'terminal showed DECLINED', approval: 'tok' });
    expect(r).toMatchObject({ ok: true, value: { transactionId: id, state: 'declined' } });
    expect(asked).toEqual([['resolvePayment', 'tok', id]]);
    expect(t.ledger.get(id)?.resolution).toMatchObject({
      by: 'cashier',
      reason: 'terminal showed DECLINED',
      cashier: { name: 'Ana' },
      approvedBy: { name: 'Mo' },
    });
  });

  it('a payment flagged for review can be settled too; without a sign-in nobody is named', async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    t.ledger.apply(id, { type: 'stopWaiting' });
    t.ledger.apply(id, { type: 'result', via: 'push', response: { transactionId: id, status: 'SUCCESS' } });
    expect(t.ledger.get(id)?.state).toBe('needs_review');
    expect(await t.commands.resolve({ transactionId: id, outcome: 'approved', reason: 'customer was charged' })).toMatchObject({
      ok: true,
      value: { state: 'approved' },
    });
    expect(Object.keys(t.ledger.get(id)!.resolution!)).not.toEqual(expect.arrayContaining(['cashier']));
    expect(Object.keys(t.ledger.get(id)!.resolution!)).not.toEqual(expect.arrayContaining(['approvedBy']));
  });

  it('a payment that is not unknown is refused in words that name its state', async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    t.ledger.apply(id, { type: 'delivered' });
    expect(await t.commands.resolve({ transactionId: id, outcome: 'approved', reason: 'looks paid' })).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'This payment is already awaiting result; only an unknown outcome can be settled by hand.',
        msg: { key: 'core.refusal.not_unknown', values: { state: 'awaiting_result' } },
      },
    });
    expect(t.ledger.get(id)?.state).toBe('awaiting_result');
  });

  it('is refused without a sign-in, or without the manager, and then changes nothing', async () => {
    const t = setupPaymentCommands();
    const id = await unknownPayment(t);
    t.state.mayWork = { ok: false, message: 'Sign in first.' };
    expect(await t.commands.resolve({ transactionId: id, outcome: 'approved', reason: 'looks paid' })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: 'Sign in first.' },
    });
    t.state.mayWork = { ok: true };
    t.state.authorize = () => ({ ok: false, message: 'Wrong PIN.' });
    expect(await t.commands.resolve({ transactionId: id, outcome: 'approved', reason: 'looks paid' })).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Settling a payment by hand needs a manager: Wrong PIN.',
        msg: { key: 'core.refusal.manager_to_settle', values: { problem: 'Wrong PIN.' } },
      },
    });
    expect(t.ledger.get(id)?.state).toBe('unknown');
  });

  it('an id this register never saw', async () => {
    const t = setupPaymentCommands();
    expect(await t.commands.resolve({ transactionId: 'nope', outcome: 'approved', reason: 'looks paid' })).toEqual(NO_SUCH);
  });
});

describe('Check now', () => {
  it('answers with the payment, and logs why a check could not run', async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    t.state.checkOne = { checked: false, message: 'No API secret set.' };
    expect(await t.commands.checkNow({ transactionId: id })).toMatchObject({ ok: true, value: { transactionId: id, state: 'sent' } });
    expect(t.logger.lines.filter((l) => l.event === 'audit.check_now')).toMatchObject([{ transactionId: id, message: 'No API secret set.' }]);
  });

  it('a check that ran, or failed without a word, logs nothing', async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    await t.commands.checkNow({ transactionId: id });
    t.state.checkOne = { checked: false };
    await t.commands.checkNow({ transactionId: id });
    expect(t.logger.lines.filter((l) => l.event === 'audit.check_now')).toEqual([]);
  });

  it('an id this register never saw', async () => {
    expect(await setupPaymentCommands().commands.checkNow({ transactionId: 'nope' })).toEqual(NO_SUCH);
  });
});

describe('Stop waiting', () => {
  it.each([
    ['sent', () => undefined],
    ['awaiting_result', { type: 'delivered' } as const],
    ['terminal_reconnecting', { type: 'terminal', status: 'reconnecting' } as const],
  ])('a payment %s is abandoned, nothing sent', async (_state, event) => {
    const t = setupPaymentCommands();
    const id = await t.started();
    if (typeof event === 'object') t.ledger.apply(id, event);
    expect(await t.commands.stopWaiting({ transactionId: id })).toMatchObject({ ok: true, value: { state: 'abandoned' } });
    expect(t.sent).toHaveLength(1);
  });

  it('a payment no longer waiting is refused in words that name its state', async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    t.ledger.apply(id, { type: 'stopWaiting' });
    t.ledger.apply(id, { type: 'result', via: 'push', response: { transactionId: id, status: 'SUCCESS' } });
    expect(await t.commands.stopWaiting({ transactionId: id })).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'This payment is no longer waiting for the terminal (it is needs review).',
        msg: { key: 'core.refusal.not_waiting', values: { state: 'needs_review' } },
      },
    });
  });

  it('an id this register never saw', async () => {
    expect(await setupPaymentCommands().commands.stopWaiting({ transactionId: 'nope' })).toEqual(NO_SUCH);
  });
});

describe('the void alert', () => {
  it('is acknowledged once, by whoever is signed in, even when nobody may work', async () => {
    const t = setupPaymentCommands();
    const id = await t.paid('A-3');
    t.ledger.apply(id, { type: 'voided', reason: 'Voided by the gateway', via: 'push' });
    t.state.cashier = { id: 'p1', name: 'Ana' };
    t.state.mayWork = { ok: false, message: 'Locked.' };
    expect(await t.commands.acknowledgeAlert({ alertId: alertIdFor(id) })).toEqual({ ok: true, value: { done: true } });
    expect(t.ledger.alertFor(id)).toMatchObject({ acknowledgedBy: { name: 'Ana' } });
    expect(await t.commands.acknowledgeAlert({ alertId: alertIdFor(id) })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That alert was already acknowledged or does not exist.', msg: { key: 'core.refusal.alert_gone' } },
    });
  });
});
