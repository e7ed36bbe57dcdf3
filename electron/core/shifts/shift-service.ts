import type { CommandResult, PaymentView } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import type { CloseShiftRequest, CloseShiftResult, ShiftPerson, ShiftReport, ShiftStatus, ShiftView } from '../../../shared/ipc/shifts';
import type { Msg } from '../../../shared/i18n/message';
import { ok, refuse } from '../commands/command-result';
import { said } from '../i18n/english';
import type { Clock, Logger } from '../ports';
import { buildShiftReport, isUnresolved, paymentsOfShift, type ReportOptions } from './shift-report';
import type { ShiftStore } from './shift-store';

/**
 * A manager's approval by PIN. The sign-in work owns PIN checking; the composition injects its
 * verifier here. Without one (roles off) the cashier's own confirmation is enough.
 */
export type ManagerApproval = (pin: string) => Promise<{ ok: true; approver: ShiftPerson } | { ok: false; reason: string; reasonMsg?: Msg }>;

export interface ShiftServiceDeps {
  store: ShiftStore;
  clock: Clock;
  logger: Logger;
  /** Every payment that may have been started since `since` (journal days and the live ledger). */
  payments(since: number): PaymentView[];
  /** The till's currency now: the float's currency. */
  currency(): string;
  /** This till's register code. */
  till(): string;
  terminalLabel?: (terminalId: string) => string | undefined;
  /** The store's name and address lines for the report's header. */
  storeHeader?: () => NonNullable<ShiftReport['store']>;
  /** The signed-in cashier, when the core knows one. */
  currentCashier?: () => ShiftPerson | undefined;
  managerApproval?: ManagerApproval;
  /** The till's locale now: the report is made (and a Z stored) in it. */
  locale?: () => string;
}

const NO_SHIFT = 'services.shifts.no_shift';

/** Opens and closes shifts, and makes their X and Z reports. One open shift per till. */
export class ShiftService {
  /** An open or a close is being written: one change of the shift at a time. */
  private changing = false;

  constructor(private readonly d: ShiftServiceDeps) {}

  status(): ShiftStatus {
    const open = this.d.store.openShift();
    return { ...(open ? { open } : {}), zReports: this.d.store.zReports() };
  }

  async open(req: { floatMinor?: number }): Promise<CommandResult<ShiftView>> {
    if (this.d.store.openShift() || this.changing) return refuse('not_allowed', 'services.shifts.already_open');
    // Held while the file is written, so two presses cannot open two shifts.
    this.changing = true;
    try {
      return ok(await this.create(req));
    } finally {
      this.changing = false;
    }
  }

  private async create(req: { floatMinor?: number }): Promise<ShiftView> {
    const now = this.d.clock.now();
    const cashier = this.d.currentCashier?.();
    const shift: ShiftView = {
      id: uuidv7(now),
      till: this.d.till(),
      openedAt: now,
      ...(cashier ? { openedBy: cashier } : {}),
      floatMinor: req.floatMinor ?? 0,
      currency: this.d.currency(),
    };
    await this.d.store.saveOpen(shift);
    this.d.logger.info('shift.opened', { shiftId: shift.id, floatMinor: shift.floatMinor, currency: shift.currency });
    return shift;
  }

  /** An X report (no number given) of the open shift now, or a stored Z exactly as it was made. */
  report(ref: { number?: number; countedCashMinor?: number }): CommandResult<ShiftReport> {
    if (ref.number !== undefined) {
      const z = this.d.store.readZ(ref.number);
      return z ? ok(z) : refuse('not_found', 'services.shifts.no_such_z', { number: ref.number });
    }
    const shift = this.d.store.openShift();
    if (!shift) return refuse('not_allowed', NO_SHIFT);
    return ok(this.build(shift, { kind: 'X', now: this.d.clock.now(), ...countedOf(ref.countedCashMinor) }));
  }

  /**
   * Closes the open shift with a Z report. Refused while a payment of the shift is unresolved,
   * unless a manager approves (or, roles off, the cashier confirms); the Z then lists them.
   */
  async close(req: CloseShiftRequest): Promise<CommandResult<CloseShiftResult>> {
    const shift = this.d.store.openShift();
    if (!shift) return refuse('not_allowed', NO_SHIFT);
    if (this.changing) return refuse('not_allowed', 'services.shifts.busy');
    this.changing = true;
    try {
      const now = this.d.clock.now();
      const unresolved = paymentsOfShift(shift, this.d.payments(shift.openedAt), now).filter(isUnresolved);
      let approval: ShiftReport['unresolvedApproval'];
      if (unresolved.length > 0) {
        const allowed = await this.allowUnresolved(req, shift, now);
        if ('refused' in allowed) return ok(allowed.refused);
        approval = allowed.approval;
      }
      const closedBy = this.d.currentCashier?.()?.name;
      const number = this.d.store.nextZNumber();
      const report = this.build(shift, {
        kind: 'Z',
        number,
        now,
        countedCashMinor: req.countedCashMinor,
        ...(closedBy ? { closedBy } : {}),
        ...(approval ? { unresolvedApproval: approval } : {}),
      });
      await this.d.store.saveZ(report);
      this.d.logger.info('shift.closed', { shiftId: shift.id, z: report.label, unresolved: unresolved.length, approval: approval?.by });
      return ok({ closed: true as const, report });
    } finally {
      this.changing = false;
    }
  }

  private async allowUnresolved(
    req: CloseShiftRequest,
    shift: ShiftView,
    now: number,
  ): Promise<{ approval: NonNullable<ShiftReport['unresolvedApproval']> } | { refused: Extract<CloseShiftResult, { closed: false }> }> {
    const listed = this.build(shift, { kind: 'X', now }).unresolved;
    const refused = (needs: 'manager_pin' | 'confirmation', { msg, text }: { msg: Msg; text: string }) => ({
      refused: { closed: false as const, needs, unresolved: listed, message: text, messageMsg: msg },
    });
    const count = { count: listed.length };
    const verify = this.d.managerApproval;
    if (!verify) {
      if (req.confirmUnresolved) return { approval: { by: 'confirmation', ...approverOf(this.d.currentCashier?.()) } };
      return refused('confirmation', said('services.shifts.unresolved_confirm', count));
    }
    if (!req.managerPin) return refused('manager_pin', said('services.shifts.unresolved_manager', count));
    const answer = await verify(req.managerPin);
    if (!answer.ok) return refused('manager_pin', { text: answer.reason, msg: answer.reasonMsg ?? { key: 'services.shifts.approval_refused' } });
    return { approval: { by: 'manager', approver: answer.approver.name } };
  }

  private build(shift: ShiftView, o: ReportOptions): ShiftReport {
    const { terminalLabel, storeHeader, locale } = this.d;
    const report = buildShiftReport(shift, this.d.payments(shift.openedAt), {
      ...o,
      ...(terminalLabel ? { terminalLabel } : {}),
      ...(storeHeader ? { store: storeHeader() } : {}),
    });
    return locale ? { ...report, locale: locale() } : report;
  }
}

function countedOf(countedCashMinor: number | undefined): { countedCashMinor?: number } {
  return countedCashMinor !== undefined ? { countedCashMinor } : {};
}

function approverOf(person: ShiftPerson | undefined): { approver?: string } {
  return person ? { approver: person.name } : {};
}
