import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatMoneyIn } from '../../../shared/i18n/format';
import { payment } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { LOADED, localizedTill } from '../history/localized-till';

// The Gulf shop: one day in three currencies.
const mixed = [
  payment('j1', { orderRef: 'JP-1', state: 'approved', amountMinor: 2450, currency: 'JPY' }),
  payment('e1', { orderRef: 'EU-1', state: 'approved', amountMinor: 26950, currency: 'EUR' }),
  payment('k1', { orderRef: 'KW-1', state: 'approved', amountMinor: 24500, currency: 'KWD' }),
];

describe('End of day in the store’s language', () => {
  it('reads German: title, taken today with its count, the tables, the voids heading', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('de-DE', { payments: [mixed[1]!] }));
    await user.keyboard('{F3}');
    expect(await screen.findByRole('heading', { name: 'Tagesabschluss' }, LOADED)).toBeTruthy();
    expect(screen.getByTestId('eod-taken').textContent).toBe(`Heute eingenommen: ${formatMoneyIn('de-DE', 26950, 'EUR')} in 1 genehmigten Zahlung`);
    expect(screen.getByText('Nach Status')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Stornierte Zahlungen (dem Kunden wurde nichts abgebucht)' })).toBeTruthy();
    expect(screen.getByText('Heute keine stornierten Zahlungen.')).toBeTruthy();
  });

  it('reads Arabic; a mixed-currency total keeps the logical order, each amount isolated', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('ar-KW', { payments: mixed }));
    await user.keyboard('{F3}');
    expect(await screen.findByRole('heading', { name: 'إغلاق اليوم' }, LOADED)).toBeTruthy();
    const taken = screen.getByTestId('eod-taken');
    const amounts = [...taken.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(amounts).toEqual([formatMoneyIn('ar-KW', 2450, 'JPY'), formatMoneyIn('ar-KW', 26950, 'EUR'), formatMoneyIn('ar-KW', 24500, 'KWD')]);
    // In the DOM's text order too: JPY, then EUR, then KWD.
    const text = taken.textContent ?? '';
    const at = amounts.map((a) => text.indexOf(a!));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/٣/); // three approved payments, in Arabic-Indic digits
  });
});
