import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentView, TerminalView } from '../../shared/ipc';
import { FakeBridge } from '../test/fake-bridge';
import { connection, payment, snapshot, terminal } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/**
 * Someone sets the PC's clock (or NTP corrects a drifted till) while a countdown is on screen.
 * The core's timers run on elapsed time (payments/clock-jumps.test.ts,
 * terminals/grace-clock-jump.int.test.ts), so the numbers the cashier reads must too: a grace
 * countdown that dropped to "0 s" three hours early, or read three hours, would be a lie.
 *
 * Fake Date, performance and intervals: `vi.setSystemTime` moves the wall clock only, as setting
 * the PC's clock does; `vi.advanceTimersByTime` is time passing, and moves both.
 */
const HOUR = 3_600_000;
afterEach(() => {
  vi.useRealTimers();
});

function fakeClocks(): number {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'], now: Date.now() });
  return Date.now();
}
const setWallClock = (by: number) => act(() => vi.setSystemTime(Date.now() + by));
const timePasses = (ms: number) => act(() => vi.advanceTimersByTime(ms));

const heading = () => screen.getByRole('heading', { level: 1 }).textContent ?? '';
const progressText = () => document.querySelector('section.progress')?.textContent ?? '';
const banner = () => screen.getByTestId('connection-banner').textContent ?? '';

async function following(p: PaymentView, t: TerminalView) {
  const rendered = await renderApp(new FakeBridge(snapshot({ payments: [p], terminals: [t] })));
  act(() => rendered.store.getState().setActivePayment(p.transactionId));
  return rendered;
}

describe.each([
  ['forward 3 h', 3 * HOUR],
  ['back 3 h', -3 * HOUR],
])('the PC clock set %s while a countdown runs', (_name, jump) => {
  it("the payment screen's reconnect countdown goes on from where it was", async () => {
    const now = fakeClocks();
    await following(
      payment('p1', { state: 'terminal_reconnecting', createdAt: now, deadlineAt: now + 100_000 }),
      terminal('t1', { presence: 'reconnecting', payable: false, openPaymentId: 'p1', graceEndsAt: now + 57_000 }),
    );
    expect(heading()).toMatch(/Terminal reconnecting — 57 s left/);
    setWallClock(jump);
    timePasses(1000);
    expect(heading()).toMatch(/Terminal reconnecting — 56 s left/);
  });

  it('"Keeps waiting" counts the time since Pay, not the wall clock', async () => {
    const now = fakeClocks();
    await following(
      payment('p2', { state: 'awaiting_result', createdAt: now, deadlineAt: now + 100_000 }),
      terminal('t1', { openPaymentId: 'p2', payable: false }),
    );
    expect(progressText()).toMatch(/Keeps waiting\s*1:40/);
    setWallClock(jump);
    timePasses(10_000);
    expect(progressText()).toMatch(/Keeps waiting\s*1:30/);
  });

  it("the terminal picker's grace countdown goes on from where it was", async () => {
    const now = fakeClocks();
    await renderApp(new FakeBridge(snapshot({ terminals: [terminal('t1', { presence: 'reconnecting', payable: false, graceEndsAt: now + 42_000 })] })));
    const picker = () => screen.getByRole('radio', { name: /Till t1/ }).closest('label')?.textContent ?? '';
    expect(picker()).toMatch(/— 42 s left/);
    setWallClock(jump);
    timePasses(2000);
    expect(picker()).toMatch(/— 40 s left/);
  });

  it("the banner's next reconnect attempt goes on from where it was", async () => {
    const now = fakeClocks();
    await renderApp(new FakeBridge(snapshot({ connection: connection({ state: 'backoff', attempt: 2, nextRetryAt: now + 30_000 }) })));
    expect(banner()).toMatch(/Next try in 30 s/);
    setWallClock(jump);
    timePasses(1000);
    expect(banner()).toMatch(/Next try in 29 s/);
  });

  it('a screen opened after the clock was set counts from when its countdown arrived, not from the new wall clock', async () => {
    const now = fakeClocks();
    const { fake, store } = await renderApp(new FakeBridge(snapshot({ terminals: [terminal('t1')] })));
    act(() => store.getState().setScreen('history'));
    // Arrives while no screen draws it: only the moment it arrived says where it ends.
    act(() => fake.emit({ type: 'terminal', seq: 11, terminal: terminal('t1', { presence: 'reconnecting', payable: false, graceEndsAt: now + 42_000 }) }));
    timePasses(2000);
    setWallClock(jump);
    act(() => store.getState().setScreen('checkout'));
    expect(screen.getByRole('radio', { name: /Till t1/ }).closest('label')?.textContent).toMatch(/— 40 s left/);
  });

  it('a PIN lockout shown on the sign-in screen lasts its 30 s: the core keeps it that long too (people/pin-lockout.ts)', async () => {
    const now = fakeClocks();
    const mona = { id: 'p1', name: 'Mona', role: 'cashier' as const, lockedUntil: now + 30_000 };
    await renderApp(new FakeBridge(snapshot({ people: { roles: 'on', people: [mona], session: null, needsFirstManager: false, idleLockMinutes: 0 } })));
    const choice = () => screen.getByRole('radio', { name: /Mona/ }).closest('label')?.textContent ?? '';
    expect(choice()).toMatch(/locked after wrong PINs/);
    setWallClock(jump);
    timePasses(29_000);
    expect(choice()).toMatch(/locked after wrong PINs/);
    timePasses(1_000);
    expect(choice()).not.toMatch(/locked/);
  });

  it('a countdown the main process sends after the clock was set is read on the new wall clock', async () => {
    const now = fakeClocks();
    const { fake } = await following(
      payment('p4', { state: 'awaiting_result', createdAt: now, deadlineAt: now + 100_000 }),
      terminal('t1', { openPaymentId: 'p4', payable: false }),
    );
    setWallClock(jump);
    // The terminal drops after the jump: the core works its grace end out from the new wall clock.
    act(() =>
      fake.emit({
        type: 'terminal',
        seq: 11,
        terminal: terminal('t1', { presence: 'reconnecting', payable: false, openPaymentId: 'p4', graceEndsAt: Date.now() + 60_000 }),
      }),
    );
    act(() => fake.emit({ type: 'payment', seq: 12, payment: payment('p4', { state: 'terminal_reconnecting', createdAt: now, deadlineAt: now + 100_000 }) }));
    expect(heading()).toMatch(/Terminal reconnecting — 60 s left/);
  });
});
