import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { controlPageSuite, POLL } from './testing/control-page-browser';
import { paymentFrame, until } from './testing/pos-client';

/** The vendor's example product (S4), sent as a POS sends it. */
const WIDGET = { id: 'PROD-001', name: 'Widget', price: '29.99', quantity: 2 };
const COFFEE = { id: 'CAF-1', name: 'Coffee', price: '4.00', quantity: 1, sku: 'CAF-1', tax: 0.26 };

/** A payment's line items at the simulator: recorded with the transaction, listed on the terminal screen and the control page. */
describe('line items (products) at the simulator', () => {
  const ctx = controlPageSuite();

  it('records the products as sent and lists them on the virtual terminal’s screen and in the transactions table', async () => {
    await ctx
      .card('Lane 1')
      .getByRole('checkbox', { name: /Manual mode/ })
      .check();
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.manual === true);
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-001', id, { amount: '63.98', products: [WIDGET, COFFEE] }));
    await until(() => ctx.sim.control.transaction(id) !== undefined);
    expect(ctx.sim.control.transaction(id)?.products).toEqual([WIDGET, COFFEE]);
    await until(() => ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.transactionId === id);
    expect(ctx.sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.items).toEqual([
      { name: 'Widget', quantity: 2, price: '29.99' },
      { name: 'Coffee', quantity: 1, price: '4.00' },
    ]);
    await expect.poll(() => ctx.card('Lane 1').locator('.screen').innerText(), POLL).toContain('2 × Widget');
    await expect.poll(() => ctx.page.locator('#transactions').innerText(), POLL).toContain('1 × Coffee');
    await ctx.card('Lane 1').getByRole('button', { name: 'Approve' }).click();
    await ctx.pos.action('paymentComplete');
    // The result screen still shows what was sold.
    await expect.poll(() => ctx.card('Lane 1').locator('.screen').innerText(), POLL).toMatch(/2 × Widget[\s\S]*APPROVED/);
  });

  it('a payment without products is recorded without them', async () => {
    const id = uuidv7();
    ctx.pos.send(paymentFrame('TERM-002', id));
    await until(() => ctx.sim.control.transaction(id) !== undefined);
    expect(ctx.sim.control.transaction(id)).not.toHaveProperty('products');
  });
});
