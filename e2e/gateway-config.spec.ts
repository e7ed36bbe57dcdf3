import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../electron/host/web/start-host';
import { expect, test, BROWSER_ONLY_REASON } from './fixtures';
import { banner, payButton } from './cashier';

/**
 * Money-truth rule 1 through the cashier's screen: a gateway address that is set but invalid (here
 * by store IT's environment) never turns into demo mode. The till shows a red banner naming the
 * setting, its source and what is wrong, no simulated terminal, Pay off; Settings marks the field
 * and Diagnostics lists it.
 */
let host: BrowserHost | undefined;
let dataDir = '';

test.afterEach(async () => {
  await host?.close();
  host = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openWithEnv(page: Page, env: Record<string, string>): Promise<void> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'checkstand-e2e-config-'));
  host = await startBrowserHost({
    dataDir,
    port: 0,
    rendererDir: path.resolve(import.meta.dirname, '..', 'dist', 'renderer'),
    // Sign-in off: these cases are about the gateway settings, seen on the checkout itself.
    env: { CHECKSTAND_UPDATES: 'off', CHECKSTAND_ROLES: 'off', ...env },
  });
  await page.goto(host.url);
}

test('an invalid gateway address from the environment blocks payments loudly; no demo terminals appear', async ({ host: hostKind, lazyChromium }) => {
  test.skip(hostKind === 'electron', BROWSER_ONLY_REASON);
  const browser = await lazyChromium();
  const page = await browser.newPage();
  try {
    await openWithEnv(page, { CHECKSTAND_ENDPOINT: 'ws://gateway.example.com/v1', CHECKSTAND_API_KEY: 'pos-key-1234' });
    await expect(banner(page)).toContainText('Payments blocked — a gateway setting is not valid');
    await expect(banner(page)).toContainText('environment variable CHECKSTAND_ENDPOINT');
    await expect(banner(page)).toContainText('wss://');
    await expect(banner(page)).not.toContainText('Online');
    await expect(page.getByText('DEMO — simulated terminals')).toHaveCount(0);
    await expect(page.getByRole('radio', { name: /Lane 1/ })).toHaveCount(0);
    await expect(payButton(page)).toBeDisabled();
    expect(host!.simulator()).toBeUndefined();

    await page.keyboard.press('F9');
    const field = page.getByLabel('Gateway address');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/set in environment variable CHECKSTAND_ENDPOINT; payments are blocked until it is fixed/)).toBeVisible();

    await page.keyboard.press('F10');
    await expect(page.getByRole('list', { name: 'What blocks payments' })).toContainText('CHECKSTAND_ENDPOINT');
  } finally {
    await page.close();
  }
});
