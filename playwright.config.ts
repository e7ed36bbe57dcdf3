import { defineConfig } from '@playwright/test';
import type { HostOptions } from './e2e/fixtures';

/**
 * The same specs (e2e/) run against both hosts (DESIGN.md "One core, two hosts"):
 * - browser-host: the browser host + simulator in-process, in Debian Chromium (CHROMIUM_PATH,
 *   which scripts/test.mjs sets from scripts/find-browser.mjs);
 * - electron: the real app through `_electron.launch`, only where ELECTRON_PATH points at an
 *   Electron binary; elsewhere every spec in it is skipped with that reason (e2e/fixtures.ts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export default defineConfig<HostOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // 2 cores: one app + one browser per worker is what the machine takes.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      use: {
        host: 'browser',
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'electron',
      use: { host: 'electron' },
    },
  ],
});
