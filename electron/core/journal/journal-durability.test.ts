import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { recordingFs } from '../testing/failing-fs';
import { journalPayment } from '../testing/journal-fixtures';
import { dayKey, Journal } from './journal';

/** Money-truth rule 8 (validation on replay), the test audit (fsync observed), shell: secrets stay secret (modes). */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-durable-'));
  dirs.push(d);
  return path.join(d, 'journal');
}

const payment = journalPayment;

describe('a bad journal record never replaces good state', () => {
  it.each([
    [
      'a state that does not exist',
      '{"v":1,"t":"payment","at":2,"payment":{"transactionId":"a","orderRef":"O-a","terminalId":"TERM-001","amountMinor":2450,"currency":"EUR","paymentMethod":"CARD","state":"paid","createdAt":1,"updatedAt":2,"pendingSeen":false,"hasReceipt":false}}',
    ],
    ['a record with most fields missing', '{"v":1,"t":"payment","at":2,"payment":{"transactionId":"a","state":"approved"}}'],
    [
      'an amount that is not a number',
      '{"v":1,"t":"payment","at":2,"payment":{"transactionId":"a","orderRef":"O-a","terminalId":"TERM-001","amountMinor":"lots","currency":"EUR","paymentMethod":"CARD","state":"approved","createdAt":1,"updatedAt":2,"pendingSeen":false,"hasReceipt":false}}',
    ],
  ])('%s after a good awaiting_result record is skipped, counted and reported with file and line', (_what, badLine) => {
    const dir = tempDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'awaiting_result', clock.now()) });
    j.close();
    const file = j.fileFor(dayKey(clock.now()));
    fs.appendFileSync(file, `${badLine}\n`);
    const r = new Journal(dir, clock).replay();
    expect(r.payments.get('a')?.state).toBe('awaiting_result');
    expect(r.payments.get('a')?.amountMinor).toBe(2450);
    expect(r.badLines).toEqual([{ file, line: 2, torn: false, reason: expect.stringContaining('payment') }]);
    expect(r.records).toBe(1);
  });
});

describe('every record is fsynced before append returns', () => {
  it('writes then fsyncs the day file, per record, on the same file', () => {
    const dir = tempDir();
    const fsApi = recordingFs();
    const clock = new FakeClock();
    const j = new Journal(dir, clock, fsApi);
    const file = j.fileFor(dayKey(clock.now()));
    for (const state of ['sent', 'awaiting_result', 'approved'] as const) {
      const before = fsApi.ops.length;
      j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', state, clock.now()) });
      const mine = fsApi.ops.slice(before).filter((op) => op.endsWith(file));
      expect(mine.at(-1)).toBe(`fsync ${file}`);
      expect(mine).toContain(`write ${file}`);
      expect(fsApi.unsynced()).toEqual([]);
    }
    j.close();
  });
});

describe('the journal is private to the till user (0700 folder, 0600 files)', () => {
  it('creates the folder 0700 and the day file and settled mark 0600', () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'approved', clock.now()) });
    j.close();
    new Journal(dir, clock).replay(); // writes settled-before.json
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(j.fileFor(dayKey(clock.now()))).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'settled-before.json')).mode & 0o777).toBe(0o600);
  });

  it('tightens a folder and a day file an older version left open to others', () => {
    const dir = tempDir();
    const clock = new FakeClock();
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, `${dayKey(clock.now())}.jsonl`);
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const j = new Journal(dir, clock);
    j.append({ v: 1, t: 'payment', at: clock.now(), payment: payment('a', 'sent', clock.now()) });
    j.close();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
