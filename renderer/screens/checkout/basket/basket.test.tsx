import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogItem } from '../../../../shared/basket';
import { FakeBridge } from '../../../test/fake-bridge';
import { payment } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const CATALOG: CatalogItem[] = [
  { barcode: '100001', name: 'Espresso', priceMinor: 220, sku: 'CAF-ESP', taxRate: 7 },
  { barcode: '100005', name: 'Croissant', priceMinor: 190 },
];

function catalogBridge(): FakeBridge {
  const fake = new FakeBridge();
  fake.respond('catalogLookup', ({ barcode }) => {
    const item = CATALOG.find((i) => i.barcode === barcode);
    return { ok: true, value: item ? { item } : {} };
  });
  fake.respond('catalogSearch', ({ query }) => ({ ok: true, value: { items: CATALOG.filter((i) => i.name.toLowerCase().includes(query.toLowerCase())) } }));
  return fake;
}

const lines = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('basket-line'));
const note = () => document.getElementById('basket-note')?.textContent;
const payButton = () => screen.getByRole('button', { name: /^Pay/ });

/** A keyboard-wedge scanner: the code typed at machine speed (user-event's default: no delay) and Enter. */
async function scan(user: ReturnType<typeof userEvent.setup>, code: string): Promise<void> {
  // The key events' clock (jsdom stamps them with Date.now()) stands still: machine-speed keys,
  // however slowly this machine runs the test.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  try {
    await user.keyboard(`${code}{Enter}`);
  } finally {
    vi.useRealTimers();
  }
  // The look-up is a round trip to the (fake) main process: let its answer land.
  await act(async () => undefined);
}

describe('checkout: the basket', () => {
  it('a scan while the amount field has focus adds the item and leaves the amount field as it was; the same item again adds one', async () => {
    const user = userEvent.setup();
    const fake = catalogBridge();
    await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    await user.click(screen.getByLabelText(/^Amount/));
    await scan(user, '100001');
    expect(lines().map((li) => li.querySelector('.basket-line-name')?.textContent)).toEqual(['Espresso']);
    expect(note()).toBe('Added Espresso.');
    expect(fake.callsOf('startPayment')).toEqual([]);
    await scan(user, '100001');
    expect(screen.getByLabelText('Quantity of Espresso')).toHaveProperty('value', '2');
    expect(screen.getByText('Basket total (USD)')).toBeTruthy();
    expect(payButton().textContent).toContain('4.40');
    // Removing the last line gives the amount-only sale back, its field empty (no scanned digits in it).
    await user.click(screen.getByRole('button', { name: 'Remove Espresso' }));
    expect(screen.getByLabelText(/^Amount/)).toHaveProperty('value', '');
  });

  it('an unknown barcode says so and adds nothing', async () => {
    const user = userEvent.setup();
    await renderApp(catalogBridge());
    await scan(user, '999999999');
    await screen.findByText(/Barcode 999999999 is not in the catalogue/);
    expect(lines()).toEqual([]);
  });

  it('Pay charges the basket total and sends its lines; quantities change with + and −', async () => {
    const user = userEvent.setup();
    const fake = catalogBridge();
    await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    await scan(user, '100001');
    await scan(user, '100005');
    await user.click(screen.getByRole('button', { name: 'One more Croissant' }));
    await user.click(screen.getByRole('button', { name: 'One more Croissant' }));
    await user.click(screen.getByRole('button', { name: 'One less Croissant' }));
    await user.click(payButton());
    expect(fake.callsOf('startPayment')).toEqual([
      expect.objectContaining({
        amountMinor: 220 + 2 * 190,
        lines: [
          { id: 'CAF-ESP', name: 'Espresso', unitPriceMinor: 220, quantity: 1, barcode: '100001', sku: 'CAF-ESP', taxRate: 7 },
          { id: '100005', name: 'Croissant', unitPriceMinor: 190, quantity: 2, barcode: '100005' },
        ],
      }),
    ]);
  });

  it('search finds an item by name and Enter in the search box adds it (and does not pay); a free line takes a name and price', async () => {
    const user = userEvent.setup();
    const fake = catalogBridge();
    await renderApp(fake);
    await user.type(screen.getByLabelText('Find an item'), 'crois');
    await within(screen.getByRole('list', { name: 'Items found' })).findByText('Croissant');
    await user.keyboard('{Enter}');
    expect(lines()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Add a free line' }));
    await user.type(screen.getByLabelText('Free line name'), 'Gift wrap');
    await user.type(screen.getByLabelText(/^Free line price/), '1.50{Enter}');
    expect(lines().map((li) => li.querySelector('.basket-line-name')?.textContent)).toEqual(['Croissant', 'Gift wrap']);
    expect(payButton().textContent).toContain('3.40');
    expect(fake.callsOf('startPayment')).toEqual([]);
  });

  it('is kept with the payment: Try again after a decline keeps it, New payment clears it', async () => {
    const user = userEvent.setup();
    const fake = catalogBridge();
    await renderApp(fake);
    await user.click(screen.getByRole('radio', { name: /Till t1/ }));
    await scan(user, '100001');
    await user.click(payButton());
    const txId = `tx-${fake.calls.findIndex((c) => c.name === 'startPayment') + 1}`;
    act(() => fake.emit({ type: 'payment', seq: 11, payment: payment(txId, { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS', amountMinor: 220 }) }));
    await user.click(screen.getByRole('button', { name: /^(Try again|Pay with another card)/ }));
    expect(lines()).toHaveLength(1);
    await user.click(payButton());
    const second = `tx-${fake.calls.map((c) => c.name).lastIndexOf('startPayment') + 1}`;
    act(() => fake.emit({ type: 'payment', seq: 12, payment: payment(second, { state: 'approved', amountMinor: 220 }) }));
    await user.click(screen.getByRole('button', { name: /^New payment/ }));
    expect(lines()).toEqual([]);
    expect(screen.getByLabelText(/^Amount/)).toHaveProperty('value', '');
  });
});
