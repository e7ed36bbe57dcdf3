import path from 'node:path';
import { expect, test } from '../fixtures';
import { TOUR_SIM, TOUR_STOPS, TOUR_TUNING, tour, type TourStop } from '../tour';
import { waitOnline } from '../cashier';
import { scanBarcode } from '../scanner';

/** One PNG per tour stop, named after it (docs/screenshots/<stop>.png, 1366×768), and the checkout in ar-KW and ja-JP. */
const outDir = process.env.CHECKSTAND_SHOTS_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

const FILE_NAMES: Record<TourStop, string> = {
  checkout: 'idle',
  'in-progress': 'in-progress',
  approved: 'approved-receipt',
  declined: 'declined',
  reconnecting: 'terminal-reconnecting',
  unknown: 'unknown',
  'void-alert': 'voided-alert',
  history: 'history',
  'end-of-day': 'end-of-day',
  settings: 'settings',
  diagnostics: 'diagnostics',
  offline: 'offline-banner',
};

test.use({ simOptions: TOUR_SIM, tuning: TOUR_TUNING });

test('screenshots of every key state', async ({ page, sim }) => {
  const written: string[] = [];
  await tour(page, sim, async (stop) => {
    // No blinking caret in the picture, and the screen seen from its top (its heading).
    // (A string: the Node tsconfig has no DOM types.)
    await page.evaluate(
      `document.activeElement?.blur?.(); window.scrollTo(0, 0); document.querySelector('.main')?.scrollTo(0, 0); document.querySelector('[role="alertdialog"]')?.scrollTo(0, 0);`,
    );
    const file = path.join(outDir, `${FILE_NAMES[stop]}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    written.push(file);
  });
  expect(written).toHaveLength(TOUR_STOPS.length);
  console.log(`Wrote ${written.length} screenshots to ${path.relative(process.cwd(), outDir)}/`);
});

/** The basket (docs/screenshots/basket.png): five of the demo catalogue's items scanned, a search typed. */
test('screenshot of the basket', async ({ page }) => {
  await waitOnline(page);
  await page.getByRole('radio', { name: /Lane 1/ }).check();
  for (const barcode of ['100001', '100002', '100003', '100004', '100005']) await scanBarcode(page, barcode);
  await expect(page.getByRole('heading', { name: /^Basket \(5 items\)/ })).toBeVisible();
  await page.getByLabel('Find an item').fill('co');
  await page.evaluate(`window.scrollTo(0, 0); document.querySelector('.main')?.scrollTo(0, 0);`);
  await page.screenshot({ path: path.join(outDir, 'basket.png'), animations: 'disabled', caret: 'hide' });
});

/**
 * The checkout in Arabic (right-to-left, Kuwaiti dinars) and Japanese (yen), for the README:
 * docs/screenshots/checkout-ar.png and checkout-ja.png. Driven by ids and roles, not English names.
 */
for (const [tillLocale, file] of [
  ['ar-KW', 'checkout-ar.png'],
  ['ja-JP', 'checkout-ja.png'],
] as const) {
  test.describe(`checkout in ${tillLocale}`, () => {
    test.use({ tillLocale });

    test(`screenshot of the checkout in ${tillLocale}`, async ({ page }) => {
      await expect(page.locator('html')).toHaveAttribute('lang', tillLocale);
      await expect(page.locator('#amount')).toBeVisible({ timeout: 10_000 });
      await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
      await page.locator('#amount').fill('2450');
      await page.locator('#order-ref').fill('T-1001');
      await page.evaluate(`document.activeElement?.blur?.(); window.scrollTo(0, 0); document.querySelector('.main')?.scrollTo(0, 0);`);
      await page.screenshot({ path: path.join(outDir, file), animations: 'disabled', caret: 'hide' });
    });
  });
}
