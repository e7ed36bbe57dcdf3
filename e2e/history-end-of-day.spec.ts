import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { RESULT, expectResult, fillCheckout, pay, payButton, waitOnline } from './cashier';
import type { Page } from '@playwright/test';
import type { SimulatorHandle } from '../simulator/api';

/** History (search, status filter, details, CSV export) and the end-of-day totals, after real payments. */

/** Approved card on Lane 1 (€10.00), declined on Lane 2 (€20.00), cash at the till (€5.50, tendered exactly). */
async function takeThreePayments(page: Page, sim: SimulatorHandle) {
  await pay(page, { terminal: 'Lane 1', digits: '1000', order: 'HX-1' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('n');
  sim.control.script('TERM-002', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' });
  await pay(page, { terminal: 'Lane 2', digits: '2000', order: 'HX-2' });
  await expectResult(page, RESULT.declined);
  await page.keyboard.press('n');
  // Cash is recorded at the till (till: cash tender), never on a terminal.
  await page.getByRole('radio', { name: 'Cash' }).check();
  await fillCheckout(page, { terminal: 'Lane 3', digits: '550', order: 'HX-3' });
  await payButton(page).click();
  await page
    .getByRole('dialog', { name: /^Cash/ })
    .getByRole('button', { name: /^Exact/ })
    .click();
  await page.keyboard.press('Enter');
  await expectResult(page, 'Cash — paid exactly');
  await page.keyboard.press('n');
}

test.beforeEach(async ({ page, sim }) => {
  await waitOnline(page);
  await takeThreePayments(page, sim);
});

test('history: every payment listed newest first; search, status filter and details work', async ({ page }) => {
  await page.keyboard.press('F2');
  const details = page.getByRole('button', { name: /^Details for order/ });
  await expect(details).toHaveCount(3);
  await expect(details.first()).toHaveAccessibleName('Details for order HX-3');
  await expect(page.getByRole('row', { name: /HX-2/ })).toContainText('Declined');

  await page.getByLabel('Search').fill('HX-2');
  await expect(details).toHaveCount(1);
  await expect(page.getByText('1 payment shown')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Status').selectOption({ label: 'Approved' });
  await expect(details).toHaveCount(2);
  await page.getByLabel('Status').selectOption('all');

  await page.getByRole('button', { name: 'Details for order HX-2' }).click();
  const panel = page.getByRole('region', { name: 'Payment for order HX-2' });
  await expect(page.getByRole('heading', { name: 'Payment for order HX-2' })).toBeFocused();
  await expect(panel).toContainText('INSUFFICIENT_FUNDS — Insufficient funds');
  await expect(panel).toContainText('€20.00');
});

test("history: Export CSV downloads today's payments", async ({ page }) => {
  await page.keyboard.press('F2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(4);
  for (const order of ['HX-1', 'HX-2', 'HX-3']) expect(csv).toContain(order);
});

test('end of day: taken total, by status, by method and by terminal', async ({ page }) => {
  await page.keyboard.press('F3');
  await expect(page.getByTestId('eod-taken')).toHaveText(/€15\.50 in 2 approved payments/);
  const byStatus = page.getByRole('table', { name: 'By status' });
  await expect(byStatus.getByRole('row', { name: /^Approved/ })).toContainText(/2\s*€15\.50/);
  await expect(byStatus.getByRole('row', { name: /^Declined/ })).toContainText(/1\s*€20\.00/);
  const byMethod = page.getByRole('table', { name: 'Approved by method' });
  await expect(byMethod.getByRole('row', { name: /^Card/ })).toContainText(/1\s*€10\.00/);
  await expect(byMethod.getByRole('row', { name: /^Cash/ })).toContainText(/1\s*€5\.50/);
  const byTerminal = page.getByRole('table', { name: 'Approved by terminal' });
  await expect(byTerminal.getByRole('row', { name: /^Lane 1/ })).toContainText('€10.00');
  await expect(byTerminal.getByRole('row', { name: /^Cash drawer/ })).toContainText('€5.50');
  await expect(byTerminal.getByRole('row', { name: /^Lane 3/ })).toHaveCount(0);
  await expect(byTerminal.getByRole('row', { name: /^Lane 2/ })).toHaveCount(0);
});
