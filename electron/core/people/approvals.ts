import { randomBytes } from 'node:crypto';
import type { ApprovalAction, CommandErrorCode, CommandResult, Who } from '../../../shared/ipc';
import { fail, refuse } from '../commands/command-result';
import type { Clock } from '../ports';
import { said } from '../i18n/english';
import type { Msg } from '../../../shared/i18n/message';

/**
 * Manager approvals as tokens: `approveManager` checks the PIN and hands one out for one action
 * (and, for a payment, one transaction or order); the command that needs it carries it and the
 * core spends it. Payment approvals are single-use; a Settings approval lasts a few minutes so a
 * manager can fill the form, and is forgotten at sign-out.
 */
interface Grant {
  action: ApprovalAction;
  subject?: string;
  approver: Who;
  /** On Clock.elapsed(): setting the PC's clock back must not keep an approval for hours. */
  expiresAt: number;
  reusable: boolean;
}

/**
 * A refusal carries its code (`msg`) and its English (`message`, for the log). `msg` is optional
 * so a caller's stand-in (tests of payments) may still refuse with English alone.
 */
export type Refused = { ok: false; message: string; msg?: Msg };
export type Authorized = { ok: true; approver?: Who } | Refused;

export function refusedWith(key: string): Refused & { msg: Msg } {
  const { msg, text } = said(key);
  return { ok: false, message: text, msg };
}

/** A refusal as a command's answer: its code when it has one, else its English. */
export function refusalAnswer<T>(code: CommandErrorCode, refused: Refused): CommandResult<T> {
  return refused.msg ? refuse(code, refused.msg.key, refused.msg.values) : fail(code, refused.message);
}

export class Approvals {
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: { settings: number; other: number },
  ) {}

  grant(action: ApprovalAction, approver: Who, subject: string | undefined): string {
    const token = randomBytes(18).toString('base64url');
    const reusable = action === 'settings' || action === 'people';
    const ttl = reusable ? this.ttlMs.settings : this.ttlMs.other;
    this.grants.set(token, { action, approver, expiresAt: this.clock.elapsed() + ttl, reusable, ...(subject !== undefined ? { subject } : {}) });
    return token;
  }

  /** Spends (or, for Settings and People, checks) a token for this action and subject. */
  use(token: string | undefined, action: ApprovalAction, subject: string | undefined): Authorized {
    const grant = token ? this.grants.get(token) : undefined;
    const refused = refusedWith('services.people.needs_manager_pin');
    // The People section lives in Settings: the manager's Settings approval covers it.
    const covers = grant && (grant.action === action || (grant.action === 'settings' && action === 'people'));
    if (!grant || !covers) return refused;
    if (grant.expiresAt <= this.clock.elapsed()) {
      this.grants.delete(token!);
      return refusedWith('services.people.approval_expired');
    }
    if (grant.subject !== undefined && grant.subject !== subject) return refused;
    if (!grant.reusable) this.grants.delete(token!);
    return { ok: true, approver: grant.approver };
  }

  clear(): void {
    this.grants.clear();
  }
}
