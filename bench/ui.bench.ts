/**
 * UI benchmark: the browser host (demo mode, simulator in-process) in Chromium.
 *
 *   0. Keys and taps per sale (first and repeat, keyboard and touch; e2e/sale-flows.ts) against
 *      the budgets, and the time from the cashier's last key or tap to the `payment` frame.
 *   1. 500 terminals on the checkout screen; a burst of 1,000 status updates (every terminal drops
 *      and comes back). Measured in the page: the longest long task during the burst, and how long
 *      after the gateway's last push the terminal list stopped changing ("settled").
 *   2. ~30 payments: click on Pay → `payment` frame at the gateway (simulator frame log), and the
 *      gateway's `paymentComplete` → "Approved" on screen (MutationObserver in the page).
 *   3. A fresh start of the host process to a payable checkout (median, p95), with an empty data
 *      dir and with a 30-day journal.
 *   4. The renderer's JavaScript, gzipped (dist/renderer/assets/*.js).
 *
 *   npm run build && npx tsx bench/ui.bench.ts   (BENCH_TERMINALS=500 BENCH_PAYMENTS=30 BENCH_BURSTS=5
 *     BENCH_SALES=10 BENCH_STARTS=5 BENCH_JOURNAL_PER_DAY=200; BENCH_DEBUG=1 prints the last visible changes)
 *
 * Figures, not assertions: it prints a table and whether each target was met.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startTestHost } from '../e2e/test-host';
import type { SimulatorHandle } from '../simulator/api';
import { envInt, sleep, table } from './lib/stats';
import { burst, type BurstFigures } from './ui/burst';
import { rendererJsGzipped } from './ui/frames';
import { PAGE_PROBES, PAGE_QUEUE_DELAY, waitInPage, type QueueDelay } from './ui/page-probes';
import { payments } from './ui/payments';
import { bundleRow, burstRows, paymentRows, queueRows, saleRows, startupRows } from './ui/report';
import { saleFigures } from './ui/sales';
import { dataDirWithJournal, timesToPayable } from './ui/startup';

const TERMINALS = envInt('BENCH_TERMINALS', 500);
const PAYMENTS = envInt('BENCH_PAYMENTS', 30);
const BURSTS = envInt('BENCH_BURSTS', 5);
const SALES = envInt('BENCH_SALES', 10);
const STARTS = envInt('BENCH_STARTS', 5);
const JOURNAL_DAYS = 30;
const JOURNAL_PER_DAY = envInt('BENCH_JOURNAL_PER_DAY', 200);

/** When the core's gateway socket received each paymentComplete / status push (see the socketFactory below). */
const coreGotCompleteAt: number[] = [];
const coreGotStatusAt: number[] = [];

function startHost(dataDir: string) {
  return startTestHost({
    dataDir,
    gateway: 'demo',
    simOptions: { defaultDelayMs: 50, gracePeriodMs: 30_000, paymentTimeoutMs: 60_000 },
    tuning: { errorWindowMs: 3_000 },
    // Timestamps each paymentComplete as the core's socket receives it (before the core's own
    // listener runs): splits "gateway → page" into gateway → core and core → page.
    socketFactory: (url, options) => {
      const ws = new WebSocket(url, options);
      ws.on('message', (data: Buffer) => {
        if (data.includes('"paymentComplete"')) coreGotCompleteAt.push(Date.now());
        if (data.includes('"terminalStatusUpdate"')) coreGotStatusAt.push(Date.now());
      });
      return ws;
    },
  });
}

/** The bridge frames as Node sees them arrive in the page: when did the last terminal event, each approval, land? */
function recordFrames(page: Page) {
  const seen = { terminalEventsAt: [] as number[], approvedEventsAt: [] as number[], framesIn: [] as { at: number; bytes: number; kind: string }[] };
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => {
      const text = String(f.payload);
      seen.framesIn.push({ at: Date.now(), bytes: text.length, kind: /"type":"(\w+)"/.exec(text)?.[1] ?? '?' });
      if (text.includes('"type":"terminal"')) seen.terminalEventsAt.push(Date.now());
      if (text.includes('"type":"payment"') && text.includes('"state":"approved"')) seen.approvedEventsAt.push(Date.now());
    }),
  );
  return seen;
}

/** Adds terminals (25 at a time) until the group has `total`, and waits for the page to list them. */
async function addTerminals(page: Page, sim: SimulatorHandle, total: number): Promise<string[]> {
  const existing = sim.control.terminals().filter((t) => t.groupId === 'group-1').length;
  const added: string[] = [];
  while (added.length < total - existing) {
    const batch = [];
    for (let j = 0; j < 25 && added.length + batch.length < total - existing; j += 1) {
      const n: number = added.length + batch.length + 1;
      batch.push(sim.control.addTerminal({ deviceId: `BENCH-${String(n).padStart(4, '0')}`, metadata: { label: `Till ${n}` } }));
    }
    added.push(...(await Promise.all(batch)));
  }
  await waitInPage(page, `document.querySelectorAll('input[name="terminal"]').length >= ${total}`, 60_000);
  await sleep(1_500);
  return added;
}

/** An 80 ms busy loop must show up as a long task, or the observer is not working (an ordinary page task: DevTools evaluate work is not always reported). */
async function longTasksObserved(page: Page): Promise<boolean> {
  await page.evaluate(`setTimeout(() => { const t = performance.now(); while (performance.now() - t < 80) {} }, 0)`);
  const calibrated = await waitInPage(page, `window.__longtasks.some((t) => t.duration >= 75)`, 3_000, 50).then(
    () => true,
    () => false,
  );
  await sleep(200);
  return calibrated;
}

/** Parts 0–2 and 4 against one host; the table's rows. */
async function measureRunningHost(browser: Browser): Promise<(string | number)[][]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'checkstand-uibench-'));
  const host = await startHost(dataDir);
  const sim = host.simulator()!;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(PAGE_PROBES);
    const seen = recordFrames(page);
    await page.goto(host.url);
    await page
      .getByTestId('connection-banner')
      .getByText(/^Online/)
      .waitFor({ timeout: 30_000 });
    const sales = await saleFigures(browser, page, host.url, sim, SALES);
    const queueLight = (await page.evaluate(PAGE_QUEUE_DELAY)) as QueueDelay;
    const approvals = { approvedEventsAt: seen.approvedEventsAt, coreGotCompleteAt };
    const light = await payments(page, sim, { prefix: 'UL', count: PAYMENTS, seen: approvals });

    const added = await addTerminals(page, sim, TERMINALS);
    const queueHeavy = (await page.evaluate(PAGE_QUEUE_DELAY)) as QueueDelay;
    const calibrated = await longTasksObserved(page);
    // Every added terminal (and the demo ones with a deviceId) drops and comes back, BURSTS times.
    const burstIds = [...added, 'TERM-001', 'TERM-002', 'TERM-003'].slice(0, TERMINALS);
    const bursts: BurstFigures[] = [];
    for (let i = 0; i < BURSTS; i += 1) bursts.push(await burst(page, sim, burstIds, { terminalEventsAt: seen.terminalEventsAt, coreGotStatusAt }));
    const heavyFrom = Date.now();
    const heavy = await payments(page, sim, { prefix: 'UB', count: PAYMENTS, seen: approvals });
    if (process.env.BENCH_DEBUG) debugFrames(seen.framesIn.filter((f) => f.at >= heavyFrom));
    await context.close();
    return [
      ...saleRows(sales),
      ...burstRows(bursts, burstIds.length * 2, TERMINALS, calibrated),
      ...paymentRows('4 terminals', light),
      ...paymentRows(`${TERMINALS} terminals`, heavy),
      ...queueRows([
        ['4 terminals', queueLight],
        [`${TERMINALS} terminals`, queueHeavy],
      ]),
      bundleRow(await rendererJsGzipped()),
    ];
  } finally {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function debugFrames(during: { bytes: number; kind: string }[]): void {
  const kinds = new Map<string, { n: number; bytes: number }>();
  for (const f of during) kinds.set(f.kind, { n: (kinds.get(f.kind)?.n ?? 0) + 1, bytes: (kinds.get(f.kind)?.bytes ?? 0) + f.bytes });
  console.log(`bridge frames into the page during ${PAYMENTS} payments with ${TERMINALS} terminals:`, Object.fromEntries(kinds));
}

/** Part 3: fresh starts of the host process, with an empty data dir and with a 30-day journal. */
async function measureStartup(browser: Browser): Promise<(string | number)[][]> {
  const emptyDirs: string[] = [];
  const empty = await timesToPayable(
    browser,
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'checkstand-uibench-start-'));
      emptyDirs.push(dir);
      return dir;
    },
    STARTS,
  );
  const journal = await dataDirWithJournal(JOURNAL_DAYS, JOURNAL_PER_DAY);
  try {
    const withJournal = await timesToPayable(browser, async () => journal.dir, STARTS);
    return startupRows(empty, withJournal, { days: JOURNAL_DAYS, records: journal.records });
  } finally {
    await journal.dispose();
    for (const dir of emptyDirs) await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const rows = [['measure', 'median', 'p95 / worst / value', 'target', 'result'], ...(await measureRunningHost(browser)), ...(await measureStartup(browser))];
    console.log(`\nCheckstand UI benchmark — browser host + Chromium, ${TERMINALS} terminals, ${PAYMENTS} payments, ${SALES} repeat sales, ${STARTS} starts\n`);
    console.log(table(rows));
    console.log('\nTimes across processes are wall-clock Date.now() (the simulator log has 1 ms resolution).');
    console.log(`Machine load (1-min average): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after.`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
