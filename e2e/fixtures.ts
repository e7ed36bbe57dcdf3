import { test as base, expect, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../electron/host/browser/start-host';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle, SimulatorOptions } from '../simulator/api';

/**
 * Fixtures every e2e spec uses. A spec is written once and runs against both hosts:
 *
 *   import { test, expect } from './fixtures';
 *   test('pays', async ({ page, sim }) => { … sim.control.script(id, { outcome: 'FAILED' }) … });
 *
 * - `sim`: a fresh simulator on a free 127.0.0.1 port for each test (tune it with
 *   `test.use({ simOptions: { defaultDelayMs: 200 } })`).
 * - `app`: Checkstand connected to that simulator through the provisioning environment
 *   (CHECKSTAND_ENDPOINT / _API_KEY / _API_SECRET / _GROUP_ID), with its own temp data dir.
 *   browser project → the browser host in-process; electron project → the real app.
 * - `page`: the app's window, loaded and ready to drive.
 */

export const ELECTRON_SKIP_REASON = 'ELECTRON_PATH not set: no Electron binary on this machine';
const root = path.resolve(import.meta.dirname, '..');

export interface HostOptions {
  /** Which host the project drives (set per project in playwright.config.ts). */
  host: 'browser' | 'electron';
  /** Simulator options for the test (small delays keep specs fast). */
  simOptions: SimulatorOptions;
}

export interface RunningApp {
  host: 'browser' | 'electron';
  dataDir: string;
  /** Browser host only: its URL (with the bridge token) and the host object. */
  url?: string;
  browserHost?: BrowserHost;
  /** Electron only. */
  electronApp?: ElectronApplication;
}

interface Fixtures {
  electronGuard: void;
  sim: SimulatorHandle;
  app: RunningApp;
}

interface WorkerFixtures {
  /** Chromium, launched the first time a browser-host test needs it (never for Electron). */
  lazyChromium: () => Promise<Browser>;
}

function provisioningEnv(sim: SimulatorHandle, dataDir: string): Record<string, string> {
  const entry = sim.apiKeys.all[sim.apiKeys.pos];
  return {
    CHECKSTAND_DATA_DIR: dataDir,
    CHECKSTAND_ENDPOINT: sim.url,
    CHECKSTAND_API_KEY: sim.apiKeys.pos,
    CHECKSTAND_API_SECRET: sim.apiKeys.posSecret,
    ...(entry?.groupId ? { CHECKSTAND_GROUP_ID: entry.groupId } : {}),
    // The e2e run must never look for updates on the internet.
    CHECKSTAND_UPDATES: 'off',
  };
}

export const test = base.extend<Fixtures & HostOptions, WorkerFixtures>({
  host: ['browser', { option: true }],
  simOptions: [{ defaultDelayMs: 300, gracePeriodMs: 3_000, paymentTimeoutMs: 10_000 }, { option: true }],

  // Runs first, so a skipped Electron test starts nothing (no simulator, no browser).
  electronGuard: [
    async ({ host }, use, testInfo) => {
      testInfo.skip(host === 'electron' && !process.env.ELECTRON_PATH, ELECTRON_SKIP_REASON);
      await use();
    },
    { auto: true },
  ],

  lazyChromium: [
    async ({ playwright, launchOptions }, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => (browser ??= playwright.chromium.launch({ ...launchOptions, headless: true })));
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],

  sim: async ({ simOptions }, use) => {
    const sim = await startSimulator({ ...simOptions, port: 0 });
    try {
      await use(sim);
    } finally {
      await sim.close();
    }
  },

  app: async ({ host, sim }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'checkstand-e2e-'));
    const env = provisioningEnv(sim, dataDir);
    try {
      if (host === 'electron') {
        const electronApp = await _electron.launch({
          executablePath: process.env.ELECTRON_PATH,
          // Both: Electron's own switch for userData, and the variable the browser host reads.
          args: [root, `--user-data-dir=${dataDir}`],
          env: { ...process.env, ...env } as Record<string, string>,
        });
        try {
          await use({ host, dataDir, electronApp });
        } finally {
          await electronApp.close();
        }
      } else {
        const browserHost = await startBrowserHost({ dataDir, port: 0, rendererDir: path.join(root, 'dist', 'renderer'), env });
        try {
          await use({ host, dataDir, url: browserHost.url, browserHost });
        } finally {
          await browserHost.close();
        }
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },

  page: async ({ app, lazyChromium }, use) => {
    if (app.electronApp) {
      const window: Page = await app.electronApp.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      await use(window);
      return;
    }
    const browser = await lazyChromium();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url!);
    try {
      await use(page);
    } finally {
      await context.close();
    }
  },
});

export { expect };
