import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { BROWSER_ONLY_REASON, LONG_TOUR_TIMEOUT_MS, expect, test } from './fixtures';
import { RESULT, expectResult, fillCheckout, pay, payButton, waitOnline } from './cashier';
import type { SimTransaction } from '../simulator/api';

/**
 * Shifts through the UI: open with a float, payments against the simulator, an X report (nothing
 * closes), a Z report whose figures match what the simulator (the gateway) itself recorded, and a
 * Z refused in the core while a payment of the shift is unresolved.
 */
test.use({ tuning: { paymentDeadlineMs: 2_500 } });
// Each test walks a whole shift with axe and screenshots at two sizes: more than the default 30 s on a busy machine.
test.setTimeout(LONG_TOUR_TIMEOUT_MS);

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

async function openShift(page: Page, float: string) {
  await page.keyboard.press('F3');
  await page.getByLabel(/^Opening float/).fill(float);
  await page.getByRole('button', { name: 'Open shift' }).click();
  await expect(page.getByTestId('shift-open')).toContainText('Shift open since');
}

/**
 * The shift's state as the cashier first sees it at the smallest till size and a common one:
 * its primary action in the window without scrolling, no serious axe violation; a screenshot
 * in the test's output folder to look at.
 */
async function checkState(page: Page, name: string, primary: string) {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await expect(page.getByRole('button', { name: primary })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}x${size.height}.png`) });
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} ${v.help}`)).toEqual([]);
}

/** The CSV rows of one section as [key, currency, count, amount]. */
function csvSection(csv: string, section: string): string[][] {
  return csv
    .trim()
    .split('\r\n')
    .map((l) => l.split(','))
    .filter((cells) => cells[0] === section)
    .map((cells) => cells.slice(1, 5));
}

/** The gateway's ground truth: completed transactions summed per method, in minor units. */
function simTotals(transactions: SimTransaction[]): Record<string, { count: number; minor: number }> {
  const out: Record<string, { count: number; minor: number }> = {};
  for (const t of transactions.filter((t) => t.status === 'COMPLETED')) {
    const row = (out[String(t.paymentMethod)] ??= { count: 0, minor: 0 });
    row.count += 1;
    row.minor += Math.round(Number(t.amount) * 100);
  }
  return out;
}

test('open a shift, take payments, X report changes nothing, Z report matches the gateway and reprints', async ({ page, sim }) => {
  await openShift(page, '100.00');
  await page.keyboard.press('F1');
  await pay(page, { terminal: 'Lane 1', digits: '12.50', order: 'SH-1' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('n');
  sim.control.script('TERM-002', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' });
  await pay(page, { terminal: 'Lane 2', digits: '20.00', order: 'SH-2' });
  await expectResult(page, RESULT.declined);
  await page.keyboard.press('n');
  // Cash is recorded at the till (never sent to a terminal): €5.50 paid with a €10 note.
  await page.getByRole('radio', { name: 'Cash' }).check();
  await fillCheckout(page, { terminal: 'Lane 3', digits: '5.50', order: 'SH-3' });
  await payButton(page).click();
  await expect(page.getByRole('dialog', { name: 'Cash — €5.50 to pay' }).getByLabel('Amount tendered')).toBeFocused();
  await page.keyboard.type('10.00');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cash — give €4\.50 change/);
  await page.keyboard.press('n');

  // X report: the figures so far; the shift stays open.
  await page.keyboard.press('F3');
  await checkState(page, 'shift-open', 'Close shift (Z report)');
  await page.getByRole('button', { name: 'X report' }).click();
  const x = page.getByRole('region', { name: 'X report (shift still open)' });
  await expect(x.getByRole('table', { name: 'By method' }).getByRole('row', { name: /^Card/ })).toContainText(/1\s*€12\.50/);
  await expect(x.getByRole('table', { name: 'Not taken' }).getByRole('row', { name: /^Declined/ })).toContainText(/1\s*€20\.00/);
  await expect(page.getByTestId('shift-open')).toBeVisible();

  // Z: the count, the difference before confirming, then the report.
  await page.getByRole('button', { name: 'Close shift (Z report)' }).click();
  await expect(page.getByLabel(/^Counted cash/)).toBeFocused();
  await page.keyboard.type('105.00');
  await expect(page.getByTestId('shift-difference')).toHaveText('−€0.50 (short)');
  await checkState(page, 'z-count', 'Close shift and make Z');
  await page.getByRole('button', { name: 'Close shift and make Z' }).click();
  const z = page.getByRole('region', { name: 'Z report 0001' });
  await expect(z).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open shift' })).toBeVisible();
  await checkState(page, 'z-made', 'Open shift');
  await expect(z.getByRole('table', { name: 'Cash in the drawer' })).toContainText(/Expected\s*€105\.50/);
  await expect(z.getByRole('table', { name: 'Cash in the drawer' })).toContainText(/Difference\s*−€0\.50 \(short\)/);

  // The Z's figures against the simulator's own records of the shift.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), z.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('z-report-Z-0001.csv');
  const csv = await readFile((await csvDownload.path())!, 'utf8');
  // Card: the gateway's records; cash never reaches the gateway, the till's tender is its truth.
  const truth = simTotals(sim.control.transactions());
  expect(truth).toEqual({ CARD: { count: 1, minor: 1250 } });
  const methods = Object.fromEntries(
    csvSection(csv, 'method').map(([key, , count, amount]) => [key, { count: Number(count), minor: Math.round(Number(amount) * 100) }]),
  );
  expect(methods).toEqual({ ...truth, CASH: { count: 1, minor: 550 } });
  const declinedAtGateway = sim.control.transactions().filter((t) => t.status === 'FAILED').length;
  expect(csvSection(csv, 'not_taken')).toEqual([['declined', 'EUR', String(declinedAtGateway), '20.00']]);
  expect(csvSection(csv, 'cash').map((r) => [r[0], r[3]])).toEqual([
    ['float', '100.00'],
    ['cash_payments', '5.50'],
    ['expected', '105.50'],
    ['counted', '105.00'],
    ['difference', '-0.50'],
  ]);

  // The PDF, kept for a look; then reopened from the list of past Z reports, the same report.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), z.getByRole('button', { name: 'Save PDF' }).click()]);
  expect(pdfDownload.suggestedFilename()).toBe('z-report-Z-0001.pdf');
  await copyFile((await pdfDownload.path())!, '/tmp/z-report.pdf');
  expect(execFileSync('pdftotext', ['/tmp/z-report.pdf', '-']).toString()).toContain('Z REPORT 0001');
  // History keeps the past Z reports too (issue 17): reopened there, the same report and outputs.
  await page.keyboard.press('F2');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Z reports' }).click();
  await checkState(page, 'history-z', 'Open Z 0001');
  await page.getByRole('button', { name: 'Open Z 0001' }).click();
  const reopened = page.getByRole('region', { name: 'Z report 0001' });
  await expect(reopened.getByRole('table', { name: 'By method' })).toContainText(/Cash\s*1\s*€5\.50/);
  await checkState(page, 'history-z-open', 'Print Z 0001');
  const [againCsv] = await Promise.all([page.waitForEvent('download'), reopened.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(await readFile((await againCsv.path())!, 'utf8')).toBe(csv);
  const [againPdf] = await Promise.all([page.waitForEvent('download'), reopened.getByRole('button', { name: 'Save PDF' }).click()]);
  expect(againPdf.suggestedFilename()).toBe('z-report-Z-0001.pdf');
  await reopened.getByRole('button', { name: 'Print Z 0001' }).click();
  // Demo mode has no printer set up: the reprint is refused in words, not lost silently.
  await expect(reopened.getByRole('alert')).toContainText(/printer/i);
  // End of day still lists it.
  await page.keyboard.press('F3');
  await page.getByRole('button', { name: 'Open Z 0001' }).click();
  await expect(page.getByRole('region', { name: 'Z report 0001' }).getByRole('table', { name: 'By method' })).toContainText(/Cash\s*1\s*€5\.50/);
});

test('a Z is refused while a payment of the shift is unresolved; confirmed, the Z lists it', async ({ page, sim }) => {
  await openShift(page, '');
  await page.keyboard.press('F1');
  sim.control.script('TERM-003', { outcome: 'NO_RESPONSE' });
  await pay(page, { terminal: 'Lane 3', digits: '42.00', order: 'SH-OPEN' });
  await expectResult(page, RESULT.unknown, 8_000);

  await page.keyboard.press('F3');
  await page.getByRole('button', { name: 'Close shift (Z report)' }).click();
  await page.getByLabel(/^Counted cash/).fill('0');
  await page.getByRole('button', { name: 'Close shift and make Z' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The Z report was not made' });
  await expect(refusal).toContainText('1 payment of this shift is not settled');
  await expect(refusal.getByRole('list', { name: 'Unresolved payments' })).toContainText(/SH-OPEN.*€42\.00.*unknown/i);
  await expect(page.getByTestId('shift-open')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Z 0001' })).toHaveCount(0);
  await checkState(page, 'z-refused', 'Close anyway and list them on the Z');

  await refusal.getByRole('button', { name: 'Close anyway and list them on the Z' }).click();
  const z = page.getByRole('region', { name: 'Z report 0001' });
  await expect(z).toContainText(/Unresolved at close\s*Order SH-OPEN — €42\.00 — Unknown — check/);
  await expect(z).toContainText('Closed with unresolved payments: confirmed.');
  expect(sim.control.transactions().map((t) => [t.orderRef, t.status])).toEqual([['SH-OPEN', 'PENDING']]);
});
