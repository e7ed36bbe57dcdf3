import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { afterAll, beforeAll } from 'vitest';
import type { SimulatorHandle } from '../api';
import { startSimulator } from '../index';
import { TestPos } from './pos-client';

/** Generous: the page polls every 0.7 s and the build machine is shared. */
export const POLL = { timeout: 10_000 };

export interface ControlPageSuite {
  sim: SimulatorHandle;
  /** A POS connected with the desktop key, to start payments. */
  pos: TestPos;
  page: Page;
  /** One terminal's card on the page, by its label. */
  card(label: string): Locator;
}

/**
 * For a describe block: a simulator, a POS and Debian Chromium on the control page, opened
 * before the tests and closed after them. Fields are filled in beforeAll.
 */
export function controlPageSuite(): ControlPageSuite {
  let browser: Browser | undefined;
  const suite = {
    card: (label: string) => suite.page.locator('section.terminal', { has: suite.page.getByRole('heading', { name: label }) }),
  } as ControlPageSuite;
  beforeAll(async () => {
    suite.sim = await startSimulator({ defaultDelayMs: 20, gracePeriodMs: 10_000 });
    suite.pos = await TestPos.connect(suite.sim.url, suite.sim.apiKeys.pos);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    suite.page = await browser.newPage();
    await suite.page.goto(`${suite.sim.httpUrl}/__sim/`);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await suite.pos?.close();
    await suite.sim?.close();
  });
  return suite;
}
