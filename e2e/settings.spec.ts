import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { banner, waitOnline } from './cashier';

/**
 * Settings round trip (validation errors shown next to their field, nothing saved; then a good
 * save that survives a reload) and the demo-mode ribbon. Demo mode only exists in-process here.
 */

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

test('demo mode: the ribbon says so and links to the simulator control page', async ({ page, sim }) => {
  const ribbon = page.getByRole('note', { name: 'Demo mode' });
  await expect(ribbon).toContainText('DEMO — simulated terminals');
  const link = ribbon.getByRole('link', { name: 'Open simulator control page' });
  await expect(link).toHaveAttribute('href', `${sim.httpUrl}/__sim/`);
  const response = await page.request.get(`${sim.httpUrl}/__sim/`);
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/<html/i);
});

test('settings: invalid values are refused with a message per field; a good save survives a reload', async ({ page, bridgeFrames }) => {
  await page.keyboard.press('F9');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();

  await page.getByLabel('Gateway address').fill('http://gateway.example.com/v1');
  await page.getByLabel(/^Currency/).fill('E1');
  await page.getByLabel('Store name').fill('Corner Shop');
  await page.getByRole('button', { name: 'Save settings' }).click();

  await expect(page.getByText('Some settings need fixing; see the messages above.')).toBeVisible();
  await expect(page.getByLabel('Gateway address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Gateway address')).toHaveAccessibleDescription(/must start with wss:\/\//);
  await expect(page.getByLabel(/^Currency/)).toHaveAccessibleDescription(/three capital letters/);
  // Nothing was saved: still demo mode, still online with the simulator.
  await expect(page.getByRole('note', { name: 'Demo mode' })).toBeVisible();
  await expect(banner(page)).toContainText('Online');

  await page.getByLabel('Gateway address').fill('');
  await page.getByLabel(/^Currency/).fill('USD');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // The confirmation survives the settings event that follows the save, and focus stays on the
  // Save button (it does not drop to the page).
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeFocused();
  // …also once the `settings` event that follows the save has reached the page.
  await expect.poll(() => bridgeFrames.some((f) => f.dir === 'received' && /"type":"settings"/.test(f.payload))).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeFocused();
  // The form re-renders from the saved settings: errors gone, new values shown.
  await expect(page.getByText('Some settings need fixing; see the messages above.')).toHaveCount(0);
  await expect(page.getByLabel('Gateway address')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/^Currency/)).toHaveValue('USD');

  await page.reload();
  await waitOnline(page);
  await page.keyboard.press('F9');
  await expect(page.getByLabel('Store name')).toHaveValue('Corner Shop');
  await expect(page.getByLabel(/^Currency/)).toHaveValue('USD');
  // The new currency reaches checkout.
  await page.keyboard.press('F1');
  await page.getByLabel(/^Amount/).fill('1234');
  // The field keeps what was typed; the Pay button shows the amount in the new currency.
  await expect(page.getByRole('button', { name: /^Pay/ })).toContainText('$12.34');
});
