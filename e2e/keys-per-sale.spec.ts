import type { Locator, Page } from '@playwright/test';
import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, expectResult, simFrames, waitOnline } from './cashier';
import type { SimulatorHandle } from '../simulator/api';

/**
 * A sale in five keys (till): the keys and taps a cashier needs for a custom-amount card sale,
 * counted, and failing above the budgets. A repeat sale from the previous sale's result screen is
 * `2 4 5 0 Enter` on the keyboard (this till's terminal is remembered, the order reference is
 * generated); on touch the keypad's Pay key means no OS keyboard (New payment, four digits, Pay).
 * First sales (no terminal remembered yet) have their own, measured budgets.
 */
export const BUDGETS = {
  keyboard: { first: 8, repeat: 5 },
  touch: { first: 6, repeat: 6 },
} as const;

/** Presses keys and taps targets, counting each one the cashier would make. */
class Cashier {
  count = 0;
  constructor(private readonly page: Page) {}
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.page.keyboard.press(key);
      this.count += 1;
    }
  }
  async tap(target: Locator): Promise<void> {
    // A tap on a text field would raise the OS keyboard: a touch sale must never need one.
    expect(await target.evaluate((el) => el.tagName)).not.toBe('INPUT');
    await target.tap();
    this.count += 1;
  }
}

const payments = (sim: SimulatorHandle) => simFrames(sim, 'in', 'payment') as { terminalId: string; paymentRequest: { amount: string; metadata?: { orderId?: string } } }[];
const keypad = (page: Page) => page.getByRole('group', { name: 'Keypad' });
const keypadKey = (page: Page, name: string) => keypad(page).getByRole('button', { name, exact: true });

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

test('keyboard: the first sale within its budget, the repeat sale in 5 keys (2 4 5 0 Enter) on the same terminal', async ({ page, sim }) => {
  const first = new Cashier(page);
  await expect(page.getByLabel(/^Amount/)).toBeFocused();
  await first.keys('1', '2', '5', '0');
  // No terminal is remembered on a fresh till: Shift+Tab twice reaches the cards (the last one,
  // Lane 3, in name order), Space chooses it, Enter pays from there.
  await first.keys('Shift+Tab', 'Shift+Tab', 'Space', 'Enter');
  await expectResult(page, RESULT.approved);
  expect(first.count).toBeLessThanOrEqual(BUDGETS.keyboard.first);
  expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-003', paymentRequest: { amount: '12.50', metadata: { orderId: 'R1-0001' } } });

  const repeat = new Cashier(page);
  await repeat.keys('2', '4', '5', '0', 'Enter');
  await expectResult(page, RESULT.approved);
  expect(repeat.count).toBeLessThanOrEqual(BUDGETS.keyboard.repeat);
  expect(payments(sim)).toHaveLength(2);
  expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-003', paymentRequest: { amount: '24.50', metadata: { orderId: 'R1-0002' } } });
  test.info().annotations.push({ type: 'keys', description: `first ${first.count}, repeat ${repeat.count}` });
});

test('touch: the keypad Pay key, no OS keyboard: first and repeat sale in about 6 taps', async ({ app, lazyChromium, sim }) => {
  const context = await (await lazyChromium()).newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(app.url!);
    await waitOnline(page);
    const first = new Cashier(page);
    await first.tap(page.getByRole('radio', { name: /^Lane 2(\s|$)/ }).locator('xpath=..'));
    for (const d of ['1', '2', '5', '0']) await first.tap(keypadKey(page, d));
    await first.tap(keypad(page).locator('.numpad-pay'));
    await expectResult(page, RESULT.approved);
    expect(first.count).toBeLessThanOrEqual(BUDGETS.touch.first);
    expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-002', paymentRequest: { amount: '12.50' } });

    const repeat = new Cashier(page);
    await repeat.tap(page.getByRole('button', { name: /^New payment/ }));
    for (const d of ['2', '4', '5', '0']) await repeat.tap(keypadKey(page, d));
    await repeat.tap(keypad(page).locator('.numpad-pay'));
    await expectResult(page, RESULT.approved);
    expect(repeat.count).toBeLessThanOrEqual(BUDGETS.touch.repeat);
    expect(payments(sim).at(-1)).toMatchObject({ terminalId: 'TERM-002', paymentRequest: { amount: '24.50', metadata: { orderId: 'R1-0002' } } });
    test.info().annotations.push({ type: 'taps', description: `first ${first.count}, repeat ${repeat.count}` });
  } finally {
    await context.close();
  }
});
