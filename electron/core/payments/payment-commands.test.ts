import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_WINDOW_MS, removePaymentCommandDirs, setupPaymentCommands } from '../testing/payment-commands-fixture';
import { recordingFs } from '../testing/failing-fs';
import { beginJournaled } from './payment-commands';

/**
 * Pressing Pay, as the cashier and the gateway see it: which press is refused and with what
 * words (nothing journaled, nothing sent), and which `payment` frame goes out once it is not.
 */
afterEach(removePaymentCommandDirs);

describe('a Pay press refused before anything is journaled', () => {
  it.each([
    [
      'the gateway link is down',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => (s.open = false),
      'offline',
      'Not connected to the payment gateway. Payments are paused until the connection is back.',
      { key: 'core.refusal.offline' },
    ],
    [
      'the terminal list is not fresh yet',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => (s.synced = false),
      'offline',
      'Reconnected to the gateway; refreshing the terminal list. Try again in a moment.',
      { key: 'core.refusal.refreshing' },
    ],
    [
      'the terminal is reconnecting',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => s.presence.set('T1', 'reconnecting'),
      'terminal_unavailable',
      'Terminal T1 is reconnecting. Choose another terminal or wait.',
      { key: 'core.refusal.terminal_reconnecting', values: { terminal: 'T1' } },
    ],
    [
      'the terminal is offline',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => s.presence.set('T1', 'offline'),
      'terminal_unavailable',
      'Terminal T1 is offline. Choose another terminal or wait.',
      { key: 'core.refusal.terminal_offline', values: { terminal: 'T1' } },
    ],
    [
      'the gateway does not know the terminal',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => s.presence.delete('T1'),
      'terminal_unavailable',
      'Terminal T1 is not known to the gateway. Choose another terminal or wait.',
      { key: 'core.refusal.terminal_unknown', values: { terminal: 'T1' } },
    ],
    [
      'payments are paused',
      (s: ReturnType<typeof setupPaymentCommands>['state']) =>
        (s.pauses = [{ kind: 'settings', message: 'The API key set in settings is not valid.', messageMsg: { key: 'services.settings.pause_apiKey_saved' } }]),
      'payments_paused',
      'The API key set in settings is not valid.',
      { key: 'services.settings.pause_apiKey_saved' },
    ],
    [
      'payments are paused by a pause that has English words only',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => (s.pauses = [{ kind: 'settings', message: 'The API key set in settings is not valid.' }]),
      'payments_paused',
      'The API key set in settings is not valid.',
      undefined,
    ],
    [
      'nobody is signed in',
      (s: ReturnType<typeof setupPaymentCommands>['state']) => (s.mayWork = { ok: false, message: 'Sign in to take payments.' }),
      'not_allowed',
      'Sign in to take payments.',
      undefined,
    ],
  ])('when %s', async (_why, arrange, code, message, msgFor) => {
    const t = setupPaymentCommands();
    arrange(t.state);
    const r = await t.pay();
    expect(r).toMatchObject({ ok: false, error: { code, message } });
    expect(r.ok ? undefined : r.error.msg).toEqual(msgFor);
    expect(t.sent).toEqual([]);
    expect(t.ledger.list()).toEqual([]);
  });

  it('a basket whose lines do not add up to the amount', async () => {
    const t = setupPaymentCommands();
    const r = await t.pay({ amountMinor: 500, lines: [{ id: 'sku-1', name: 'Tea', unitPriceMinor: 300, quantity: 1 }] });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: "The basket's lines add up to 3.00 but the payment is for 5.00; nothing was sent." },
    });
    expect(t.ledger.list()).toEqual([]);
  });

  it('an amount the wire cannot carry', async () => {
    const t = setupPaymentCommands();
    const r = await t.pay({ amountMinor: 1.5 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/^The amount is not valid: RangeError: amount must be/) },
    });
    expect(t.ledger.list()).toEqual([]);
  });

  it('a disk that refuses the write pauses payments and sends nothing', async () => {
    const disk = recordingFs();
    const t = setupPaymentCommands({ fs: disk });
    disk.failWith('ENOSPC');
    const r = await t.pay();
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'payments_paused', message: expect.stringMatching(/^The till cannot record payments: .*Payments are paused\.$/) },
    });
    expect(t.errors).toEqual([r.ok ? '' : r.error.message]);
    expect(t.sent).toEqual([]);
  });
});

describe('the payment frame', () => {
  it('is journaled before it is sent, once, with the amount in major units and the order as metadata', async () => {
    const t = setupPaymentCommands();
    const r = await t.pay({ orderRef: '  A-77 ' });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value.transactionId : '';
    expect(r).toEqual({ ok: true, value: { transactionId: id, orderRef: 'A-77' } });
    expect(t.journaledAtSend).toEqual([true]);
    expect(t.sent).toEqual([
      {
        action: 'payment',
        terminalId: 'T1',
        paymentRequest: { transactionId: id, amount: '12.50', currency: 'USD', paymentMethod: 'CARD', metadata: { orderId: 'A-77' } },
      },
    ]);
    expect(t.watched).toEqual([id]);
    expect(t.ledger.get(id)).toMatchObject({ state: 'sent', orderRef: 'A-77', terminalId: 'T1', amountMinor: 1250 });
  });

  it("without an order reference (or a blank one) the sale gets the register's next one", async () => {
    const t = setupPaymentCommands();
    const first = await t.pay();
    const second = await (t.clock.advance(ERROR_WINDOW_MS + 1), t.pay({ terminalId: 'T2', orderRef: '   ' }));
    expect(first).toMatchObject({ ok: true, value: { orderRef: 'R1-0001' } });
    expect(second).toMatchObject({ ok: true, value: { orderRef: 'R1-0002' } });
  });

  it('carries the basket as products and the journal keeps the lines, the demo mark and the cashier', async () => {
    const t = setupPaymentCommands();
    t.state.demo = true;
    t.state.cashier = { id: 'p1', name: 'Ana' };
    const lines = [{ id: 'sku-1', name: 'Tea', unitPriceMinor: 625, quantity: 2 }];
    const id = await t.started({ lines });
    expect(t.ledger.get(id)).toMatchObject({ lines, demo: true, cashier: { id: 'p1', name: 'Ana' } });
    const frame = t.sent[0] as { paymentRequest: { products?: unknown[] } };
    expect(frame.paymentRequest.products).toHaveLength(1);
  });

  it('an amount-only sale by nobody in particular journals no lines, no demo mark, no cashier', async () => {
    const t = setupPaymentCommands();
    const id = await t.started({ lines: [] });
    const record = t.ledger.get(id)!;
    expect(Object.keys(record)).not.toContain('lines');
    expect(Object.keys(record)).not.toContain('demo');
    expect(Object.keys(record)).not.toContain('cashier');
  });

  it('a socket that closes under the send marks the payment not charged and frees the register at once', async () => {
    const t = setupPaymentCommands();
    t.state.sendOk = false;
    const r = await t.pay();
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'offline',
        message: 'The connection dropped before the payment could be sent. The customer was not charged; try again when connected.',
        msg: { key: 'core.refusal.link_dropped' },
      },
    });
    const [p] = t.ledger.list();
    expect(p).toMatchObject({
      state: 'rejected',
      detail: 'The connection dropped before the payment could be sent. The customer was not charged.',
      detailMsg: { key: 'core.payment.not_sent_link_dropped' },
    });
    expect(t.watched).toEqual([]);
    t.state.sendOk = true;
    expect(await t.pay({ terminalId: 'T2' })).toMatchObject({ ok: true });
  });
});

describe('one payment at a time where it matters', () => {
  it('a second terminal waits until the first payment is out of the error window', async () => {
    const t = setupPaymentCommands();
    await t.started();
    expect(await t.pay({ terminalId: 'T2' })).toEqual({
      ok: false,
      error: {
        code: 'register_busy',
        message: 'Another payment was started on this register a moment ago and the gateway has not confirmed it yet. Press Pay again in a few seconds.',
        msg: { key: 'core.refusal.register_busy' },
      },
    });
    t.clock.advance(ERROR_WINDOW_MS + 1);
    expect(await t.pay({ terminalId: 'T2' })).toMatchObject({ ok: true });
  });

  it("a busy terminal and an order already in progress are refused in the ledger's words", async () => {
    const t = setupPaymentCommands();
    await t.started({ orderRef: 'A-1' });
    t.clock.advance(ERROR_WINDOW_MS + 1);
    expect(await t.pay({ orderRef: 'A-2' })).toEqual({
      ok: false,
      error: {
        code: 'terminal_busy',
        message: 'Terminal T1 is still busy with order A-1. Wait for that payment to finish.',
        msg: { key: 'core.refusal.terminal_busy', values: { terminal: 'T1', order: 'A-1' } },
      },
    });
    expect(await t.pay({ terminalId: 'T2', orderRef: 'A-1' })).toEqual({
      ok: false,
      error: {
        code: 'order_has_open_payment',
        message: 'Order A-1 already has a payment in progress on terminal T1.',
        msg: { key: 'core.refusal.order_open', values: { order: 'A-1', terminal: 'T1' } },
      },
    });
    expect(t.sent).toHaveLength(1);
  });
});

describe('beginJournaled (card payments and cash sales)', () => {
  it("a failure that is not the journal's says the payment was not saved, in the caller's words", async () => {
    const t = setupPaymentCommands();
    const id = await t.started();
    const payment = { ...t.ledger.get(id)!, orderRef: 'B-1', terminalId: 'T9' };
    const r = beginJournaled({ ledger: t.ledger, logger: t.logger, noteError: (m) => t.errors.push(m) }, payment, 'The sale was NOT saved.');
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'The sale was NOT saved.' } });
    expect(t.errors).toEqual(['Could not save the payment to disk']);
    expect(t.logger.lines.filter((l) => l.event === 'journal.write_failed')).toMatchObject([{ message: 'Error: transactionId already used' }]);
  });
});
