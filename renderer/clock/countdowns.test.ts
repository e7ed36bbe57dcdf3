import { describe, expect, it } from 'vitest';
import { connection, payment, snapshot, terminal } from '../test/fixtures';
import { countdownEnds, createCountdownClock } from './countdowns';

const people = { roles: 'on' as const, people: [], session: null, needsFirstManager: false, idleLockMinutes: 0 };

/** A wall clock that can be set and a monotonic one that only moves with time passing. */
function clocks() {
  const c = { wall: 1_700_000_000_000, elapsed: 5_000 };
  const countdowns = createCountdownClock(
    () => c.wall,
    () => c.elapsed,
  );
  const pass = (ms: number) => {
    c.wall += ms;
    c.elapsed += ms;
  };
  return { c, countdowns, pass };
}

describe('countdown clock', () => {
  it('counts an end down on elapsed time from when it was first seen', () => {
    const { c, countdowns, pass } = clocks();
    const ends = c.wall + 60_000;
    countdowns.see(ends);
    pass(15_000);
    c.wall -= 86_400_000; // set back a day
    expect(countdowns.msLeft(ends)).toBe(45_000);
    c.wall += 2 * 86_400_000;
    pass(50_000);
    expect(countdowns.msLeft(ends)).toBe(-5_000);
  });

  it('seeing an end again does not move it; reading one never seen places it first', () => {
    const { c, countdowns, pass } = clocks();
    const ends = c.wall + 10_000;
    expect(countdowns.msLeft(ends)).toBe(10_000);
    c.wall += 3_600_000;
    countdowns.see(ends);
    pass(1_000);
    expect(countdowns.msLeft(ends)).toBe(9_000);
  });

  it('forgets ends long past once thousands are kept, and keeps the ones still running', () => {
    const { c, countdowns, pass } = clocks();
    const running = c.wall + 600_000;
    const soon = c.wall + 150_000; // 30 s left when the past ones go
    countdowns.see(running);
    countdowns.see(soon);
    for (let i = 2; i < 2_000; i += 1) countdowns.see(c.wall + i);
    pass(120_000);
    c.wall += 3_600_000;
    countdowns.see(c.wall + 5_000); // the 2,001st: the past ones go
    expect(countdowns.msLeft(running)).toBe(480_000);
    expect(countdowns.msLeft(soon)).toBe(30_000);
    // A forgotten end read again is placed from the wall clock of now: proof that it was forgotten.
    expect(countdowns.msLeft(c.wall - 3_600_000 - 120_000 + 1)).toBe(-3_720_000 + 1);
  });
});

describe('countdown ends in what the main process sends', () => {
  it('a snapshot: the next reconnect, every grace end, every payment deadline', () => {
    const s = snapshot({
      connection: connection({ state: 'backoff', nextRetryAt: 1 }),
      terminals: [terminal('t1', { presence: 'reconnecting', graceEndsAt: 2 }), terminal('t2')],
      payments: [payment('p1', { state: 'sent', deadlineAt: 3 }), payment('p2')],
      people: {
        ...people,
        people: [
          { id: 'a', name: 'Ann', role: 'cashier', lockedUntil: 7 },
          { id: 'b', name: 'Bo', role: 'cashier' },
        ],
      },
    });
    expect(countdownEnds(s)).toEqual([1, 2, 3, 7]);
  });

  it('each event its own, and none in the others', () => {
    expect(countdownEnds({ type: 'connection', seq: 1, connection: connection({ nextRetryAt: 4 }) })).toEqual([4]);
    expect(countdownEnds({ type: 'terminal', seq: 1, terminal: terminal('t1', { graceEndsAt: 5 }) })).toEqual([5]);
    expect(countdownEnds({ type: 'payment', seq: 1, payment: payment('p1', { deadlineAt: 6 }) })).toEqual([6]);
    expect(countdownEnds({ type: 'people', seq: 1, people: { ...people, people: [{ id: 'a', name: 'Ann', role: 'cashier', lockedUntil: 8 }] } })).toEqual([8]);
    expect(countdownEnds({ type: 'terminal', seq: 1, terminal: terminal('t1') })).toEqual([]);
    expect(countdownEnds({ type: 'terminalRemoved', seq: 1, terminalId: 't1' })).toEqual([]);
  });
});
