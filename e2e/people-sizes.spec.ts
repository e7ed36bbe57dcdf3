import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { BROWSER_ONLY_REASON, LONG_TOUR_TIMEOUT_MS, expect, test } from './fixtures';
import { waitOnline } from './cashier';

/**
 * The sign-in screen and the manager's PIN dialog fit the counter like every other state
 * (till-sizes.spec.ts): at each till size the name, the PIN field, the pad and the primary button
 * are inside the window without scrolling, and axe finds nothing serious. Screenshots at 1024×768
 * and 1366×768 go to test-results/ for a person to look at.
 */
const FITS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
  { width: 1920, height: 1080 },
];
test.use({ roles: 'on' });
test.setTimeout(LONG_TOUR_TIMEOUT_MS);

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

async function fitsAndPasses(page: Page, name: string, targets: Locator[], problems: string[]): Promise<void> {
  for (const size of FITS) {
    await page.setViewportSize(size);
    for (const target of targets) {
      const box = await target.boundingBox();
      const inside = box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
      if (!inside) problems.push(`${name} at ${size.width}×${size.height}: ${target.toString()} is outside the window`);
    }
    const axe = await new AxeBuilder({ page }).analyze();
    for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
      problems.push(`${name} at ${size.width}×${size.height}: axe ${v.id}`);
    if (size.height === 768) await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}x${size.height}.png`) });
  }
}

test("the sign-in screen and the manager's PIN dialog fit every till size and pass axe", async ({ page }) => {
  const problems: string[] = [];
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await fitsAndPasses(
    page,
    'sign-in',
    [
      page.getByRole('radio', { name: /^Training cashier/ }),
      page.getByLabel('PIN', { exact: true }),
      page.getByRole('group', { name: 'PIN pad' }),
      page.getByRole('button', { name: 'Sign in' }),
      page.getByText(/^Demo mode: Training cashier PIN/),
    ],
    problems,
  );
  await page.getByRole('radio', { name: /^Training cashier/ }).check();
  await page.getByLabel('PIN', { exact: true }).fill('1111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in, the checkout still fits with the cashier in the top bar.
  await fitsAndPasses(page, 'checkout-signed-in', [page.getByRole('button', { name: 'Switch cashier' }), page.getByRole('button', { name: /^Pay/ })], problems);
  await page.keyboard.press('F9');
  const dialog = page.getByRole('dialog', { name: "Manager's PIN" });
  await expect(dialog).toBeVisible();
  await fitsAndPasses(
    page,
    'manager-pin',
    [
      dialog.getByLabel('Manager PIN', { exact: true }),
      dialog.getByRole('group', { name: 'Manager PIN pad' }),
      dialog.getByRole('button', { name: 'Approve' }),
    ],
    problems,
  );
  expect(problems).toEqual([]);
});
