import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, voidAlert } from '../test/fixtures';
import { renderApp } from '../test/render-app';

describe('void alert', () => {
  it('shows the queue one at a time, traps focus, ignores Esc, and needs the acknowledgement', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(
      snapshot({ alerts: [voidAlert('v1', { orderRef: 'ORD-1' }), voidAlert('v2', { orderRef: 'ORD-2' })], payments: [payment('p1', { state: 'declined' })] }),
    );
    const { store } = await renderApp(fake);
    // A result screen behind the alert: its N / R keys must not act through the alert.
    act(() => store.getState().setActivePayment('p1'));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Alert 1 of 2');
    expect(dialog.textContent).toContain('ORD-1');
    expect(dialog.textContent).toMatch(/customer was not charged/);
    expect(dialog.textContent).toMatch(/take the payment again/);
    expect(dialog.textContent).toContain('Terminal returned after the grace period');
    const ack = screen.getByRole('button', { name: /I have told the customer — acknowledge/ });
    // Focus starts on the title: a stray Enter does not acknowledge an unread alert.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /customer was NOT charged/ }));
    await user.keyboard('{Enter}');
    expect(fake.callsOf('acknowledgeAlert')).toEqual([]);
    await user.tab();
    expect(document.activeElement).toBe(ack);

    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    await user.keyboard('{F2}');
    await user.keyboard('n');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(store.getState().screen).toBe('checkout');
    expect(store.getState().activePaymentId).toBe('p1');

    // A new alert while one is open joins the queue; none is lost.
    act(() => fake.emit({ type: 'alert', seq: 11, alert: voidAlert('v3', { orderRef: 'ORD-3' }) }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Alert 1 of 3');

    await user.click(ack);
    expect(fake.callsOf('acknowledgeAlert')).toEqual([{ alertId: 'v1' }]);
    expect(screen.getByRole('alertdialog').textContent).toContain('ORD-2');
    expect(screen.getByRole('alertdialog').textContent).toContain('Alert 1 of 2');
  });

  it('stays open when the acknowledgement fails, and says so', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(snapshot({ alerts: [voidAlert('v1')] }));
    fake.respond('acknowledgeAlert', () => ({ ok: false, error: { code: 'internal', message: 'Journal not writable.' } }));
    await renderApp(fake);
    await user.click(screen.getByRole('button', { name: /acknowledge/ }));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Journal not writable.');
  });

  it('when another attempt already paid the order, it says so first and never "take the payment again" (money-truth rule 3)', async () => {
    const paidAt = new Date(2026, 0, 15, 12, 3).getTime();
    const alert = voidAlert('v1', { orderRef: 'RT-1', terminalId: 't2', amountMinor: 2450 });
    const fake = new FakeBridge(snapshot({ alerts: [alert] }));
    await renderApp(fake);
    expect(screen.getByRole('alertdialog').textContent).toMatch(/This order is NOT paid: take the payment again/);
    // The core's standing of the order arrives (the re-take on t1 was approved): the alert follows it.
    const order = {
      orderRef: 'RT-1',
      status: 'paid' as const,
      approvals: [{ transactionId: 'retake', terminalId: 't1', amountMinor: 2450, currency: 'EUR', at: paidAt }],
    };
    act(() => fake.emit({ type: 'order', seq: 11, order, nextOrderRef: 'R1-0002' }));
    const dialog = screen.getByRole('alertdialog');
    // The alert's own heading (the checkout behind it has headings of its own, the basket's).
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toMatch(/Order RT-1 is already paid — do not take it again/);
    expect(dialog.querySelector('#void-summary')?.textContent).toMatch(/^Order RT-1 is already paid — €24\.50 at 12:03 on Till t1\. Do not take it again\./);
    expect(dialog.textContent).not.toMatch(/take the payment again/i);
  });

  it('appears when paymentVoided arrives and the app behind it is inert', async () => {
    const { fake } = await renderApp();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => fake.emit({ type: 'alert', seq: 11, alert: voidAlert('v9') }));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    await userEvent.setup().click(screen.getByRole('button', { name: /acknowledge/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
    // Focus returns to the screen, not to <body>.
    expect(document.activeElement?.textContent).toMatch(/New payment/);
  });
});

describe('void alert sound', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('beeps once per new alert through Web Audio', async () => {
    const started: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { type: '', frequency: { value: 0 }, connect: (n: unknown) => n, start: (t: number) => started.push(t), stop: () => undefined };
      }
      createGain() {
        return { gain: { value: 0 }, connect: (n: unknown) => n };
      }
      close() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const { fake } = await renderApp(new FakeBridge(snapshot({ alerts: [voidAlert('s1')] })));
    expect(started.length).toBe(3);
    act(() => fake.emit({ type: 'alert', seq: 11, alert: voidAlert('s1', { reason: 'updated' }) }));
    expect(started.length).toBe(3);
  });
});
