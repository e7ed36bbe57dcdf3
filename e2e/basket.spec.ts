import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test, BROWSER_ONLY_REASON } from './fixtures';
import { RESULT, expectResult, payButton, simFrames, waitOnline } from './cashier';
import { scanBarcode } from './scanner';

/**
 * Ringing up a sale from the demo catalogue (demo mode ships a sample with six-digit barcodes):
 * items scanned the way a keyboard-wedge scanner sends them, a quantity changed, paid; the
 * gateway gets the lines as `products`, and the printed receipt (PDF) lists them.
 */
test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

const scan = scanBarcode;

const basketLine = (page: Page, name: string) => page.locator('.basket-line', { hasText: name });

type Product = { id: string; name: string; price: string; quantity: number; sku?: string; category?: string; brand?: string; tax?: number };

test('scan, change a quantity, pay: the payment frame carries the products and the receipt lists them', async ({ page, sim }) => {
  await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
  await page.getByLabel(/^Amount/).focus();
  await scan(page, '100002'); // Cappuccino 3.40
  await expect(basketLine(page, 'Cappuccino')).toBeVisible();
  await scan(page, '100005'); // Croissant 1.90
  await scan(page, '100002'); // the same item again: quantity 2
  await expect(page.getByLabel('Quantity of Cappuccino')).toHaveValue('2');
  await page.getByRole('button', { name: 'One more Croissant' }).click();
  await expect(page.getByLabel('Quantity of Croissant')).toHaveValue('2');
  await scan(page, '424242424242'); // not in the catalogue
  await expect(page.locator('#basket-note')).toHaveText(/Barcode 424242424242 is not in the catalogue/);
  await expect(payButton(page)).toHaveText(/10[.,]60/);
  await page.getByLabel('Order reference').fill('BASKET-1');
  await payButton(page).click();
  await expectResult(page, RESULT.approved);

  const [frame] = simFrames(sim, 'in', 'payment') as { paymentRequest: { amount: string; products: Product[] } }[];
  expect(frame!.paymentRequest.amount).toBe('10.60');
  expect(frame!.paymentRequest.products).toEqual([
    { id: 'CAF-CAP', name: 'Cappuccino', price: '3.40', quantity: 2, sku: 'CAF-CAP', category: 'Coffee', brand: 'House', tax: 0.44 },
    { id: 'BAK-CRO', name: 'Croissant', price: '1.90', quantity: 2, sku: 'BAK-CRO', category: 'Bakery', brand: 'Maison Blé', tax: 0.25 },
  ]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PDF' }).click()]);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', (await download.path())!, '-']);
  const text = stdout.replace(/[ \t]+/g, ' ');
  expect(text).toContain('Cappuccino');
  expect(text).toContain('2 x €3.40 €6.80');
  expect(text).toContain('2 x €1.90 €3.80');
  expect(text).toMatch(/TOTAL €10\.60/);
  expect(text).toMatch(/incl\. 7 % tax €0\.69/);
  expect(text).toMatch(/Amount €10\.60/);
});

test('a person typing an amount and pressing Enter still pays an amount-only sale (no products on the wire)', async ({ page, sim }) => {
  await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
  const amount = page.getByLabel(/^Amount/);
  await amount.focus();
  // A person's pace: far slower than a scanner.
  await amount.pressSequentially('1250', { delay: 120 });
  await page.keyboard.press('Enter');
  await expectResult(page, RESULT.approved);
  const [frame] = simFrames(sim, 'in', 'payment') as { paymentRequest: Record<string, unknown> }[];
  expect(frame!.paymentRequest.amount).toBe('12.50');
  expect(frame!.paymentRequest).not.toHaveProperty('products');
  await expect(page.locator('.basket-line')).toHaveCount(0);
});
