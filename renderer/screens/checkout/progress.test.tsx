import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { payment, snapshot, terminal } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** The payment in progress (till: an honest Cancel; till: one countdown): one countdown, the true state, honest Cancel. */
async function following(p: PaymentView, t = terminal('t1', { openPaymentId: p.transactionId, payable: false })) {
  const rendered = await renderApp(new FakeBridge(snapshot({ payments: [p], terminals: [t] })));
  act(() => rendered.store.getState().setActivePayment(p.transactionId));
  return rendered;
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent ?? '';
const page = () => document.body.textContent ?? '';
/** Every "m:ss" or "N s" countdown on the screen. */
const countdowns = () => (document.querySelector('section.progress')?.textContent ?? '').match(/\d+:\d\d|\d+ s left/g) ?? [];

describe('payment in progress', () => {
  it('"sent" (the frame is out): asks for the card at once, not "Sending…"', async () => {
    await following(payment('p1', { state: 'sent', deadlineAt: Date.now() + 100_000 }));
    expect(heading()).toMatch(/On the terminal — waiting for the customer/);
    expect(page()).toMatch(/Ask the customer to tap, insert or swipe their card on "Till t1"/);
    expect(page()).not.toMatch(/Sending/);
  });

  it('one countdown only: a reconnecting terminal\'s 57 s, never beside "Stop waiting in 1:40"', async () => {
    const now = Date.now();
    await following(
      payment('p2', { state: 'terminal_reconnecting', createdAt: now, deadlineAt: now + 100_000 }),
      terminal('t1', { presence: 'reconnecting', payable: false, openPaymentId: 'p2', graceEndsAt: now + 57_000 }),
    );
    expect(heading()).toMatch(/Terminal reconnecting — 5\d s left/);
    expect(page()).not.toMatch(/1:[34]\d/);
    expect(countdowns(), document.querySelector('section.progress')?.textContent ?? 'none').toHaveLength(1);
  });

  it('while the terminal works, the one countdown is how long Checkstand keeps waiting', async () => {
    const now = Date.now();
    await following(payment('p3', { state: 'awaiting_result', createdAt: now, deadlineAt: now + 100_000 }));
    expect(page()).toMatch(/Keeps waiting\s*1:[34]\d/);
    expect(countdowns(), document.querySelector('section.progress')?.textContent ?? 'none').toHaveLength(1);
  });

  it('every waiting screen says what to tell the customer', async () => {
    const now = Date.now();
    const { fake } = await following(payment('p4', { state: 'awaiting_result', deadlineAt: now + 100_000 }));
    expect(page()).toMatch(/Tell the customer: .*tap, insert or swipe/);
    act(() => fake.emit({ type: 'payment', seq: 11, payment: payment('p4', { state: 'awaiting_result', pendingSeen: true, deadlineAt: now + 100_000 }) }));
    expect(page()).toMatch(/Tell the customer: "Please wait — don't pay again yet\."/);
    act(() => fake.emit({ type: 'payment', seq: 12, payment: payment('p4', { state: 'terminal_reconnecting', deadlineAt: now + 100_000 }) }));
    expect(page()).toMatch(/Tell the customer: "Please wait — don't pay again yet\."/);
  });

  it('Cancel says exactly what to do: press Cancel on the named terminal; Checkstand keeps waiting for CANCELLED', async () => {
    const user = userEvent.setup();
    const { fake } = await following(payment('p5', { state: 'awaiting_result', deadlineAt: Date.now() + 100_000 }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel.getAttribute('aria-expanded')).toBe('false');
    await user.click(cancel);
    expect(cancel.getAttribute('aria-expanded')).toBe('true');
    expect(page()).toMatch(
      /Press Cancel on terminal "Till t1"\. Checkstand cannot cancel a card payment itself; it keeps waiting until the terminal reports it cancelled\./,
    );
    expect(fake.calls.map((c) => c.name)).not.toContain('stopWaiting');
  });

  it('Stop waiting asks first, saying what happens if the terminal approves later; Keep waiting changes nothing', async () => {
    const user = userEvent.setup();
    const { fake } = await following(payment('p6', { state: 'awaiting_result', deadlineAt: Date.now() + 100_000 }));
    await user.click(screen.getByRole('button', { name: 'Stop waiting…' }));
    const confirm = screen.getByRole('group', { name: 'Stop waiting for this payment?' });
    expect(confirm.textContent).toMatch(/If the terminal approves it after you stop, the customer IS charged: the payment then shows "Needs review"/);
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    expect(fake.callsOf('stopWaiting')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Stop waiting…' }));
    await user.click(screen.getByRole('button', { name: 'Stop waiting, order not paid' }));
    expect(fake.callsOf('stopWaiting')).toEqual([{ transactionId: 'p6' }]);
  });
});
