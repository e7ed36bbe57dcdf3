/**
 * Ledger benchmark: what one Pay press and one terminal push cost the core as the day fills up.
 * Every Pay press checks rule 2 (no open payment on this terminal or order) and every payment
 * or terminal change looks up the terminal's open payment; a busy store keeps tens of thousands
 * of settled payments in memory. The peer, measured in the same run on the same records, is
 * the whole-day scan the ledger used before it indexed open payments — the cost that made the
 * 10,000-payment chaos run's event loop saturate past ~8,000 attempts.
 *
 *   npx tsx bench/ledger.bench.ts          (BENCH_OPS=5000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from '../electron/core/journal/journal';
import { createMemoryLogger } from '../electron/core/log/logger';
import { PaymentLedger } from '../electron/core/payments/ledger';
import { isOpen } from '../electron/core/payments/transitions';
import type { PaymentRecord } from '../electron/core/payments/types';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { envInt, median, p95, table } from './lib/stats';

const ops = envInt('BENCH_OPS', 5_000);
const TERMINALS = 50;
const clock = new FakeClock();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-ledger-bench-'));

/** A day with `settled` finished payments and one open payment on every other terminal. */
function day(settled: number): { ledger: PaymentLedger; records: PaymentRecord[] } {
  const payments = new Map<string, PaymentRecord>();
  const now = clock.now();
  for (let n = 0; n < settled + TERMINALS / 2; n += 1) {
    const open = n >= settled;
    const p: PaymentRecord = {
      transactionId: `tx-${n}`,
      orderRef: `ORD-${n}`,
      terminalId: `T-${n % TERMINALS}`,
      amountMinor: 1000,
      currency: 'USD',
      paymentMethod: 'CARD',
      state: open ? 'awaiting_result' : n % 3 === 0 ? 'declined' : 'approved',
      createdAt: now - 1000 + n / 1e6,
      updatedAt: now,
      pendingSeen: open,
      hasReceipt: false,
    };
    payments.set(p.transactionId, p);
  }
  const ledger = new PaymentLedger(new Journal(dir, clock), clock, createMemoryLogger(), 105_000);
  // restore() re-marks open payments as restarted (unknown): still open, as in a live day.
  ledger.restore({ payments, alerts: new Map(), records: payments.size, files: [], badLines: [] });
  return { ledger, records: ledger.list() };
}

/** The pre-index check: one pass over the day per question, as `refusal()` + `openForTerminal()` did. */
function scanPeer(records: PaymentRecord[], terminalId: string, orderRef: string): boolean {
  for (const p of records) if (p.terminalId === terminalId && isOpen(p.state)) return true;
  for (const p of records) if (p.orderRef === orderRef && isOpen(p.state)) return true;
  return false;
}

function time(fn: (i: number) => unknown): number[] {
  const samples: number[] = [];
  const batch = 100; // one sample per 100 calls: single calls are below the timer's resolution
  for (let i = 0; i < ops; i += batch) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k += 1) fn(i + k);
    samples.push((performance.now() - t0) / batch);
  }
  return samples;
}

const rows: (string | number)[][] = [
  ['settled payments in memory', 'indexed: median / p95 per Pay check', 'whole-day scan (peer): median / p95', 'scan ÷ indexed'],
];
try {
  for (const settled of [1_000, 10_000, 50_000]) {
    const { ledger, records } = day(settled);
    // Free terminals (odd ids) and fresh orders: the answer is "may begin", so nothing stops early.
    const question = (i: number) => ({ terminalId: `T-${(i % (TERMINALS / 2)) * 2 + 1}`, orderRef: `NEW-${i}` });
    let agree = 0;
    for (let i = 0; i < 200; i += 1) {
      const q = question(i);
      if ((ledger.refusal(q) !== undefined || ledger.openForTerminal(q.terminalId) !== undefined) === scanPeer(records, q.terminalId, q.orderRef)) agree += 1;
    }
    if (agree !== 200) throw new Error(`indexed and scanning answers differ (${agree}/200 agree)`);
    time((i) => ledger.refusal(question(i))); // warm-up (JIT), not measured
    time((i) => scanPeer(records, question(i).terminalId, question(i).orderRef));
    const indexed = time((i) => {
      const q = question(i);
      return ledger.refusal(q) ?? ledger.openForTerminal(q.terminalId);
    });
    const scan = time((i) => scanPeer(records, question(i).terminalId, question(i).orderRef));
    const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
    rows.push([
      settled.toLocaleString('en-US'),
      `${us(median(indexed))} / ${us(p95(indexed))}`,
      `${us(median(scan))} / ${us(p95(scan))}`,
      `${(median(scan) / median(indexed)).toFixed(0)}×`,
    ]);
    ledger.dispose();
  }
  console.log(`Ledger: cost of the rule-2 check one Pay press makes (${ops.toLocaleString('en-US')} checks per size, ${TERMINALS} terminals)`);
  console.log(table(rows));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
