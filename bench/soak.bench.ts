/**
 * Soak benchmark: heap growth over a simulated 8-hour shift (target < 10 MB).
 * The core runs on an accelerated clock (FakeClock: heartbeats, deadlines, backoff) against the
 * real simulator over real sockets: a payment every 2 simulated minutes on rotating terminals,
 * a server-side cut every simulated hour, pings every 30 s throughout.
 *
 *   node --expose-gc --import tsx bench/soak.bench.ts      (BENCH_HOURS=8)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator } from '../simulator/index';
import { createPosCore } from '../electron/core/pos-core';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { memorySettings } from '../electron/core/testing/memory-settings';
import type { Snapshot } from '../shared/ipc';
import { envInt, sleep, table } from './lib/stats';

const hours = envInt('BENCH_HOURS', 8);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('Run with node --expose-gc for exact figures; heap numbers below include garbage.');

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const sim = await startSimulator({ defaultDelayMs: 5 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-soak-'));
const clock = new FakeClock(Date.now());
const settings = memorySettings({ endpoint: sim.url, apiKey: sim.apiKeys.pos });
const core = createPosCore({
  dataDir,
  settings,
  clock,
  appInfo: { version: 'bench', host: 'browser', demo: { enabled: false }, logDir: path.join(dataDir, 'logs'), journalDir: path.join(dataDir, 'journal') },
});
let events = 0;
core.subscribe(() => (events += 1));

async function snap(): Promise<Snapshot> {
  const r = await core.invoke('getSnapshot', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function until(probe: (s: Snapshot) => boolean, ms = 5_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (probe(await snap())) return true;
    await sleep(2);
  }
  return false;
}

try {
  await core.start();
  await until((s) => s.connection.state === 'open' && s.terminals.some((t) => t.payable));
  const STEP = 5_000;
  const steps = (hours * 3600_000) / STEP;
  const terminals = ['TERM-001', 'TERM-002', 'TERM-003'];
  const rows: (string | number)[][] = [['sim hour', 'heap MB', 'payments', 'approved', 'reconnects', 'events']];
  let baseline = 0;
  let payments = 0;
  let approved = 0;
  for (let i = 1; i <= steps; i += 1) {
    clock.advance(STEP);
    await sleep(1); // let the real sockets carry pings, pongs and pushes
    if (i % 24 === 0) {
      // A payment every 2 simulated minutes.
      const s = await snap();
      const term = terminals.find((t) => s.terminals.find((v) => v.id === t)?.payable);
      if (term) {
        const r = await core.invoke('startPayment', { terminalId: term, amountMinor: 100 + i, currency: 'USD', paymentMethod: 'CARD', orderRef: `SOAK-${i}` });
        if (r.ok) {
          payments += 1;
          if (await until((x) => x.payments.some((p) => p.transactionId === r.value.transactionId && p.state === 'approved'))) approved += 1;
        }
      }
    }
    if (i % 720 === 0) sim.control.faults.dropPosConnections({ silent: false }); // hourly server cut
    if (i === 120) baseline = heapMb(); // after 10 simulated minutes of warm-up
    if (i % 720 === 0) {
      const s = await snap();
      rows.push([i / 720, heapMb().toFixed(2), payments, approved, s.connection.reconnectsToday, events]);
    }
  }
  const end = heapMb();
  console.log(`Simulated ${hours} h shift on an accelerated clock (FakeClock), real simulator over real sockets:`);
  console.log(table(rows));
  console.log(`Heap growth after warm-up: ${(end - baseline).toFixed(2)} MB (target < 10 MB); ${payments} payments, ${approved} approved.`);
} finally {
  await core.stop();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
