import type { PosEvent, Snapshot } from '../../shared/ipc';

/**
 * The main process sends the end of each countdown as a wall-clock time (a reconnecting
 * terminal's grace end, how long this till keeps waiting for a payment, the next reconnect
 * attempt, a PIN lockout's end), but its timers run on elapsed time: set the PC's clock three
 * hours forward and the payment still waits its 105 s. A countdown worked out from `Date.now()`
 * would then read "0 s" for the rest of the wait (or three hours, the clock set back). So each end
 * is placed on this window's monotonic clock the moment it arrives, and counted down there: the
 * number the cashier reads stays with the core's timer whatever the wall clock does afterwards.
 */
export interface CountdownClock {
  /** Places `endsAt` on the monotonic clock, unless it is there already. */
  see(endsAt: number): void;
  /** Milliseconds until `endsAt` (negative once past), on the monotonic clock. */
  msLeft(endsAt: number): number;
}

/** Ends long past are forgotten once this many are kept (500 terminals, a day of payments). */
const KEEP = 2_000;
const FORGET_AFTER_MS = 60_000;

export function createCountdownClock(wall: () => number = () => Date.now(), elapsed: () => number = () => performance.now()): CountdownClock {
  /** Wall-clock end → the same moment on the monotonic clock. */
  const ends = new Map<number, number>();
  const forgetPast = () => {
    const now = elapsed();
    for (const [endsAt, at] of ends) if (at < now - FORGET_AFTER_MS) ends.delete(endsAt);
  };
  const see = (endsAt: number) => {
    if (ends.has(endsAt)) return;
    if (ends.size >= KEEP) forgetPast();
    ends.set(endsAt, elapsed() + (endsAt - wall()));
  };
  return {
    see,
    msLeft(endsAt) {
      see(endsAt);
      return ends.get(endsAt)! - elapsed();
    },
  };
}

/** The window's one countdown clock: sync places ends on it as they arrive, screens read it. */
export const countdowns: CountdownClock = createCountdownClock();

/** The countdown ends an event or snapshot carries. */
export function countdownEnds(from: PosEvent | Snapshot): number[] {
  const found: (number | undefined)[] = [];
  if (!('type' in from)) {
    found.push(from.connection.nextRetryAt);
    for (const t of from.terminals) found.push(t.graceEndsAt);
    for (const p of from.payments) found.push(p.deadlineAt);
    for (const p of from.people?.people ?? []) found.push(p.lockedUntil);
  } else if (from.type === 'connection') found.push(from.connection.nextRetryAt);
  else if (from.type === 'terminal') found.push(from.terminal.graceEndsAt);
  else if (from.type === 'payment') found.push(from.payment.deadlineAt);
  else if (from.type === 'people') for (const p of from.people.people) found.push(p.lockedUntil);
  return found.filter((at): at is number => at !== undefined);
}
