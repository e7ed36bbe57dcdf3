import type { Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Journal } from '../../electron/core/journal/journal';
import { nodeJournalFs } from '../../electron/core/journal/journal-fs';
import type { PaymentRecord } from '../../electron/core/payments/types';
import { FakeClock } from '../../electron/core/testing/fake-clock';
import { uuidv7 } from '../../shared/ids';
import { waitInPage } from './page-probes';

/**
 * Bench part 3: a fresh start of the browser host (`node dist/browser-host/main.mjs`, what
 * `npm start` runs where Electron is missing, without its build check) to a payable checkout:
 * banner "Online" and a terminal card that can be chosen. Empty data dir, and one holding a
 * 30-day journal written by the journal's own writer.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const DAY_MS = 86_400_000;

/** Starts the host in its own process; resolves with its URL (bridge token included) and a stop function. */
function startHostProcess(dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'browser-host', 'main.mjs'), '--port', '0', '--data-dir', dataDir], {
    // Sign-in off: the figure is start → a payable checkout (with it on, the sign-in screen comes first).
    env: { ...process.env, CHECKSTAND_UPDATES: 'off', CHECKSTAND_ROLES: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Checkstand is running at (\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready:\n${out}`)));
  });
}

/** Milliseconds from spawning the host to a payable checkout in Chromium, `starts` times. */
export async function timesToPayable(browser: Browser, dataDir: () => Promise<string>, starts: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < starts; i += 1) {
    const dir = await dataDir();
    const t0 = Date.now();
    const host = await startHostProcess(dir);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      await waitInPage(
        page,
        `document.querySelector('[data-testid="connection-banner"]')?.textContent.includes('Online') && !!document.querySelector('input[name="terminal"]:not([disabled])')`,
        60_000,
        5,
      );
      out.push(Date.now() - t0);
    } finally {
      await context.close();
      host.stop();
    }
  }
  return out;
}

/** A data dir with `days` days of journal (`perDay` approved card payments a day, each written sent → approved). */
export async function dataDirWithJournal(days: number, perDay: number): Promise<{ dir: string; records: number; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'checkstand-uibench-journal-'));
  const clock = new FakeClock(Date.now() - days * DAY_MS);
  // The journal's own writer and format; only the fsync per record is skipped (generation, not timing).
  const journal = new Journal(path.join(dir, 'journal'), clock, { ...nodeJournalFs, fsyncSync: () => undefined });
  let records = 0;
  for (let day = 0; day < days; day += 1) {
    for (let n = 0; n < perDay; n += 1) {
      clock.jump(Math.floor(DAY_MS / (perDay + 1)));
      const sent: PaymentRecord = {
        transactionId: uuidv7(clock.now()),
        orderRef: `R1-${String(n + 1).padStart(4, '0')}`,
        terminalId: `TERM-00${(n % 3) + 1}`,
        amountMinor: 100 + n,
        currency: 'EUR',
        paymentMethod: 'CARD',
        state: 'sent',
        createdAt: clock.now(),
        updatedAt: clock.now(),
        pendingSeen: false,
        hasReceipt: false,
      };
      journal.append({ v: 1, t: 'payment', at: clock.now(), payment: sent });
      journal.append({
        v: 1,
        t: 'payment',
        at: clock.now() + 2_000,
        payment: { ...sent, state: 'approved', updatedAt: clock.now() + 2_000, authorizationCode: 'A1' },
      });
      records += 2;
    }
    clock.jump(DAY_MS - Math.floor(DAY_MS / (perDay + 1)) * perDay);
  }
  journal.close();
  return { dir, records, dispose: () => rm(dir, { recursive: true, force: true }) };
}
