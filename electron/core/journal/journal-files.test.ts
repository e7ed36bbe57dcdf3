import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../payments/types';
import { recordingFs } from '../testing/failing-fs';
import { FakeClock } from '../testing/fake-clock';
import { alertRecord, paymentRecord, removeJournalDirs, statesInFile, tempJournalDir } from '../testing/journal-fixtures';
import { dayKey, Journal } from './journal';
import { nodeJournalFs, type JournalFs } from './journal-fs';

/**
 * The journal's day files: which files replay reads and in what order, which file a record goes
 * into, what makes a new file durable, and which old days a start may skip (the settled mark).
 */
afterEach(removeJournalDirs);

const DAY = 24 * 3600_000;
const baseName = (f: string) => path.basename(f);

describe('writing', () => {
  it("a new day file's name is made durable (the folder is fsynced and closed); the file is opened once, not per record", () => {
    const dir = tempJournalDir();
    const disk = recordingFs();
    const clock = new FakeClock();
    const j = new Journal(dir, clock, disk);
    j.append(paymentRecord('a', 'sent', clock.now()));
    j.append(paymentRecord('a', 'approved', clock.now()));
    const file = j.fileFor(dayKey(clock.now()));
    expect(disk.ops.filter((op) => op.endsWith(` ${dir}`))).toEqual([`open ${dir}`, `fsync ${dir}`, `close ${dir}`]);
    expect(disk.ops.filter((op) => op === `open ${file}`)).toHaveLength(1);
    j.close();
    // A later start appends to the same file: it exists, so the folder needs no fsync.
    const again = recordingFs();
    new Journal(dir, clock, again).append(paymentRecord('b', 'sent', clock.now()));
    expect(again.ops.filter((op) => op.endsWith(` ${dir}`))).toEqual([]);
  });

  it('with the clock set back before the newest day file, records still go into the newest file', () => {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const d0 = clock.now();
    const j = new Journal(dir, clock);
    j.append(paymentRecord('a', 'sent', d0));
    clock.advance(DAY);
    j.append(paymentRecord('b', 'sent', clock.now()));
    clock.advance(DAY);
    j.append(paymentRecord('c', 'sent', clock.now()));
    j.close();
    const newest = j.fileFor(dayKey(clock.now()));
    const setBack = new Journal(dir, new FakeClock(d0));
    setBack.append(paymentRecord('c', 'declined', d0));
    expect(statesInFile(newest)).toEqual(['c:sent', 'c:declined']);
    expect(new Journal(dir, clock).replay().payments.get('c')?.state).toBe('declined');
  });
});

describe('which files replay reads', () => {
  it('reads the day files oldest first whatever order the disk lists them in', () => {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    const d0 = clock.now();
    j.append(paymentRecord('a', 'unknown', d0));
    clock.advance(DAY);
    j.append(paymentRecord('a', 'approved', d0));
    j.close();
    const newestFirst = { ...nodeJournalFs, readdirSync: ((p: string) => fs.readdirSync(p).sort().reverse()) as JournalFs['readdirSync'] };
    const r = new Journal(dir, clock, newestFirst).replay();
    expect(r.files.map(baseName)).toEqual([`${dayKey(d0)}.jsonl`, `${dayKey(clock.now())}.jsonl`]);
    expect(r.payments.get('a')?.state).toBe('approved');
  });

  it('ignores files that are not day files (a backup copy, a renamed file)', () => {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    j.append(paymentRecord('a', 'approved', clock.now()));
    j.close();
    const stale = `${JSON.stringify(paymentRecord('a', 'needs_review', clock.now()))}\n`;
    const today = dayKey(clock.now());
    fs.writeFileSync(path.join(dir, `${today}.jsonl.bak`), stale);
    fs.writeFileSync(path.join(dir, `copy-${today}.jsonl`), stale);
    const r = new Journal(dir, clock).replay();
    expect(r.files.map(baseName)).toEqual([`${today}.jsonl`]);
    expect(r.payments.get('a')?.state).toBe('approved');
  });
});

describe('the days a start may skip', () => {
  /** Runs `write` (which may move the clock on by days), then an approval a day later; replays twice: the files the second start reads. */
  function secondStart(write: (j: Journal, clock: FakeClock) => void): string[] {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    write(j, clock);
    clock.advance(DAY);
    j.append(paymentRecord('today', 'approved', clock.now()));
    j.close();
    new Journal(dir, clock).replay();
    return new Journal(dir, clock).replay().files.map(baseName);
  }

  it.each(['sent', 'awaiting_result', 'terminal_reconnecting', 'unknown', 'needs_review'] as PaymentRecord['state'][])(
    'a payment left %s on an old day keeps that day read at every start',
    (state) => {
      expect(secondStart((j, clock) => j.append(paymentRecord('old', state, clock.now())))).toHaveLength(2);
    },
  );

  it('a final payment does not', () => {
    expect(secondStart((j, clock) => j.append(paymentRecord('old', 'declined', clock.now())))).toHaveLength(1);
  });

  it("a void alert nobody acknowledged keeps its day and its payment's day read; an acknowledged one does not", () => {
    const voidedThenAlerted = (acknowledged: boolean) => (j: Journal, clock: FakeClock) => {
      const d0 = clock.now();
      j.append(paymentRecord('old', 'voided', d0));
      clock.advance(DAY);
      j.append(alertRecord('void-old', 'old', clock.now(), acknowledged ? clock.now() + 1 : undefined));
    };
    expect(secondStart(voidedThenAlerted(false))).toHaveLength(3);
    expect(secondStart(voidedThenAlerted(true))).toHaveLength(1);
  });

  it('the oldest of several open payments decides', () => {
    const files = secondStart((j, clock) => {
      j.append(paymentRecord('older', 'unknown', clock.now()));
      clock.advance(DAY);
      j.append(paymentRecord('newer', 'unknown', clock.now()));
    });
    expect(files).toHaveLength(3);
  });

  it('a damaged settled mark is ignored and every file is read', () => {
    const dir = tempJournalDir();
    const clock = new FakeClock();
    const j = new Journal(dir, clock);
    const d0 = clock.now();
    j.append(paymentRecord('a', 'approved', d0));
    clock.advance(DAY);
    j.append(paymentRecord('b', 'approved', clock.now()));
    j.close();
    // Taken as a day, "<yesterday>junk" would sort after yesterday's file and skip it.
    fs.writeFileSync(path.join(dir, 'settled-before.json'), JSON.stringify({ day: `${dayKey(d0)}junk` }));
    expect(new Journal(dir, clock).replay().files).toHaveLength(2);
  });
});
