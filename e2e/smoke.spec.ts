import { expect, test } from './fixtures';

/**
 * STARTER SPEC (tooling): proves the whole e2e chain works — simulator, host, browser, renderer
 * bundle. The lead grows the real specs next to it (payments, void alerts, settings, …).
 */
test('the app loads in the browser and shows Checkstand', async ({ page }) => {
  await expect(page).toHaveTitle(/Checkstand/);
  await expect(page.locator('body')).not.toBeEmpty();
});
