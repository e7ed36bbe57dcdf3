import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { connection, payment, snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { quickTenders } from './cash-tender';

/** Cash is cash, the renderer's part: the tender dialog, the change due, and the method chips. */
const methods = () => screen.getAllByRole('radio', { name: /^(Card|Cash|Mobile|Other)$/ }).map((r) => r.closest('label')?.textContent);
const dialog = () => screen.getByRole('dialog', { name: /^Cash/ });

async function startCashSale(user: ReturnType<typeof userEvent.setup>, fake: FakeBridge) {
  fake.respond('recordCashSale', (req) => {
    const sale = payment('cash-1', {
      paymentMethod: 'CASH',
      terminalId: 'Cash drawer',
      orderRef: req.orderRef ?? 'R1-0001',
      amountMinor: req.amountMinor,
      cash: { tenderedMinor: req.tenderedMinor, changeMinor: req.tenderedMinor - req.amountMinor },
    });
    // The core announces the recorded sale before it answers, as it does for every payment.
    fake.emit({ type: 'payment', seq: 11, payment: sale });
    return { ok: true, value: sale };
  });
  await user.click(screen.getByRole('radio', { name: 'Cash' }));
  await user.type(screen.getByLabelText(/^Amount/), '2450');
  const ready = document.getElementById('pay-reason')?.textContent;
  await user.keyboard('{Enter}');
  return ready;
}

describe('the method chips', () => {
  it('show Card and Cash only, unless the store enabled Mobile or Other', async () => {
    const { fake } = await renderApp();
    expect(methods()).toEqual(['Card', 'Cash']);
    act(() => fake.emit({ type: 'settings', seq: 11, settings: { ...fake.snapshot.settings, terminalMethods: ['MOBILE'] } }));
    expect(methods()).toEqual(['Card', 'Cash', 'Mobile']);
  });
});

describe('cash tender', () => {
  it('quick amounts: the exact amount, then the notes above it', () => {
    expect(quickTenders(2450, 'EUR')).toEqual([2450, 2500, 3000, 4000, 5000]);
    expect(quickTenders(2000, 'EUR')).toEqual([2000, 2500, 3000, 4000, 5000]);
    expect(quickTenders(500, 'JPY')).toEqual([500, 1000, 2000, 5000, 10000]);
  });

  it('Pay with Cash asks for the tender, shows the change, records it at the till and never starts a terminal payment', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(snapshot({ connection: connection({ state: 'backoff', attempt: 1 }) }));
    await renderApp(fake);
    // Cash needs no gateway: Pay is ready while the gateway is offline.
    expect(await startCashSale(user, fake)).toBe('Ready: Pay asks for the cash tendered.');
    expect(dialog()).toBeTruthy();
    expect(document.activeElement?.id).toBe('cash-tendered');
    await user.click(screen.getByRole('button', { name: '$50.00' }));
    expect(document.getElementById('cash-change')?.textContent).toBe('Change due: $25.50');
    await user.click(screen.getByRole('button', { name: /^Cash received/ }));
    expect(fake.callsOf('recordCashSale')).toEqual([{ orderRef: 'R1-0001', amountMinor: 2450, currency: 'USD', tenderedMinor: 5000 }]);
    expect(fake.callsOf('startPayment')).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Cash — give \$25\.50 change/);
  });

  it('less than the amount is refused with both amounts, and nothing is recorded', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    await renderApp(fake);
    await startCashSale(user, fake);
    await user.type(screen.getByLabelText('Amount tendered'), '20.00{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('The customer gave $20.00, less than the $24.50 to pay. Enter the amount tendered again.');
    expect(fake.callsOf('recordCashSale')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
