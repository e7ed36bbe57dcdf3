import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { payment } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { LOADED, localizedTill } from './localized-till';

const payments = [
  payment('a1', { orderRef: 'APPLE-1', state: 'approved', amountMinor: 2450, currency: 'EUR' }),
  // A journal of an older version: only the English detail, no code.
  payment('n1', {
    orderRef: 'OLD-REVIEW',
    state: 'needs_review',
    amountMinor: 700,
    currency: 'EUR',
    detail: 'The gateway sent an error this till could not match.',
  }),
];

describe('History in the store’s language', () => {
  it('reads German: title, filters, CSV button, the count, table headers, amounts in German format', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('de-DE', { payments }));
    await user.keyboard('{F2}');
    expect(await screen.findByRole('heading', { name: 'Heutige Zahlungen' }, LOADED)).toBeTruthy();
    expect(screen.getByLabelText('Suchen')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'CSV exportieren' })).toBeTruthy();
    expect(screen.getByText('2 Zahlungen angezeigt')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Betrag' })).toBeTruthy();
    expect(within(table).getByText('24,50 €')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Details zu Bestellung OLD-REVIEW' }));
    // An old journal's English detail still shows, inside the German details.
    expect(screen.getByRole('heading', { name: 'Zahlung für Bestellung OLD-REVIEW' })).toBeTruthy();
    expect(screen.getByText('The gateway sent an error this till could not match.')).toBeTruthy();
  });

  it('reads Arabic, with Arabic plural forms for the count', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('ar-KW', { payments }));
    await user.keyboard('{F2}');
    expect(await screen.findByRole('heading', { name: 'مدفوعات اليوم' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'تصدير CSV' })).toBeTruthy();
    expect(screen.getByText(/عرض دفعتين/)).toBeTruthy();
  });
});
