import { defineConfig } from '@playwright/test';
import type { HostOptions } from '../fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';

/**
 * `npm run screenshots` (scripts/screenshots.mjs): the tour (e2e/tour.ts) in the browser host at
 * 1366×768 (a common till screen; CHECKSTAND_SHOTS_SIZE=WxH for another), one PNG per stop into docs/screenshots/. Kept out of the e2e suite's testMatch
 * (*.spec.ts): it writes documentation, it does not test.
 */
/** `CHECKSTAND_SHOTS_SIZE=1024x768` takes the tour at another till size. */
function shotSize(): { width: number; height: number } {
  const [width, height] = (process.env.CHECKSTAND_SHOTS_SIZE ?? '1366x768').split('x').map(Number);
  return { width: width!, height: height! };
}

export default defineConfig<HostOptions>({
  testDir: '.',
  testMatch: 'take-screenshots.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results/screenshots',
  projects: [
    {
      name: 'screenshots',
      use: {
        host: 'browser',
        browserName: 'chromium',
        headless: true,
        viewport: shotSize(),
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
