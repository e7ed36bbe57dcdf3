import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { payButton, simFrames, waitOnline } from './cashier';

/**
 * Cash is cash (till): choosing Cash never sends anything to a terminal. The cashier enters what
 * the customer handed over (or taps the exact amount or a round note), sees the change, confirms;
 * History and End of day show it as cash, with the tender.
 */
const SHOTS = process.env.CHECKSTAND_SHOTS_DIR ?? path.join(tmpdir(), 'checkstand-till3-shots');

/** axe's serious and critical findings on the page as it is now. */
async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `[${v.impact}] ${v.id} — ${v.help}`);
}

test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('a cash sale: tendered €50.00 for €24.50, €25.50 change, nothing sent to the gateway, shown as cash in History', async ({ page, sim }) => {
  const paymentsBefore = simFrames(sim, 'in', 'payment').length;
  await page.getByRole('radio', { name: 'Cash' }).check();
  await page.getByLabel(/^Amount/).fill('2450');
  await expect(page.locator('#pay-reason')).toHaveText('Ready: Pay asks for the cash tendered.');
  await payButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Cash — €24.50 to pay' });
  await expect(dialog.getByLabel('Amount tendered')).toBeFocused();
  // Less than the amount is refused, with both amounts.
  await page.keyboard.type('20.00');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('✕ The customer gave €20.00, less than the €24.50 to pay. Enter the amount tendered again.');
  await dialog.getByRole('button', { name: '€50.00' }).click();
  await expect(dialog.locator('#cash-change')).toHaveText('Change due: €25.50');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `cash-tender-${page.viewportSize()?.width}.png`) });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cash — give €25\.50 change/);
  await expect(page.getByText('Tendered €50.00, change due €25.50.')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, `cash-result-${page.viewportSize()?.width}.png`) });
  expect(simFrames(sim, 'in', 'payment')).toHaveLength(paymentsBefore);
  expect(sim.control.transactions()).toEqual([]);

  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Details for order R1-0001' }).click();
  const panel = page.getByRole('region', { name: 'Payment for order R1-0001' });
  await expect(panel).toContainText('Cash');
  await expect(panel).toContainText(/Tendered\s*€50\.00/);
  await expect(panel).toContainText(/Change\s*€25\.50/);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('the tender dialog and the cash result keep their primary action in the window', async ({ page }) => {
      await page.getByRole('radio', { name: 'Cash' }).check();
      await page.getByLabel(/^Amount/).fill('2450');
      await payButton(page).click();
      const confirm = page.getByRole('button', { name: /^Cash received/ });
      await expect(confirm).toBeInViewport({ ratio: 1 });
      expect(await seriousAxe(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cash-tender-${viewport.width}.png`) });
      await page.getByRole('button', { name: /^Exact/ }).click();
      await confirm.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cash — paid exactly/);
      await expect(page.getByRole('button', { name: /^New payment/ })).toBeInViewport({ ratio: 1 });
      expect(await seriousAxe(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cash-result-${viewport.width}.png`) });
    });
  });
}
