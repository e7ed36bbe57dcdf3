import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import type { PaymentRecord } from '../payments/types';
import { dayKey, Journal } from './journal';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const payment = (id: string, state: PaymentRecord['state'], createdAt: number): PaymentRecord => ({
  transactionId: id,
  orderRef: `O-${id}`,
  terminalId: 'TERM-001',
  amountMinor: 100,
  currency: 'USD',
  paymentMethod: 'CARD',
  state,
  createdAt,
  updatedAt: createdAt,
  pendingSeen: false,
  hasReceipt: false,
});

describe('journal (append-only JSON lines, one file per day, fsync per record)', () => {
  it('replays the last record of every payment across days, plus alerts', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-'));
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    const day1 = clock.now();
    j.append({ v: 1, t: 'payment', at: day1, payment: payment('a', 'sent', day1) });
    j.append({ v: 1, t: 'payment', at: day1, payment: payment('a', 'awaiting_result', day1) });
    clock.advance(24 * 3600_000);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'approved', day1) });
    j.append({
      v: 1,
      t: 'alert',
      at: clock.now(),
      alert: { id: 'void-b', transactionId: 'b', terminalId: 'T', orderRef: 'O', amountMinor: 1, currency: 'USD', reason: 'r', at: clock.now() },
    });
    j.close();
    expect(fs.readdirSync(dir).sort()).toEqual([`${dayKey(day1)}.jsonl`, `${dayKey(clock.now())}.jsonl`]);
    const r = new Journal(dir, clock).replay();
    expect(r.records).toBe(4);
    expect(r.payments.get('a')?.state).toBe('approved');
    expect(r.alerts.has('void-b')).toBe(true);
    expect(r.badLines).toEqual([]);
  });

  it('tolerates and reports a torn last line, and the next record starts on a fresh line', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-'));
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'sent', clock.now()) });
    j.close();
    const file = j.fileFor(dayKey(clock.now()));
    fs.appendFileSync(file, '{"v":1,"t":"payment","at":1,"payment":{"transac'); // kill -9 mid-write
    const torn = new Journal(dir, clock).replay();
    expect(torn.payments.get('a')?.state).toBe('sent');
    expect(torn.badLines).toEqual([{ file, line: 2, torn: true }]);

    const j2 = new Journal(dir, clock);
    j2.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'approved', clock.now()) });
    j2.close();
    const after = new Journal(dir, clock).replay();
    expect(after.payments.get('a')?.state).toBe('approved');
    expect(after.badLines).toEqual([{ file, line: 2, torn: false }]);
  });

  it('reads one day for history', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-'));
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('b', 'declined', clock.now() + 1) });
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'approved', clock.now()) });
    j.close();
    expect(j.readDay(dayKey(clock.now())).map((p) => p.transactionId)).toEqual(['a', 'b']);
    expect(j.readDay('1999-01-01')).toEqual([]);
  });

  it('skips settled old days on later starts but always reads a day that still holds an unresolved payment or alert', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-'));
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    const day = 24 * 3600_000;
    const d0 = clock.now();
    j.append({ v: 1, t: 'payment', at: d0, payment: payment('settled', 'approved', d0) });
    clock.advance(day);
    const d1 = clock.now();
    j.append({ v: 1, t: 'payment', at: d1, payment: payment('open', 'unknown', d1) });
    clock.advance(day);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('today', 'approved', clock.now()) });
    j.close();
    const first = new Journal(dir, clock).replay();
    expect(first.files).toHaveLength(3);
    const second = new Journal(dir, clock).replay();
    expect(second.files.map((f) => path.basename(f))).toEqual([`${dayKey(d1)}.jsonl`, `${dayKey(clock.now())}.jsonl`]);
    expect(second.payments.get('open')?.state).toBe('unknown');
    // Resolved today: the next start no longer needs the day it was created.
    const j2 = new Journal(dir, clock);
    j2.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('open', 'declined', d1) });
    j2.close();
    new Journal(dir, clock).replay();
    expect(new Journal(dir, clock).replay().files).toHaveLength(1);
    // The clock went back: the mark is ignored and everything is read again.
    const back = new FakeClock(d0);
    expect(new Journal(dir, back).replay().files).toHaveLength(3);
  });
});
