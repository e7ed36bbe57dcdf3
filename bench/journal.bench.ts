/**
 * Journal benchmark: replay of 100,000 records (target < 1 s), and the cost of one
 * append + fsync (what a cashier waits for between pressing Pay and the frame leaving).
 *
 *   npx tsx bench/journal.bench.ts          (BENCH_RECORDS=100000, BENCH_RUNS=5)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from '../shared/ids';
import { dayKey, Journal, type JournalRecord } from '../electron/core/journal/journal';
import type { PaymentRecord } from '../electron/core/payments/types';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { envInt, fmtMs, median, p95, table } from './lib/stats';

const records = envInt('BENCH_RECORDS', 100_000);
const runs = envInt('BENCH_RUNS', 5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-bench-'));
const clock = new FakeClock();

try {
  // A realistic day file: each payment written 3–4 times (sent, awaiting, result), with receipts.
  const lines: string[] = [];
  let n = 0;
  const now = clock.now();
  while (lines.length < records) {
    const id = uuidv7(now + n);
    const base: PaymentRecord = {
      transactionId: id,
      orderRef: `ORD-${n}`,
      terminalId: `TERM-00${n % 3}`,
      amountMinor: 1000 + n,
      currency: 'USD',
      paymentMethod: 'CARD',
      state: 'sent',
      createdAt: now + n,
      updatedAt: now + n,
      deadlineAt: now + n + 105_000,
      pendingSeen: false,
      hasReceipt: false,
    };
    const steps: PaymentRecord[] = [
      base,
      { ...base, state: 'awaiting_result' },
      {
        ...base,
        state: 'approved',
        authorizationCode: 'AUTH123456',
        hasReceipt: true,
        response: {
          transactionId: id,
          status: 'SUCCESS',
          amount: '10.00',
          currency: 'USD',
          paymentMethod: 'CARD',
          authorizationCode: 'AUTH123456',
          receiptData: 'MERCHANT\n'.repeat(12),
        },
      },
    ];
    for (const p of steps) lines.push(JSON.stringify({ v: 1, t: 'payment', at: p.updatedAt, payment: p } satisfies JournalRecord));
    n += 1;
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${dayKey(now)}.jsonl`);
  fs.writeFileSync(file, `${lines.slice(0, records).join('\n')}\n`);
  lines.length = 0; // do not let the generator's strings weigh on the measured replay
  new Journal(dir, clock).replay(); // warm-up (JIT), not measured
  const bytes = fs.statSync(file).size;

  const replayTimes: number[] = [];
  let payments = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const r = new Journal(dir, clock).replay();
    replayTimes.push(performance.now() - t0);
    payments = r.payments.size;
  }

  const appendDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-append-'));
  const j = new Journal(appendDir, clock);
  const appendTimes: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const t0 = performance.now();
    j.append({
      v: 1,
      t: 'payment',
      at: now,
      payment: {
        transactionId: uuidv7(),
        orderRef: 'O',
        terminalId: 'T',
        amountMinor: 1,
        currency: 'USD',
        paymentMethod: 'CARD',
        state: 'sent',
        createdAt: now,
        updatedAt: now,
        pendingSeen: false,
        hasReceipt: false,
      },
    });
    appendTimes.push(performance.now() - t0);
  }
  j.close();
  fs.rmSync(appendDir, { recursive: true, force: true });

  console.log(
    `Journal replay: ${records.toLocaleString('en')} records (${(bytes / 1e6).toFixed(1)} MB, ${payments.toLocaleString('en')} payments), ${runs} runs`,
  );
  console.log(
    table([
      ['measure', 'median', 'p95', 'target'],
      ['replay 100k records', fmtMs(median(replayTimes)), fmtMs(p95(replayTimes)), '< 1 s'],
      ['append + fsync (one record)', fmtMs(median(appendTimes)), fmtMs(p95(appendTimes)), '—'],
    ]),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
