import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitOnline } from './cashier';

/**
 * shell: crash recovery: a crashed renderer never leaves a blank till. Electron only — the browser
 * host's page is an ordinary browser tab with no main process to reload it.
 */
test.skip(({ host }) => host !== 'electron', 'kills the Electron renderer process: the browser host has none of its own');

test('a killed renderer is reloaded and the till comes back online with its terminals', async ({ app, page }) => {
  await waitOnline(page);
  await expect(page.getByRole('radio', { name: /^Lane 1/ })).toBeVisible();
  const electronApp = app.electronApp!;
  await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  // Main sees render-process-gone ("killed") and loads the till again in the same window.
  await expect
    .poll(() =>
      electronApp.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents;
        return contents.isCrashed() || contents.isLoading() ? 'not yet' : contents.getURL();
      }),
    )
    .toBe('app://checkstand/index.html');
  const till: Page = electronApp.windows()[0]!;
  await waitOnline(till);
  await expect(till.getByRole('radio', { name: /^Lane 1/ })).toBeVisible();
});
