import { msg, type Msg } from '../../../shared/i18n/message';
import { said } from '../i18n/english';
import type { Clock, Logger } from '../ports';
import { PinLockout, type LockoutTuning } from './pin-lockout';

export const WRONG_PIN = 'services.people.wrong_pin';
export type PinCheck = { ok: true } | { ok: false; msg: Msg };

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

  async check(key: string, name: string, matches: () => Promise<boolean>): Promise<PinCheck> {
    const locked = this.lockedMessage(key, name);
    if (locked) return { ok: false, msg: locked };
    if (await matches()) {
      this.lockout.succeeded(key);
      return { ok: true };
    }
    const until = this.lockout.failed(key);
    this.logger.warn('audit.pin_wrong', { personId: key, name });
    if (until === undefined) return { ok: false, msg: msg(WRONG_PIN, { attemptsLeft: this.lockout.attemptsLeft(key) }) };
    this.logger.warn('audit.pin_lockout', { personId: key, name, until });
    return { ok: false, msg: this.lockedMessage(key, name)! };
  }

  lockedUntil(key: string): number | undefined {
    return this.lockout.lockedUntil(key);
  }

  lift(key: string): void {
    this.lockout.lift(key);
  }

  private lockedMessage(key: string, name: string): Msg | undefined {
    const until = this.lockout.lockedUntil(key);
    if (until === undefined) return undefined;
    const seconds = Math.ceil((until - this.clock.now()) / 1000);
    // Under two minutes the cashier counts seconds; beyond, minutes read better.
    return seconds < 120
      ? msg('services.people.locked_seconds', { name, seconds })
      : msg('services.people.locked_minutes', { name, minutes: Math.ceil(seconds / 60) });
  }
}

/**
 * The manager-approval dialog's refusal: the dialog is not one person's, so a wrong PIN there is
 * "not a manager's", whoever typed it, and its lockout names no person ("…approval_locked_…").
 */
export function approvalRefusal(checked: Msg): { ok: false; reason: string; reasonMsg: Msg } {
  const key = checked.key === WRONG_PIN ? 'services.people.not_manager_pin' : checked.key.replace('.locked_', '.approval_locked_');
  const { msg: reasonMsg, text } = said(key, checked.values);
  return { ok: false, reason: text, reasonMsg };
}
