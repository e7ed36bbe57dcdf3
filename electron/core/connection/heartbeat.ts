import type { Clock, TimerHandle } from '../ports';

/**
 * The vendor's application heartbeat (§8): `ping` every interval; no `pong` within the deadline
 * means the link is dead even if TCP has not noticed (a silent drop, a sleeping laptop). Only a
 * `pong` clears the deadline, as in the vendor sample. `checkNow` pings at once with a short
 * deadline for system resume / network change.
 */
export interface HeartbeatOptions {
  intervalMs: number;
  timeoutMs: number;
  checkNowTimeoutMs: number;
}

export class Heartbeat {
  private intervalTimer: TimerHandle | undefined;
  private deadlineTimer: TimerHandle | undefined;
  private pingSentAt: number | undefined;
  private running = false;
  lastRttMs: number | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly options: HeartbeatOptions,
    private readonly sendPing: () => void,
    private readonly onDead: (reason: string) => void,
  ) {}

  start(): void {
    this.stop();
    this.running = true;
    this.scheduleNext();
  }

  stop(): void {
    this.running = false;
    this.clock.clearTimeout(this.intervalTimer);
    this.clock.clearTimeout(this.deadlineTimer);
    this.intervalTimer = undefined;
    this.deadlineTimer = undefined;
    this.pingSentAt = undefined;
  }

  onPong(): void {
    if (!this.running) return;
    if (this.pingSentAt !== undefined) this.lastRttMs = this.clock.elapsed() - this.pingSentAt;
    this.pingSentAt = undefined;
    this.clock.clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
    this.scheduleNext();
  }

  /** Ping now; the link is declared dead if no pong comes within the short deadline. */
  checkNow(): void {
    if (!this.running) return;
    this.ping(this.options.checkNowTimeoutMs, 'no pong after checkNow');
  }

  private scheduleNext(): void {
    this.clock.clearTimeout(this.intervalTimer);
    this.intervalTimer = this.clock.setTimeout(() => this.ping(this.options.timeoutMs, 'no pong within deadline'), this.options.intervalMs);
  }

  private ping(timeoutMs: number, reason: string): void {
    if (!this.running) return;
    this.clock.clearTimeout(this.intervalTimer);
    this.intervalTimer = undefined;
    // Keep the earliest outstanding deadline: a checkNow during a normal wait only shortens it.
    const deadline = this.clock.elapsed() + timeoutMs;
    if (this.deadlineTimer && this.deadlineAt !== undefined && this.deadlineAt <= deadline) {
      this.sendPing();
      return;
    }
    this.clock.clearTimeout(this.deadlineTimer);
    this.pingSentAt ??= this.clock.elapsed();
    this.deadlineAt = deadline;
    this.deadlineTimer = this.clock.setTimeout(() => {
      this.deadlineTimer = undefined;
      if (this.running) this.onDead(reason);
    }, timeoutMs);
    this.sendPing();
  }

  private deadlineAt: number | undefined;
}
