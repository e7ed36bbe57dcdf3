import { test as base, expect, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserHost } from '../electron/host/web/start-host';
import type { CoreTuning } from '../electron/core/ports';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle, SimulatorOptions } from '../simulator/api';
import { FAST_SIM, provisioningEnv, startTestHost } from './test-host';

/**
 * Fixtures every e2e spec uses. A spec is written once and runs against both hosts:
 *
 *   import { test, expect } from './fixtures';
 *   test('pays', async ({ page, sim }) => { … sim.control.script(id, { outcome: 'FAILED' }) … });
 *
 * - `gateway` (option): 'demo' (default) — the browser host runs the simulator in-process (demo
 *   mode: ribbon shown, settings editable, `sim` is `host.simulator()`); 'provisioned' — an external
 *   simulator reached through the provisioning environment (CHECKSTAND_ENDPOINT / _API_KEY /
 *   _API_SECRET / _GROUP_ID; those settings are then locked). Electron always runs 'provisioned':
 *   its demo simulator lives in the Electron main process, out of the test's reach.
 * - `simOptions` / `tuning` (options): small simulator timings and core timings. The core's
 *   `terminalGraceMs` follows the simulator's `gracePeriodMs` unless set, so the countdown is right.
 * - `sim`: the simulator the app talks to (drive it through `sim.control`).
 * - `tillLocale` (option): CHECKSTAND_LOCALE for the app ('' = the OS's); e2e/languages.spec.ts.
 * - `app`: Checkstand with its own temp data dir (browser host in-process, or the real Electron app).
 * - `page`: the app's window, loaded, online and ready to drive. Every bridge WebSocket frame it
 *   sends or receives is recorded in `bridgeFrames` (the security spec reads them).
 */

export const ELECTRON_SKIP_REASON = 'ELECTRON_PATH not set: no Electron binary on this machine';
/** For specs that need the in-process core (tuning) or demo mode: neither is reachable in Electron. */
export const BROWSER_ONLY_REASON = 'needs the in-process browser host (core tuning / demo simulator); Electron runs provisioned with default timings';
/**
 * Time limit of the specs that walk many screens at many window sizes (axe on each). A limit
 * here only stops a hang: it is not a speed check (speed is measured in bench/). The size tours
 * took 50 s on an idle 2-core machine and 2.2 min at load 10 (CI beside mutation runs), so the
 * old 120 s limit failed a correct run; 5 minutes leaves room on any machine that can run CI.
 */
export const LONG_TOUR_TIMEOUT_MS = 300_000;
const root = path.resolve(import.meta.dirname, '..');

export interface HostOptions {
  /** Which host the project drives (set per project in playwright.config.ts). */
  host: 'browser' | 'electron';
  /** Simulator options for the test (small delays keep specs fast). */
  simOptions: SimulatorOptions;
  /** Where the simulator runs (see above). */
  gateway: 'demo' | 'provisioned';
  /** Core timings (browser host only). */
  tuning: Partial<CoreTuning>;
  /** People: cashier sign-in and the manager's PIN; 'off' (default) keeps every older spec as it was. */
  roles: 'on' | 'off';
  /** The till's locale (CHECKSTAND_LOCALE: 'de-DE', 'ar-KW'…); '' (default) = the OS's, so older specs stay English. */
  tillLocale: string;
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

export interface BridgeFrame {
  dir: 'sent' | 'received';
  at: number;
  payload: string;
}

interface Fixtures {
  electronGuard: void;
  externalSim: SimulatorHandle | undefined;
  sim: SimulatorHandle;
  app: RunningApp;
  bridgeFrames: BridgeFrame[];
}

interface WorkerFixtures {
  /** Chromium, launched the first time a browser-host test needs it (never for Electron). */
  lazyChromium: () => Promise<Browser>;
}

export const test = base.extend<Fixtures & HostOptions, WorkerFixtures>({
  host: ['browser', { option: true }],
  simOptions: [FAST_SIM, { option: true }],
  gateway: ['demo', { option: true }],
  tuning: [{}, { option: true }],
  roles: ['off', { option: true }],
  tillLocale: ['', { option: true }],

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

  externalSim: async ({ host, gateway, simOptions }, use) => {
    if (host === 'browser' && gateway === 'demo') {
      await use(undefined);
      return;
    }
    const sim = await startSimulator({ ...simOptions, port: 0 });
    try {
      await use(sim);
    } finally {
      await sim.close();
    }
  },

  app: async ({ host, gateway, externalSim, simOptions, tuning, roles, tillLocale }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'checkstand-e2e-'));
    try {
      if (host === 'electron') {
        const electronApp = await _electron.launch({
          executablePath: process.env.ELECTRON_PATH,
          // Both: Electron's own switch for userData, and the variable the browser host reads.
          args: [root, `--user-data-dir=${dataDir}`],
          env: {
            ...process.env,
            ...provisioningEnv(externalSim!, dataDir),
            CHECKSTAND_ROLES: roles,
            ...(tillLocale ? { CHECKSTAND_LOCALE: tillLocale } : {}),
          } as Record<string, string>,
        });
        try {
          await use({ host, dataDir, electronApp });
        } finally {
          await electronApp.close();
        }
      } else {
        const browserHost = await startTestHost({ dataDir, gateway, simOptions, tuning, roles, locale: tillLocale, ...(externalSim ? { externalSim } : {}) });
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

  sim: async ({ app, externalSim }, use) => {
    const sim = externalSim ?? app.browserHost?.simulator();
    if (!sim) throw new Error('No simulator: demo mode did not start one.');
    await use(sim);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  bridgeFrames: async ({}, use) => {
    await use([]);
  },

  page: async ({ app, lazyChromium, bridgeFrames, viewport }, use) => {
    if (app.electronApp) {
      const window: Page = await app.electronApp.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      await use(window);
      return;
    }
    const browser = await lazyChromium();
    // Playwright's own `viewport` option (the config sets 1280×800; a spec may `test.use` another size).
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    recordBridgeFrames(page, bridgeFrames);
    await page.goto(app.url!);
    try {
      await use(page);
    } finally {
      await context.close();
    }
  },
});

/** Every frame on every WebSocket the page opens (the bridge; a reload opens a new one). */
export function recordBridgeFrames(page: Page, into: BridgeFrame[]): void {
  page.on('websocket', (ws) => {
    const text = (payload: string | Buffer) => (typeof payload === 'string' ? payload : payload.toString('utf8'));
    ws.on('framesent', (f) => into.push({ dir: 'sent', at: Date.now(), payload: text(f.payload) }));
    ws.on('framereceived', (f) => into.push({ dir: 'received', at: Date.now(), payload: text(f.payload) }));
  });
}

export { expect };
