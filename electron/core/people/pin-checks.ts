import type { Clock, Logger } from '../ports';
import { PinLockout, type LockoutTuning } from './pin-lockout';

export const WRONG_PIN = 'Wrong PIN.';

/**
 * One PIN check under the lockout: refused while locked, a wrong PIN counted (and logged by person,
 * never the digits), the right one forgets the tally. `key` is a person's id, or one shared key for
 * the manager-approval dialog (which is not tied to one person until the PIN matches).
 */
export class PinChecks {
  private readonly lockout: PinLockout;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    tuning: LockoutTuning,
  ) {
    this.lockout = new PinLockout(clock, tuning);
  }

  async check(key: string, name: string, matches: () => Promise<boolean>): Promise<{ ok: true } | { ok: false; message: string }> {
    const locked = this.lockedMessage(key, name);
    if (locked) return { ok: false, message: locked };
    if (await matches()) {
      this.lockout.succeeded(key);
      return { ok: true };
    }
    const until = this.lockout.failed(key);
    this.logger.warn('audit.pin_wrong', { personId: key, name });
    if (until === undefined) return { ok: false, message: WRONG_PIN };
    this.logger.warn('audit.pin_lockout', { personId: key, name, until });
    return { ok: false, message: this.lockedMessage(key, name)! };
  }

  lockedUntil(key: string): number | undefined {
    return this.lockout.lockedUntil(key);
  }

  lift(key: string): void {
    this.lockout.lift(key);
  }

  private lockedMessage(key: string, name: string): string | undefined {
    const until = this.lockout.lockedUntil(key);
    if (until === undefined) return undefined;
    const seconds = Math.ceil((until - this.clock.now()) / 1000);
    const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many wrong PINs for ${name}. Try again in ${wait}, or ask a manager to lift the lock.`;
  }
}
