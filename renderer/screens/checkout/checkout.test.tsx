import { act, screen, within } from '@testing-library/react';
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
  it('says why it is disabled until terminal, amount and order are given', async () => {
    const user = userEvent.setup();
    await renderApp();
    expect(payButton()).toHaveProperty('disabled', true);
    expect(reason()).toBe('Choose a terminal.');
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    expect(reason()).toBe('Enter the amount.');
    await user.type(screen.getByLabelText(/^Amount/), '1234');
    expect(reason()).toBe('Enter the order reference.');
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
    let answer: (r: CommandResult<{ transactionId: string }>) => void = () => undefined;
    fake.respond('startPayment', () => new Promise((resolve) => (answer = resolve)));
    await renderApp(fake);
    await fillForm(user);
    await user.dblClick(payButton());
    await user.keyboard('{Enter}');
    expect(fake.callsOf('startPayment')).toEqual([
      { terminalId: 't1', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD', orderRef: 'A-100' },
    ]);
    expect(reason()).toBe('Sending the payment…');
    await act(async () => answer({ ok: true, value: { transactionId: 'tx-new' } }));
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
    act(() => fake.emit({ type: 'terminal', seq: 12, terminal: terminal('t1', { presence: 'reconnecting', payable: false, graceEndsAt: Date.now() + 42_000 }) }));
    act(() => fake.emit({ type: 'payment', seq: 13, payment: payment(txId, { state: 'terminal_reconnecting', orderRef: 'A-100' }) }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Terminal reconnecting — 4\d s left/);
    act(() => fake.emit({ type: 'payment', seq: 14, payment: payment(txId, { state: 'approved', authorizationCode: 'AUTH77', orderRef: 'A-100' }) }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toMatch(/Approved/);
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('AUTH77')).toBeTruthy();
  });
});

describe('checkout: amount entry', () => {
  async function renderWithCurrency(currency: string) {
    const base = snapshot();
    return renderApp(new FakeBridge(snapshot({ settings: { ...base.settings, currency } })));
  }

  it('USD: the numpad fills cents from the right', async () => {
    const user = userEvent.setup();
    const { store } = await renderWithCurrency('USD');
    const pad = screen.getByRole('group', { name: 'Keypad' });
    for (const k of ['1', '2', '3', '4']) await user.click(within(pad).getByRole('button', { name: k }));
    expect(store.getState().draft.amountMinor).toBe(1234);
    expect((screen.getByLabelText(/^Amount/) as HTMLInputElement).value).toContain(`12${dot}34`);
    await user.click(within(pad).getByRole('button', { name: 'Delete last digit' }));
    expect(store.getState().draft.amountMinor).toBe(123);
    await user.click(within(pad).getByRole('button', { name: 'Clear amount' }));
    expect(store.getState().draft.amountMinor).toBe(0);
  });

  it('JPY: no decimals', async () => {
    const user = userEvent.setup();
    const { store } = await renderWithCurrency('JPY');
    const pad = screen.getByRole('group', { name: 'Keypad' });
    await user.click(within(pad).getByRole('button', { name: '5' }));
    await user.click(within(pad).getByRole('button', { name: '00' }));
    expect(store.getState().draft.amountMinor).toBe(500);
    const value = (screen.getByLabelText(/^Amount/) as HTMLInputElement).value;
    expect(value).toMatch(/500/);
    expect(value).not.toContain(dot);
  });

  it('KWD: three decimals, typed on the keyboard', async () => {
    const user = userEvent.setup();
    const { store } = await renderWithCurrency('KWD');
    await user.type(screen.getByLabelText(/^Amount/), '1234');
    expect(store.getState().draft.amountMinor).toBe(1234);
    expect((screen.getByLabelText(/^Amount/) as HTMLInputElement).value).toContain(`1${dot}234`);
    await user.type(screen.getByLabelText(/^Amount/), '{Backspace}');
    expect(store.getState().draft.amountMinor).toBe(123);
  });
});
