import type { Clock } from '../ports';

export interface LockoutTuning {
  /** Wrong PINs in a row before a lockout. */
  attempts: number;
  /** The first lockout; each further one doubles… */
  baseMs: number;
  /** …up to this. */
  capMs: number;
}

interface Tally {
  wrong: number;
  lockouts: number;
  /** When the lock ends on the elapsed-time clock: setting the PC's clock neither ends nor stretches it. */
  endsElapsed?: number;
}

/**
 * Wrong PINs per person: `attempts` in a row lock that person for a time that grows with each
 * lockout (so guessing 10,000 PINs takes days, a fumbled PIN costs 30 s). The right PIN or a
 * manager lifting the lock forgets the tally. Kept in memory: a restart of the app is slower than
 * the first lockout anyway, and the journal of who tried is the audit log.
 */
export class PinLockout {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly clock: Clock,
    private readonly tuning: LockoutTuning,
  ) {}

  /** Epoch ms the lock ends, while it lasts: its time left, told from the wall clock of now. */
  lockedUntil(personId: string): number | undefined {
    const ends = this.tallies.get(personId)?.endsElapsed;
    const left = ends === undefined ? 0 : ends - this.clock.elapsed();
    return left > 0 ? this.clock.now() + left : undefined;
  }

  /** Counts a wrong PIN; returns when the lock ends if this one locked the person. */
  failed(personId: string): number | undefined {
    const tally = this.tallies.get(personId) ?? { wrong: 0, lockouts: 0 };
    tally.wrong += 1;
    this.tallies.set(personId, tally);
    if (tally.wrong < this.tuning.attempts) return undefined;
    tally.wrong = 0;
    tally.lockouts += 1;
    const lasts = Math.min(this.tuning.capMs, this.tuning.baseMs * 2 ** (tally.lockouts - 1));
    tally.endsElapsed = this.clock.elapsed() + lasts;
    return this.clock.now() + lasts;
  }

  /** Wrong PINs still allowed before the next lockout. */
  attemptsLeft(personId: string): number {
    return this.tuning.attempts - (this.tallies.get(personId)?.wrong ?? 0);
  }

  succeeded(personId: string): void {
    this.tallies.delete(personId);
  }

  lift(personId: string): void {
    this.tallies.delete(personId);
  }
}
