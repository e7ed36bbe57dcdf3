import type { Clock, TimerHandle } from '../ports';

/**
 * A manual clock for tests and the accelerated soak benchmark: timers fire only when the test
 * advances time, in deadline order.
 */
export class FakeClock implements Clock {
  private t: number;
  /** Wall-clock correction from jump(): now() moves, timers do not (they are monotonic). */
  private wallOffset = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 0, 15, 9, 0, 0)) {
    this.t = start;
  }

  now(): number {
    return this.t + this.wallOffset;
  }

  /** Time passing only: advance() moves it, jump() does not. */
  elapsed(): number {
    return this.t;
  }

  /**
   * The wall clock jumps by `ms` (forward or back: NTP correcting a drifted PC, someone setting
   * the time, daylight saving on a badly configured till). As with Node's timers, no timer fires
   * and none moves: a timeout set for 10 s still fires after 10 s of elapsed time.
   */
  jump(ms: number): void {
    this.wallOffset += ms;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return { __timer: id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.timers.delete(handle.__timer as number);
  }

  pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.t).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId < 0) break;
      const timer = this.timers.get(nextId)!;
      this.timers.delete(nextId);
      this.t = Math.max(this.t, timer.at);
      timer.fn();
    }
    this.t = end;
  }
}
