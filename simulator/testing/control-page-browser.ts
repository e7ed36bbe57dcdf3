import { chromium, type Browser, type Page } from '@playwright/test';
import type { SimulatorHandle } from '../api';

/** Generous: the page polls every 0.7 s and the build machine is shared. */
export const POLL = { timeout: 10_000 };

/** Debian Chromium on the simulator's control page, for the page's tests. */
export async function openControlPage(sim: SimulatorHandle): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`${sim.httpUrl}/__sim/`);
  return { browser, page };
}
