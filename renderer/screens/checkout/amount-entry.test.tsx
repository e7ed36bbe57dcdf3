import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** Amounts as cashiers type them (till: amounts as typed): what they type is what the Pay key charges. */
const dot = (1.5).toLocaleString(undefined, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).replace(/\d/g, '');
const amountField = () => screen.getByLabelText(/^Amount/) as HTMLInputElement;
const payButton = () => screen.getByRole('button', { name: /^Pay/ });
const reason = () => document.getElementById('pay-reason')?.textContent;
const keypad = () => screen.getByRole('group', { name: 'Keypad' });

async function renderWith(settings: Partial<SettingsView>) {
  const base = snapshot();
  const rendered = await renderApp(new FakeBridge(snapshot({ settings: { ...base.settings, ...settings } })));
  act(() => rendered.store.getState().updateDraft({ terminalId: 't1', orderRef: 'A-1' }));
  return rendered;
}

describe('checkout: amount entry', () => {
  it('"24.5" and "24,50" are 24.50, and the Pay label shows it', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'EUR' });
    await user.type(amountField(), '24.5');
    expect(store.getState().draft.amountMinor).toBe(2450);
    expect(payButton().textContent).toContain(`24${dot}50`);
    await user.clear(amountField());
    await user.type(amountField(), '24,50');
    expect(store.getState().draft.amountMinor).toBe(2450);
    expect(payButton().textContent).toContain(`24${dot}50`);
    expect(payButton()).toHaveProperty('disabled', false);
  });

  it('too many decimals: Pay is disabled and says why; nothing is charged', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'EUR' });
    await user.type(amountField(), '24.505');
    expect(store.getState().draft.amountMinor).toBe(0);
    expect(payButton()).toHaveProperty('disabled', true);
    expect(payButton().textContent).not.toMatch(/\d/);
    expect(reason()).toBe('EUR amounts have at most 2 decimals: "24.505" has 3.');
    expect(amountField().getAttribute('aria-invalid')).toBe('true');
    await user.type(amountField(), '{Backspace}');
    expect(store.getState().draft.amountMinor).toBe(2450);
    expect(reason()).toBe('Ready to send to the terminal.');
  });

  it('digits only are cash-register style by default: the numpad fills cents from the right', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'USD' });
    for (const k of ['1', '2', '3', '4']) await user.click(within(keypad()).getByRole('button', { name: k }));
    expect(store.getState().draft.amountMinor).toBe(1234);
    expect(payButton().textContent).toContain(`12${dot}34`);
    await user.click(within(keypad()).getByRole('button', { name: 'Delete last digit' }));
    expect(store.getState().draft.amountMinor).toBe(123);
    await user.click(within(keypad()).getByRole('button', { name: 'Clear amount' }));
    expect(store.getState().draft.amountMinor).toBe(0);
    expect(amountField().value).toBe('');
  });

  it('whole units when the store chooses it: 2450 is 2450.00, and the keypad has a decimal key instead of 00', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'EUR', amountEntry: 'whole-units' });
    await user.type(amountField(), '2450');
    expect(store.getState().draft.amountMinor).toBe(245000);
    await user.clear(amountField());
    expect(within(keypad()).queryByRole('button', { name: '00' })).toBeNull();
    for (const k of ['2', '4', 'Decimal separator', '5']) await user.click(within(keypad()).getByRole('button', { name: k }));
    expect(store.getState().draft.amountMinor).toBe(2450);
  });

  it('JPY: no decimals; a decimal is refused', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'JPY' });
    await user.click(within(keypad()).getByRole('button', { name: '5' }));
    await user.click(within(keypad()).getByRole('button', { name: '00' }));
    expect(store.getState().draft.amountMinor).toBe(500);
    expect(payButton().textContent).toMatch(/500/);
    expect(payButton().textContent).not.toContain(dot);
    await user.type(amountField(), '.5');
    expect(reason()).toBe('JPY amounts have no decimals: type whole amounts, for example 500.');
  });

  it('KWD: three decimals, typed on the keyboard', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'KWD' });
    await user.type(amountField(), '1234');
    expect(store.getState().draft.amountMinor).toBe(1234);
    expect(payButton().textContent).toContain(`1${dot}234`);
    await user.type(amountField(), '{Backspace}');
    expect(store.getState().draft.amountMinor).toBe(123);
    await user.clear(amountField());
    await user.type(amountField(), '1,5');
    expect(store.getState().draft.amountMinor).toBe(1500);
  });

  it('an amount set elsewhere (New payment clears it) shows in the field', async () => {
    const user = userEvent.setup();
    const { store } = await renderWith({ currency: 'EUR' });
    await user.type(amountField(), '9.99');
    act(() => store.getState().updateDraft({ amountMinor: 0 }));
    expect(amountField().value).toBe('');
    act(() => store.getState().updateDraft({ amountMinor: 1250 }));
    expect(amountField().value).toBe('12.50');
  });
});
