import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log/logger';
import { recordingFs, type RecordingFs } from '../testing/failing-fs';
import { FakeClock } from '../testing/fake-clock';
import { paymentRecord, removeJournalDirs, statesInFile, tempJournalDir } from '../testing/journal-fixtures';
import { dayKey, Journal } from './journal';
import { journalFailureReason } from './journal-fs';
import { JournalGuard, JournalUnavailableError, type JournalHealth } from './journal-guard';

/**
 * A failing disk never goes unnoticed (money-truth rule 8), without a simulator: the guard over a
 * real journal in a temp folder whose file API fails like a full or broken disk, on a FakeClock.
 * Retry pauses here: 1 s, doubling, at most 4 s.
 */
afterEach(removeJournalDirs);

interface Till {
  guard: JournalGuard;
  journal: Journal;
  disk: RecordingFs;
  clock: FakeClock;
  logger: ReturnType<typeof createMemoryLogger>;
  healthSeen: JournalHealth[];
  dir: string;
}

function till(): Till {
  const dir = tempJournalDir();
  const disk = recordingFs();
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const journal = new Journal(dir, clock, disk);
  const guard = new JournalGuard(journal, clock, logger, { journalRetryBaseMs: 1_000, journalRetryCapMs: 4_000 });
  const healthSeen: JournalHealth[] = [];
  guard.onHealth((h) => healthSeen.push(h));
  return { guard, journal, disk, clock, logger, healthSeen, dir };
}

const refusal = (fn: () => void): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
};

const replayed = (t: Till) => new Journal(t.dir, t.clock).replay();

describe('a payment start on a disk that refuses the write', () => {
  it('is refused with the reason, payments pause, and they resume by themselves once the disk takes a probe', () => {
    const t = till();
    const t0 = t.clock.now();
    t.disk.failWith('ENOSPC');
    const err = refusal(() => t.guard.appendNow(paymentRecord('a', 'sent', t0)));
    expect(err).toBeInstanceOf(JournalUnavailableError);
    expect(err).toMatchObject({ code: 'payments_paused', reason: 'disk full', message: 'The till cannot record payments: disk full. Payments are paused.' });
    expect(t.guard.health()).toEqual({ writable: false, reason: 'disk full', since: t0, pendingRecords: 0 });
    expect(t.healthSeen).toEqual([{ writable: false, reason: 'disk full', since: t0, pendingRecords: 0 }]);
    expect(t.logger.lines.filter((l) => l.event === 'journal.write_failed')).toEqual([
      { level: 'error', event: 'journal.write_failed', reason: 'disk full', code: 'ENOSPC', during: 'payment_start', pendingRecords: 0 },
    ]);

    t.disk.failWith(undefined);
    t.clock.advance(999);
    expect(t.guard.health().writable).toBe(false);
    t.clock.advance(1);
    expect(t.guard.health()).toEqual({ writable: true, pendingRecords: 0 });
    expect(t.healthSeen.at(-1)).toEqual({ writable: true, pendingRecords: 0 });
    expect(t.healthSeen).toHaveLength(2);
    expect(t.logger.lines.filter((l) => l.event === 'journal.write_recovered')).toEqual([
      { level: 'info', event: 'journal.write_recovered', reason: 'disk full', downMs: 1_000 },
    ]);
    // The probe leaves nothing behind, and the refused payment was never written.
    expect(fs.readdirSync(t.dir)).toEqual([]);
    t.guard.appendNow(paymentRecord('a', 'sent', t.clock.now()));
    expect(replayed(t).payments.get('a')?.state).toBe('sent');
  });

  it('is retried after growing pauses (1 s, 2 s, 4 s, 4 s …); pressing Pay again adds no retry of its own', () => {
    const t = till();
    t.disk.failWith('EIO');
    refusal(() => t.guard.appendNow(paymentRecord('a', 'sent', t.clock.now())));
    t.clock.advance(100);
    refusal(() => t.guard.appendNow(paymentRecord('b', 'sent', t.clock.now()))); // Pay pressed again
    // Probes at 1 s, 3 s, 7 s, 11 s after the first refusal. Healed at 7.5 s: back at 11 s, not before.
    t.clock.advance(7_400);
    t.disk.failWith(undefined);
    t.clock.advance(3_499);
    expect(t.guard.health().writable).toBe(false);
    t.clock.advance(1);
    expect(t.guard.health().writable).toBe(true);
    // One health change each way, one error line per refused Pay, none per failed probe.
    expect(t.healthSeen.map((h) => h.writable)).toEqual([false, true]);
    expect(t.logger.lines.filter((l) => l.event === 'journal.write_failed').map((l) => l.during)).toEqual(['payment_start', 'payment_start']);
  });

  it('after a recovery the next outage is retried after the shortest pause again', () => {
    const t = till();
    t.disk.failWith('EIO');
    refusal(() => t.guard.appendNow(paymentRecord('a', 'sent', t.clock.now())));
    t.clock.advance(1_000);
    t.clock.advance(2_000); // two failed probes: the next pause would be 4 s
    t.disk.failWith(undefined);
    t.clock.advance(4_000);
    expect(t.guard.health().writable).toBe(true);
    t.disk.failWith('EIO');
    refusal(() => t.guard.appendNow(paymentRecord('b', 'sent', t.clock.now())));
    t.disk.failWith(undefined);
    t.clock.advance(999);
    expect(t.guard.health().writable).toBe(false);
    t.clock.advance(1);
    expect(t.guard.health().writable).toBe(true);
  });

  it('counts the disk as back only when a probe could write and fsync (opening a file is not enough)', () => {
    const t = till();
    t.disk.failWith('ENOSPC');
    refusal(() => t.guard.appendNow(paymentRecord('a', 'sent', t.clock.now())));
    t.disk.failWith(undefined);
    // Full, yet it still lets a file be created (and a write of nothing succeeds): only bytes fail.
    const write = t.disk.writeSync;
    t.disk.writeSync = ((_fd: number, buf: Buffer) => {
      if (buf.length === 0) return 0;
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    }) as typeof t.disk.writeSync;
    t.clock.advance(1_000);
    expect(t.guard.health()).toMatchObject({ writable: false, reason: 'disk full' });
    t.disk.writeSync = write;
    t.clock.advance(2_000);
    expect(t.guard.health().writable).toBe(true);
  });

  it('stops retrying when the till shuts down', () => {
    const t = till();
    t.disk.failWith('EIO');
    refusal(() => t.guard.appendNow(paymentRecord('a', 'sent', t.clock.now())));
    t.guard.dispose();
    t.disk.failWith(undefined);
    t.clock.advance(60_000);
    expect(t.guard.health().writable).toBe(false);
  });
});

describe('a later change on a disk that refuses the write', () => {
  it('is kept in order, payments pause, and the kept records are written in order when the disk is back', () => {
    const t = till();
    const t0 = t.clock.now();
    t.guard.appendNow(paymentRecord('a', 'sent', t0));
    t.disk.failWith('EIO');
    t.guard.appendOrKeep(paymentRecord('a', 'awaiting_result', t0));
    expect(t.guard.health()).toEqual({ writable: false, reason: 'disk error', since: t0, pendingRecords: 1 });
    t.guard.appendOrKeep(paymentRecord('a', 'approved', t0));
    expect(t.guard.health().pendingRecords).toBe(2);
    // A new payment while records are kept: refused, nothing sent.
    expect(refusal(() => t.guard.appendNow(paymentRecord('b', 'sent', t0)))).toMatchObject({ reason: 'disk error' });
    t.clock.advance(1_000); // a failed retry of the kept records
    expect(t.guard.health()).toEqual({ writable: false, reason: 'disk error', since: t0, pendingRecords: 2 });
    expect(t.logger.lines.filter((l) => l.event === 'journal.write_failed').map((l) => l.during)).toEqual(['state_change']);

    t.disk.failWith(undefined);
    t.clock.advance(2_000);
    expect(t.guard.health()).toEqual({ writable: true, pendingRecords: 0 });
    expect(statesInFile(t.journal.fileFor(dayKey(t0)))).toEqual(['a:sent', 'a:awaiting_result', 'a:approved']);
    expect(replayed(t).payments.get('a')?.state).toBe('approved');
    expect(replayed(t).payments.has('b')).toBe(false);
  });

  it('a payment started once the disk is back writes the kept records first, then its own', () => {
    const t = till();
    const t0 = t.clock.now();
    t.guard.appendNow(paymentRecord('a', 'sent', t0));
    t.disk.failWith('ENOSPC');
    t.guard.appendOrKeep(paymentRecord('a', 'approved', t0));
    t.disk.failWith(undefined);
    t.guard.appendNow(paymentRecord('b', 'sent', t0)); // before the retry timer fires
    expect(t.guard.health()).toEqual({ writable: true, pendingRecords: 0 });
    expect(statesInFile(t.journal.fileFor(dayKey(t0)))).toEqual(['a:sent', 'a:approved', 'b:sent']);
  });

  it('a listener that throws is logged and the others still hear the change', () => {
    const t = till();
    t.guard.onHealth(() => {
      throw new Error('screen gone');
    });
    const after: JournalHealth[] = [];
    t.guard.onHealth((h) => after.push(h));
    t.disk.failWith('EIO');
    t.guard.appendOrKeep(paymentRecord('a', 'sent', t.clock.now()));
    expect(after).toHaveLength(1);
    expect(t.logger.lines).toContainEqual({ level: 'error', event: 'journal.listener_failed', message: 'screen gone' });
  });
});

describe('the reason the cashier reads on the paused banner', () => {
  it.each([
    ['ENOSPC', 'disk full'],
    ['EDQUOT', 'disk full'],
    ['EIO', 'disk error'],
    ['EACCES', 'no permission to write the journal folder'],
    ['EPERM', 'no permission to write the journal folder'],
    ['EROFS', 'the disk is read-only'],
    ['EBUSY', 'write failed (EBUSY)'],
  ])('%s reads "%s"', (code, reason) => {
    expect(journalFailureReason(Object.assign(new Error(code), { code }))).toBe(reason);
  });

  it('an error without a code reads "write failed"', () => {
    expect(journalFailureReason(new Error('?'))).toBe('write failed');
    expect(journalFailureReason(undefined)).toBe('write failed');
  });
});

describe('a write that the disk cuts off half-way', () => {
  it('leaves a torn line that replay reports, and the kept record is written on a fresh line', () => {
    const t = till();
    const t0 = t.clock.now();
    t.guard.appendNow(paymentRecord('a', 'sent', t0));
    const file = t.journal.fileFor(dayKey(t0));
    // The next write gets half its bytes onto the disk, then the disk is full.
    const write = t.disk.writeSync;
    let cut = true;
    t.disk.writeSync = ((fd: number, buf: Buffer, off?: number) => {
      if (!cut) return (write as (...a: unknown[]) => number)(fd, buf, off);
      cut = false;
      fs.writeSync(fd, buf, off ?? 0, 20);
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    }) as typeof t.disk.writeSync;
    t.guard.appendOrKeep(paymentRecord('a', 'approved', t0));
    // The half-written file is let go at once (not held open through the outage).
    expect(t.disk.ops.at(-1)).toBe(`close ${file}`);
    t.clock.advance(1_000);
    expect(t.guard.health().writable).toBe(true);
    const r = replayed(t);
    expect(r.payments.get('a')?.state).toBe('approved');
    expect(r.badLines).toEqual([{ file, line: 2, torn: false }]);
    expect(path.basename(file)).toBe(`${dayKey(t0)}.jsonl`);
  });
});
