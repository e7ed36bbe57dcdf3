import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BasketLine } from '../../../shared/basket';
import { FakeBridge } from '../../test/fake-bridge';
import { payment, snapshot, terminal } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const coffee: BasketLine = { id: 'CAF-1', name: 'Espresso', unitPriceMinor: 220, quantity: 3, taxRate: 7 };
const cake: BasketLine = { id: 'BAK-1', name: 'Croissant', unitPriceMinor: 190, quantity: 1 };
const payments = [
  payment('b1', { orderRef: 'BASKET-1', state: 'approved', amountMinor: 850, lines: [coffee, cake] }),
  payment('b2', { orderRef: 'BASKET-2', state: 'approved', amountMinor: 440, lines: [{ ...coffee, quantity: 2 }] }),
  // A declined sale sold nothing.
  payment('b3', { orderRef: 'BASKET-3', state: 'declined', amountMinor: 1900, lines: [{ ...cake, quantity: 10 }] }),
  payment('a1', { orderRef: 'AMOUNT-1', state: 'approved', amountMinor: 1000 }),
];

const fake = () => new FakeBridge(snapshot({ payments, terminals: [terminal('t1')] }));

describe('a sale’s items after the sale', () => {
  it('History shows a payment’s lines with quantity, price, total and the tax per rate', async () => {
    const user = userEvent.setup();
    await renderApp(fake());
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Details for order BASKET-1' }));
    const items = within(screen.getByRole('region', { name: /Payment for order BASKET-1/ })).getByRole('table', { name: 'Items' });
    const rows = within(items)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[1]).toMatch(/^Espresso3\$2\.20\$6\.60$/);
    expect(rows[2]).toMatch(/^Croissant1\$1\.90\$1\.90$/);
    expect(rows[3]).toMatch(/incl\. 7 % tax\$0\.43/);
  });

  it('an amount-only payment has no items table', async () => {
    const user = userEvent.setup();
    await renderApp(fake());
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Details for order AMOUNT-1' }));
    expect(within(screen.getByRole('region', { name: /Payment for order AMOUNT-1/ })).queryByRole('table', { name: 'Items' })).toBeNull();
  });

  it('End of day counts the items of approved sales and lists the top items', async () => {
    const user = userEvent.setup();
    await renderApp(fake());
    await user.keyboard('{F3}');
    expect(screen.getByTestId('eod-items-sold').textContent).toBe('6 items sold in approved sales.');
    const rows = within(screen.getByRole('table', { name: 'Top items' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([expect.stringMatching(/^Espresso5\$11\.00$/), expect.stringMatching(/^Croissant1\$1\.90$/)]);
  });
});
