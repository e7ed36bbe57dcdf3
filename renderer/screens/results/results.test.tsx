import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { payment, snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

async function showResult(p: PaymentView, fake = new FakeBridge(snapshot({ payments: [p] }))) {
  fake.snapshot = snapshot({ ...fake.snapshot, payments: [p] });
  const rendered = await renderApp(fake);
  act(() => {
    rendered.store.getState().updateDraft({ terminalId: 't1', amountMinor: p.amountMinor, orderRef: p.orderRef });
    rendered.store.getState().setActivePayment(p.transactionId);
  });
  return rendered;
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent ?? '';

describe('result screens', () => {
  it('approved: amount, authorization code, print and reprint', async () => {
    const user = userEvent.setup();
    const { fake } = await showResult(payment('p1', { state: 'approved', authorizationCode: 'A1B2C3' }));
    expect(heading()).toMatch(/Approved/);
    expect(document.activeElement?.tagName).toBe('H1');
    expect(screen.getByText('A1B2C3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Print receipt/ }));
    await user.click(screen.getByRole('button', { name: 'Reprint (copy)' }));
    await user.keyboard('p');
    expect(fake.callsOf('printReceipt')).toEqual([
      { transactionId: 'p1', copy: false },
      { transactionId: 'p1', copy: true },
      { transactionId: 'p1', copy: false },
    ]);
    act(() =>
      fake.emit({
        type: 'printJob',
        seq: 11,
        job: { id: 'j1', transactionId: 'p1', kind: 'copy', state: 'failed', attempts: 3, error: 'Out of paper.', at: Date.now() },
      }),
    );
    expect(screen.getByText(/Receipt did not print\. Out of paper\./)).toBeTruthy();
  });

  it('approved: a print error from the command is shown', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('printReceipt', () => ({ ok: false, error: { code: 'printer_error', message: 'Printer is not connected.' } }));
    await showResult(payment('p1', { state: 'approved' }), fake);
    await user.click(screen.getByRole('button', { name: /^Print receipt/ }));
    expect(screen.getByRole('alert').textContent).toBe('Printer is not connected.');
  });

  it('declined with a known code: plain words, next step, raw code underneath; retry keeps the draft', async () => {
    const user = userEvent.setup();
    const { store } = await showResult(
      payment('p2', { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds', orderRef: 'B-7' }),
    );
    expect(heading()).toMatch(/Declined/);
    expect(screen.getByText(/does not have enough money/)).toBeTruthy();
    expect(screen.getByText(/another card or another way to pay/)).toBeTruthy();
    expect(screen.getByText('INSUFFICIENT_FUNDS')).toBeTruthy();
    expect(screen.getByText(/Insufficient funds/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Pay with another card/ }));
    expect(store.getState().activePaymentId).toBeNull();
    expect((screen.getByLabelText('Order reference') as HTMLInputElement).value).toBe('B-7');
    expect(store.getState().draft.amountMinor).toBe(1234);
  });

  it('declined with an unknown code falls back to the gateway message', async () => {
    await showResult(payment('p3', { state: 'declined', errorCode: 'X_NEW', errorMessage: 'Issuer unavailable' }));
    expect(screen.getAllByText(/Issuer unavailable/).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('X_NEW')).toBeTruthy();
  });

  it('cancelled: says the customer was not charged; N starts a new payment', async () => {
    const user = userEvent.setup();
    const { store } = await showResult(payment('p4', { state: 'cancelled' }));
    expect(heading()).toMatch(/Cancelled on the terminal/);
    expect(screen.getByText('The customer was not charged.')).toBeTruthy();
    await user.keyboard('n');
    expect(store.getState().activePaymentId).toBeNull();
    expect(store.getState().draft.amountMinor).toBe(0);
    expect(store.getState().draft.orderRef).toBe('');
  });

  it('rejected by the gateway: why, and not charged', async () => {
    await showResult(payment('p5', { state: 'rejected', detail: 'Terminal connection not found', errorMessage: 'Not Found' }));
    expect(heading()).toMatch(/gateway refused/);
    expect(screen.getByText(/Terminal connection not found/)).toBeTruthy();
    expect(screen.getByText(/not charged/)).toBeTruthy();
  });

  it('unknown: guided check, gateway lookup, resolve requires a reason', async () => {
    const user = userEvent.setup();
    const p = payment('p6', { state: 'unknown', detail: 'Lost the gateway connection during the payment.' });
    const { fake } = await showResult(p);
    expect(heading()).toMatch(/Result unknown/);
    expect(screen.getByText(/Look at the screen of terminal "Till t1"/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /New payment/ })).toBeNull();
    // The fixture has no API secret: the cashier is told the lookup cannot work yet.
    expect(screen.getByText(/needs the API secret/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Check with the gateway' }));
    expect(fake.callsOf('checkPaymentNow')).toEqual([{ transactionId: 'p6' }]);
    expect(screen.getByText(/does not know the result yet/)).toBeTruthy();

    const resolve = screen.getByRole('button', { name: 'Resolve payment' });
    expect(resolve).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('radio', { name: /Not charged/ }));
    expect(screen.getByText(/Write a reason/)).toBeTruthy();
    expect(resolve).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Reason (required)'), 'Terminal shows nothing');
    await user.click(resolve);
    expect(fake.callsOf('resolvePayment')).toEqual([{ transactionId: 'p6', outcome: 'abandoned', reason: 'Terminal shows nothing' }]);

    act(() =>
      fake.emit({
        type: 'payment',
        seq: 11,
        payment: { ...p, state: 'abandoned', resolution: { by: 'cashier', reason: 'Terminal shows nothing', at: Date.now() } },
      }),
    );
    expect(heading()).toMatch(/Not paid/);
  });

  it('unknown in demo mode: no "API secret not set up" hint (the demo key has its secret, the lookup runs)', async () => {
    const p = payment('p7', { state: 'unknown' });
    const base = snapshot();
    await showResult(p, new FakeBridge(snapshot({ app: { ...base.app, demo: { enabled: true } }, settings: { ...base.settings, endpoint: '' } })));
    expect(heading()).toMatch(/Result unknown/);
    expect(screen.getByRole('button', { name: 'Check with the gateway' })).toBeTruthy();
    expect(screen.queryByText(/needs the API secret/)).toBeNull();
  });

  it('a voided or abandoned attempt of an order another attempt paid: "already paid", no Try again (money-truth rule 3)', async () => {
    const paidAt = new Date(2026, 0, 15, 12, 3).getTime();
    const order = {
      orderRef: 'RT-1',
      status: 'paid' as const,
      approvals: [{ transactionId: 'retake', terminalId: 't1', amountMinor: 2450, currency: 'EUR', at: paidAt }],
    };
    for (const state of ['voided', 'abandoned'] as const) {
      const p = payment(`late-${state}`, { state, orderRef: 'RT-1', terminalId: 't2', amountMinor: 2450, currency: 'EUR', voidReason: 'Late approval' });
      await showResult(p, new FakeBridge(snapshot({ payments: [p], orders: [order] })));
      expect(heading()).toMatch(/the order is already paid/);
      expect(screen.getByText('Order RT-1 is already paid — €24.50 at 12:03 on Till t1. Do not take it again.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: /Try again/ })).toBeNull();
      expect(document.body.textContent).not.toMatch(/take the payment again/i);
      cleanup();
    }
  });

  it('approved, but the order was paid twice today: the cashier is told to refund the extra one', async () => {
    const order = {
      orderRef: 'A-1001',
      status: 'paid_more_than_once' as const,
      approvals: [
        { transactionId: 'first', terminalId: 't1', amountMinor: 2450, currency: 'EUR', at: new Date(2026, 0, 15, 12, 3).getTime() },
        { transactionId: 'second', terminalId: 't1', amountMinor: 2450, currency: 'EUR', at: new Date(2026, 0, 15, 12, 9).getTime() },
      ],
    };
    const p = payment('second', { state: 'approved', orderRef: 'A-1001', amountMinor: 2450, currency: 'EUR' });
    await showResult(p, new FakeBridge(snapshot({ payments: [p], orders: [order] })));
    expect(screen.getByRole('alert').textContent).toMatch(
      /Order A-1001 has been paid 2 times today: €24\.50 at 12:03 on Till t1; €24\.50 at 12:09 on Till t1\. Refund the extra payment/,
    );
  });

  it('a payment the gateway voids after the register gave up turns the screen into "Reversed — not paid"', async () => {
    // Test audit: a renderer that dropped `payment` events in state voided kept showing "Approved".
    const p = payment('p8', { state: 'abandoned' });
    const { fake, store } = await showResult(p);
    expect(heading()).toMatch(/Not paid/);
    act(() => fake.emit({ type: 'payment', seq: 11, payment: { ...p, state: 'voided', voidReason: 'Terminal returned after the grace period.' } }));
    expect(heading()).toMatch(/Reversed by the gateway — not paid/);
    // The gateway's "grace period" reason in the cashier's words (till: words a cashier uses).
    expect(screen.getByText(/came back too late, so the gateway reversed the payment/)).toBeTruthy();
    expect(store.getState().paymentsById.p8?.state).toBe('voided');
  });
});
