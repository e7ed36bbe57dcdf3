import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, expectResult, simFrames, waitOnline } from './cashier';
import { SALE_BUDGETS, SaleCounter, keyboardFirstSale, keyboardRepeatSale, touchFirstSale, touchRepeatSale } from './sale-flows';
import type { SimulatorHandle } from '../simulator/api';

/**
 * A sale in five keys (till): the keys and taps a cashier needs for a custom-amount card sale,
 * counted, and failing above the budgets (e2e/sale-flows.ts). A repeat sale from the previous
 * sale's result screen is `2 4 5 0 Enter` on the keyboard (this till's terminal is remembered, the
 * order reference is generated); on touch the keypad's Pay key means no OS keyboard (New payment,
 * four digits, Pay). First sales (no terminal remembered yet) have their own, measured budgets.
 */
type PaymentFrame = { terminalId: string; paymentRequest: { amount: string; metadata?: { orderId?: string } } };
const payments = (sim: SimulatorHandle) => simFrames(sim, 'in', 'payment') as PaymentFrame[];

test.beforeEach(async ({ host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
});

test('keyboard: the first sale within its budget, the repeat sale in 5 keys (2 4 5 0 Enter) on the same terminal', async ({ page, sim }) => {
  await waitOnline(page);
  await expect(page.getByLabel(/^Amount/)).toBeFocused();
  const first = new SaleCounter(page);
  // No terminal is remembered on a fresh till: the last card in name order (Lane 3) is chosen.
  await keyboardFirstSale(first, '1250');
  await expectResult(page, RESULT.approved);
  expect(first.count).toBeLessThanOrEqual(SALE_BUDGETS.keyboard.first);
  expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-003', paymentRequest: { amount: '12.50', metadata: { orderId: 'R1-0001' } } });

  const repeat = new SaleCounter(page);
  await keyboardRepeatSale(repeat, '2450');
  await expectResult(page, RESULT.approved);
  expect(repeat.count).toBeLessThanOrEqual(SALE_BUDGETS.keyboard.repeat);
  expect(payments(sim)).toHaveLength(2);
  expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-003', paymentRequest: { amount: '24.50', metadata: { orderId: 'R1-0002' } } });
});

test('touch: the keypad Pay key, no OS keyboard: first and repeat sale in about 6 taps', async ({ app, lazyChromium, sim }) => {
  const context = await (await lazyChromium()).newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(app.url!);
    await waitOnline(page);
    const first = new SaleCounter(page);
    await touchFirstSale(first, /^Lane 2(\s|$)/, '1250');
    await expectResult(page, RESULT.approved);
    expect(first.count).toBeLessThanOrEqual(SALE_BUDGETS.touch.first);
    expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-002', paymentRequest: { amount: '12.50' } });

    const repeat = new SaleCounter(page);
    await touchRepeatSale(repeat, '2450');
    await expectResult(page, RESULT.approved);
    expect(repeat.count).toBeLessThanOrEqual(SALE_BUDGETS.touch.repeat);
    expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-002', paymentRequest: { amount: '24.50', metadata: { orderId: 'R1-0002' } } });
  } finally {
    await context.close();
  }
});
