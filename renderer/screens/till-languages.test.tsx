import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/ipc';
import { msg } from '../../shared/i18n/message';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, voidAlert } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** The till in `locale`, waiting until the language's lazy catalogue is in (html lang says so). */
async function renderIn(locale: string, patch: Partial<Snapshot> = {}) {
  const base = snapshot(patch);
  const rendered = await renderApp(new FakeBridge({ ...base, app: { ...base.app, locale } }));
  await waitFor(() => expect(document.documentElement.lang).toBe(locale));
  return rendered;
}

const signInPeople = {
  people: {
    roles: 'on' as const,
    people: [{ id: 'p1', name: 'Mona', role: 'cashier' as const, trainingPin: '1234' }],
    session: null,
    needsFirstManager: false,
    idleLockMinutes: 0,
  },
};

describe('the till in German', () => {
  it("the core's own paid-order refusal, English only, is asked in German (not shown in English)", async () => {
    const user = userEvent.setup();
    const base = snapshot();
    const fake = new FakeBridge({ ...base, app: { ...base.app, locale: 'de-DE' } });
    fake.respond('startPayment', () => ({
      ok: false,
      error: { code: 'order_already_paid', message: 'Order A-100 was already paid 24.50 USD at 12:03 on Till t1.' },
    }));
    await renderApp(fake);
    await waitFor(() => expect(document.documentElement.lang).toBe('de-DE'));
    await user.click(await screen.findByRole('radio', { name: /Till t1/ }));
    const amount = document.getElementById('amount') as HTMLInputElement;
    await user.type(amount, '1234');
    const order = document.getElementById('order-ref') as HTMLInputElement;
    await user.clear(order);
    await user.type(order, 'A-100');
    await user.click(screen.getByRole('button', { name: /Bezahlen/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Bestellung A-100 wurde heute bereits bezahlt.');
    expect(dialog.textContent).not.toContain('was already paid');
  });

  it('checkout: the form, the Pay button and the loading words are German; html lang/dir follow', async () => {
    await renderIn('de-DE');
    expect(document.documentElement.dir).toBe('ltr');
    expect(await screen.findByRole('heading', { name: 'Neue Zahlung' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Bezahlen/ })).toBeTruthy();
    expect(screen.getByText(/Online/)).toBeTruthy();
  });

  it('a decline: German title and advice, the gateway code and message as sent', async () => {
    const { store } = await renderIn('de-DE', {
      payments: [payment('p1', { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' })],
    });
    act(() => store.getState().setActivePayment('p1'));
    expect(await screen.findByRole('heading', { name: /Zahlung abgelehnt – es wurde nichts abgebucht/ })).toBeTruthy();
    expect(screen.getByText(/nicht genug Guthaben/)).toBeTruthy();
    expect(screen.getByText('Insufficient funds')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Neue Zahlung/ })).toBeTruthy();
  });

  it('an unknown outcome: the core code in German; an old English detail still shows as it was', async () => {
    const { store } = await renderIn('de-DE', {
      payments: [
        payment('p1', { state: 'unknown', detail: 'The terminal stopped answering.', detailMsg: msg('results.notCharged') }),
        payment('p2', { state: 'unknown', detail: 'Old journal words from version 0.9.' }),
      ],
    });
    act(() => store.getState().setActivePayment('p1'));
    expect(await screen.findByRole('heading', { name: /Ergebnis unbekannt/ })).toBeTruthy();
    expect(screen.getByText(/Es wurde nichts abgebucht/)).toBeTruthy();
    expect(screen.queryByText(/The terminal stopped answering/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Beim Gateway nachfragen' })).toBeTruthy();
    act(() => store.getState().setActivePayment('p2'));
    expect(await screen.findByText(/Old journal words from version 0\.9\./)).toBeTruthy();
  });

  it('the void alert: German words, the gateway reason as sent', async () => {
    await renderIn('de-DE', { alerts: [voidAlert('v1', { orderRef: 'ORD-1' })] });
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.textContent).toContain('Meldung 1 von 1'));
    expect(dialog.textContent).toContain('Es wurde nichts abgebucht');
    expect(dialog.textContent).toContain('Terminal returned after the grace period');
    expect(screen.getByRole('button', { name: /bestätigen/ })).toBeTruthy();
  });

  it('sign-in: German labels and the training-PIN hint', async () => {
    await renderIn('de-DE', signInPeople);
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeTruthy();
    expect(screen.getByText('Wer sind Sie?')).toBeTruthy();
    expect(screen.getByText(/Demomodus/)).toBeTruthy();
  });
});

describe('the till in Arabic (Kuwait)', () => {
  it('checkout: right to left, Arabic words, Arabic-Indic digits on the keypad', async () => {
    await renderIn('ar-KW');
    expect(document.documentElement.dir).toBe('rtl');
    expect(await screen.findByRole('heading', { name: 'دفعة جديدة' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /ادفع/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '٧' })).toBeTruthy();
  });

  it('amounts and PINs typed with Arabic-Indic digits are read as digits', async () => {
    const user = userEvent.setup();
    const { store } = await renderIn('ar-KW');
    await screen.findByRole('heading', { name: 'دفعة جديدة' });
    await user.type(document.getElementById('amount')!, '١٢٣٤');
    expect(store.getState().draft.amountMinor).toBe(1234);
    expect(screen.queryByText('أدخل المبلغ.')).toBeNull();
  });

  it('the PIN field keeps Arabic-Indic digits as the PIN', async () => {
    const user = userEvent.setup();
    await renderIn('ar-KW', signInPeople);
    const pin = await screen.findByLabelText('رمز PIN');
    await user.type(pin, '١٢٣٤');
    expect((pin as HTMLInputElement).value).toBe('1234');
  });

  it('a decline and the void alert in Arabic, "not charged" unambiguous', async () => {
    const { store } = await renderIn('ar-KW', {
      payments: [payment('p1', { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' })],
      alerts: [voidAlert('v1')],
    });
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.textContent).toContain('لم يتم خصم أي مبلغ من العميل'));
    // The order reference keeps its own direction inside the Arabic sentence.
    expect(dialog.textContent).toContain('\u2068ORD-v1\u2069');
    act(() => store.getState().setActivePayment('p1'));
    expect(await screen.findByRole('heading', { name: /رُفضت الدفعة/, hidden: true })).toBeTruthy();
  });

  it('an unknown outcome in Arabic', async () => {
    const { store } = await renderIn('ar-KW', { payments: [payment('p1', { state: 'unknown' })] });
    act(() => store.getState().setActivePayment('p1'));
    expect(await screen.findByRole('heading', { name: /النتيجة غير معروفة/ })).toBeTruthy();
  });

  it('sign-in in Arabic', async () => {
    await renderIn('ar-KW', signInPeople);
    expect(await screen.findByRole('heading', { name: 'تسجيل الدخول' })).toBeTruthy();
    expect(screen.getByText('من أنت؟')).toBeTruthy();
  });
});

describe('the till in Japanese', () => {
  it('checkout and sign-in in polite Japanese', async () => {
    await renderIn('ja-JP', signInPeople);
    expect(await screen.findByRole('heading', { name: 'サインイン' })).toBeTruthy();
    expect(screen.getByText('お名前を選んでください')).toBeTruthy();
  });
});
