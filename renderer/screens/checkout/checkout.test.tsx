import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { connection, payment, snapshot, terminal } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const dot = (1.5).toLocaleString(undefined, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).replace(/\d/g, '');
const payButton = () => screen.getByRole('button', { name: /^Pay/ });
const reason = () => document.getElementById('pay-reason')?.textContent;

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: /Till t1/ }));
  await user.type(screen.getByLabelText(/^Amount/), '1234');
  await user.type(screen.getByLabelText('Order reference'), 'A-100');
}

describe('checkout: Pay button', () => {
  it('says why it is disabled until terminal and amount are given; the order reference is generated (money-truth rule 4)', async () => {
    const user = userEvent.setup();
    await renderApp();
    expect(payButton()).toHaveProperty('disabled', true);
    expect(reason()).toBe('Choose a terminal.');
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    expect(reason()).toBe('Enter the amount.');
    await user.type(screen.getByLabelText(/^Amount/), '1234');
    expect(reason()).toBe('Ready to send to the terminal.');
    expect(document.getElementById('order-ref-hint')?.textContent).toBe('Order R1-0001 (generated) — type to use your own.');
    await user.type(screen.getByLabelText('Order reference'), 'A-100');
    expect(payButton()).toHaveProperty('disabled', false);
    expect(payButton().textContent).toContain(`12${dot}34`);
  });

  it('shows an offline terminal disabled with its reason', async () => {
    await renderApp();
    const offline = screen.getByRole('radio', { name: /Till t2/ });
    expect(offline).toHaveProperty('disabled', true);
    expect(screen.getByText(/Terminal is offline/)).toBeTruthy();
  });

  it('blocks payments while the gateway is offline and when the terminal is busy', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp();
    await fillForm(user);
    act(() => fake.emit({ type: 'connection', seq: 11, connection: connection({ state: 'backoff', attempt: 2, nextRetryAt: Date.now() + 4000 }) }));
    expect(payButton()).toHaveProperty('disabled', true);
    expect(reason()).toMatch(/Offline/);
    act(() => fake.emit({ type: 'connection', seq: 12, connection: connection() }));
    act(() => fake.emit({ type: 'terminal', seq: 13, terminal: terminal('t1', { openPaymentId: 'other' }) }));
    expect(reason()).toMatch(/busy with another payment/);
  });

  it('cannot double-fire: two clicks and Enter start one payment', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    let answer: (r: CommandResult<{ transactionId: string; orderRef: string }>) => void = () => undefined;
    fake.respond('startPayment', () => new Promise((resolve) => (answer = resolve)));
    await renderApp(fake);
    await fillForm(user);
    await user.dblClick(payButton());
    await user.keyboard('{Enter}');
    expect(fake.callsOf('startPayment')).toEqual([{ terminalId: 't1', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD', orderRef: 'A-100' }]);
    expect(reason()).toBe('Sending the payment…');
    await act(async () => answer({ ok: true, value: { transactionId: 'tx-new', orderRef: 'A-100' } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Sending the payment to the terminal/);
  });

  it('shows the command error and stays on the form', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('startPayment', () => ({ ok: false, error: { code: 'terminal_busy', message: 'Terminal Till t1 is busy.' } }));
    await renderApp(fake);
    await fillForm(user);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('Terminal Till t1 is busy.');
    expect(payButton()).toHaveProperty('disabled', false);
  });

  it('follows the payment: on the terminal, reconnecting with countdown, then approved', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp();
    await fillForm(user);
    await user.click(payButton());
    // The fake answers startPayment with tx-<call number>.
    const txId = `tx-${fake.calls.findIndex((c) => c.name === 'startPayment') + 1}`;
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Sending/);
    act(() => fake.emit({ type: 'payment', seq: 11, payment: payment(txId, { state: 'awaiting_result', orderRef: 'A-100' }) }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/On the terminal/);
    expect(screen.getByText(/Ask the customer to tap, insert or swipe/)).toBeTruthy();
    act(() =>
      fake.emit({ type: 'terminal', seq: 12, terminal: terminal('t1', { presence: 'reconnecting', payable: false, graceEndsAt: Date.now() + 42_000 }) }),
    );
    act(() => fake.emit({ type: 'payment', seq: 13, payment: payment(txId, { state: 'terminal_reconnecting', orderRef: 'A-100' }) }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Terminal reconnecting — 4\d s left/);
    act(() => fake.emit({ type: 'payment', seq: 14, payment: payment(txId, { state: 'approved', authorizationCode: 'AUTH77', orderRef: 'A-100' }) }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toMatch(/Approved/);
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('AUTH77')).toBeTruthy();
  });
});

describe('checkout: an order is paid once (money-truth rule 4)', () => {
  const paid = {
    orderRef: 'A-100',
    status: 'paid' as const,
    approvals: [{ transactionId: 'first', terminalId: 't1', amountMinor: 2450, currency: 'USD', at: new Date(2026, 0, 15, 12, 3).getTime() }],
  };

  it('asks before paying an order already paid today; No (the default) sends nothing, Yes sends with the confirmation', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(snapshot({ orders: [paid] }));
    await renderApp(fake);
    await fillForm(user);
    await user.click(payButton());
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Order A-100 was already paid $24.50 at 12:03 on Till t1. Take another payment for it?');
    expect(document.activeElement?.textContent).toMatch(/^No/);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsOf('startPayment')).toEqual([]);
    await user.click(payButton());
    await user.keyboard('{Escape}');
    expect(fake.callsOf('startPayment')).toEqual([]);
    await user.click(payButton());
    await user.click(screen.getByRole('button', { name: /^Yes/ }));
    expect(fake.callsOf('startPayment')).toEqual([
      { terminalId: 't1', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD', orderRef: 'A-100', repeatPaymentConfirmed: true },
    ]);
  });

  it("the core's own refusal (order_already_paid) opens the same question", async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('startPayment', () => ({
      ok: false,
      error: { code: 'order_already_paid', message: 'Order A-100 was already paid 24.50 USD at 12:03 on Till t1.' },
    }));
    await renderApp(fake);
    await fillForm(user);
    await user.click(payButton());
    expect(screen.getByRole('alertdialog').textContent).toContain('Order A-100 was already paid 24.50 USD at 12:03 on Till t1.');
  });

  it('with no typed reference the generated one is sent, and kept in the form for "Try again"', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    const { store } = await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    await user.type(screen.getByLabelText(/^Amount/), '500');
    await user.click(payButton());
    expect(fake.callsOf('startPayment')).toEqual([{ terminalId: 't1', amountMinor: 500, currency: 'USD', paymentMethod: 'CARD', orderRef: 'R1-0001' }]);
    expect(store.getState().draft.orderRef).toBe('R1-0001');
  });
});

describe('checkout: fixes from the end-to-end run', () => {
  it('register_busy: the message is shown plainly, nothing is stuck, and Pay simply works again', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    const busyMessage = 'Another payment was started on this register a moment ago and the gateway has not confirmed it yet. Press Pay again in a few seconds.';
    let busy = true;
    fake.respond('startPayment', () =>
      busy ? { ok: false, error: { code: 'register_busy', message: busyMessage } } : { ok: true, value: { transactionId: 'tx-second', orderRef: 'A-100' } },
    );
    await renderApp(fake);
    await fillForm(user);
    await user.click(payButton());
    expect(screen.getByRole('alert').textContent).toBe(`⚠ ${busyMessage}`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('New payment');
    expect(payButton()).toHaveProperty('disabled', false);
    expect(reason()).toBe('Ready to send to the terminal.');

    busy = false;
    await user.click(payButton());
    expect(fake.callsOf('startPayment')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Sending the payment to the terminal/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('terminal cards do not claim "Ready" while the gateway link is down', async () => {
    const { fake } = await renderApp();
    const t1 = () => screen.getByRole('radio', { name: /Till t1/ });
    expect(t1().getAttribute('aria-describedby')).toBe('terminal-reason-t1');
    const status = () => document.getElementById('terminal-reason-t1')?.textContent;
    expect(status()).toBe('✓ Ready');
    act(() => fake.emit({ type: 'connection', seq: 11, connection: connection({ state: 'backoff', attempt: 1, nextRetryAt: Date.now() + 2000 }) }));
    expect(status()).toBe('ℹ Unknown — gateway offline');
    expect(screen.queryByText(/^\s*Ready$/)).toBeNull();
    act(() => fake.emit({ type: 'connection', seq: 12, connection: connection() }));
    expect(status()).toBe('✓ Ready');
  });

  it('after a reload mid-payment, shows the payment in progress again (not an empty form)', async () => {
    await renderApp(
      new FakeBridge(
        snapshot({
          payments: [payment('done', { state: 'approved', createdAt: 1 }), payment('open', { state: 'awaiting_result', orderRef: 'RL-1', createdAt: 2 })],
          terminals: [terminal('t1', { openPaymentId: 'open', payable: false })],
        }),
      ),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/On the terminal/);
    expect(screen.getByText('Transaction open')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Pay/ })).toBeNull();
  });

  it('after a reload with an unknown payment, shows its guided check', async () => {
    await renderApp(new FakeBridge(snapshot({ payments: [payment('lost', { state: 'unknown' })] })));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Result unknown/);
    expect(screen.getByRole('button', { name: 'Check with the gateway' })).toBeTruthy();
  });

  it('the form keeps its place while a payment is followed, and New payment brings it back ready for the amount', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp();
    await fillForm(user);
    await user.click(payButton());
    const txId = `tx-${fake.calls.findIndex((c) => c.name === 'startPayment') + 1}`;
    act(() => fake.emit({ type: 'payment', seq: 11, payment: payment(txId, { state: 'approved', orderRef: 'A-100' }) }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Approved/);
    await user.keyboard('n');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('New payment');
    const amount = screen.getByLabelText(/^Amount/) as HTMLInputElement;
    expect(document.activeElement).toBe(amount);
    expect(amount.value).toBe('');
    expect((screen.getByLabelText('Order reference') as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('radio', { name: /Till t1/ }) as HTMLInputElement).checked).toBe(true);
  });
});
