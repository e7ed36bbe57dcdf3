import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { payment, snapshot, terminal } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** A sale in five keys, the renderer's part: a stable card order, this till's terminal, digits on a result screen. */
const cards = () => screen.getAllByRole('radio', { name: /^(Lane|Counter)/ }) as HTMLInputElement[];
/** "Lane 2 (T2)": the card's name and, to tell twins apart, its terminal id. */
const order = () => cards().map((r) => `${r.closest('label')?.querySelector('.terminal-label')?.textContent} (${r.value})`);
const checked = () => cards().find((r) => r.checked);
const lanes = [
  terminal('T9', { label: 'Lane 10' }),
  terminal('T2', { label: 'Lane 2' }),
  terminal('T1', { label: 'Counter 1' }),
  terminal('T3', { label: 'Lane 2' }),
];

describe('terminal cards in a stable order', () => {
  it('by name (Lane 2 before Lane 10), then id, and a new terminal or a status change does not move the others', async () => {
    const { fake } = await renderApp(new FakeBridge(snapshot({ terminals: lanes })));
    expect(order()).toEqual(['Counter 1 (T1)', 'Lane 2 (T2)', 'Lane 2 (T3)', 'Lane 10 (T9)']);
    act(() => fake.emit({ type: 'terminal', seq: 11, terminal: terminal('T0', { label: 'Lane 3' }) }));
    act(() => fake.emit({ type: 'terminal', seq: 12, terminal: terminal('T2', { label: 'Lane 2', presence: 'reconnecting', payable: false }) }));
    expect(order()).toEqual(['Counter 1 (T1)', 'Lane 2 (T2)', 'Lane 2 (T3)', 'Lane 3 (T0)', 'Lane 10 (T9)']);
  });
});

describe("this till's terminal", () => {
  it('is chosen when the checkout opens, left unselected while offline, and chosen again when it is back', async () => {
    const { fake } = await renderApp(new FakeBridge(snapshot({ terminals: lanes, tillTerminalId: 'T9' })));
    expect(checked()?.closest('label')?.textContent).toMatch(/^Lane 10/);
    act(() => fake.emit({ type: 'terminal', seq: 11, terminal: terminal('T9', { label: 'Lane 10', presence: 'offline', payable: false }) }));
    expect(checked()).toBeUndefined();
    expect(document.getElementById('pay-reason')?.textContent).toBe('Choose a terminal.');
    act(() => fake.emit({ type: 'terminal', seq: 12, terminal: terminal('T9', { label: 'Lane 10' }) }));
    expect(checked()?.closest('label')?.textContent).toMatch(/^Lane 10/);
  });

  it("the cashier's own pick is the one remembered in this window", async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp(new FakeBridge(snapshot({ terminals: lanes, tillTerminalId: 'T9' })));
    await user.click(screen.getByRole('radio', { name: /^Counter 1/ }));
    act(() => fake.emit({ type: 'terminal', seq: 11, terminal: terminal('T1', { label: 'Counter 1', presence: 'offline', payable: false }) }));
    expect(checked()).toBeUndefined();
    act(() => fake.emit({ type: 'terminal', seq: 12, terminal: terminal('T1', { label: 'Counter 1' }) }));
    expect(checked()?.closest('label')?.textContent).toMatch(/^Counter 1/);
  });
});

describe('a digit on a result screen', () => {
  it('starts the next sale with that digit as the first of the amount; Enter pays on the same terminal', async () => {
    const user = userEvent.setup();
    const done = payment('tx-1', { terminalId: 'T2', amountMinor: 2450, orderRef: 'R1-0001' });
    const fake = new FakeBridge(snapshot({ terminals: lanes, payments: [done], tillTerminalId: 'T2', nextOrderRef: 'R1-0002' }));
    const { store } = await renderApp(fake);
    act(() => store.getState().setActivePayment('tx-1'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Approved/);
    await user.keyboard('2');
    expect(screen.getByLabelText(/^Amount/)).toHaveProperty('value', '2');
    expect(document.activeElement?.id).toBe('amount');
    await user.keyboard('450{Enter}');
    expect(fake.callsOf('startPayment')).toEqual([{ terminalId: 'T2', amountMinor: 2450, currency: 'USD', paymentMethod: 'CARD', orderRef: 'R1-0002' }]);
  });
});
