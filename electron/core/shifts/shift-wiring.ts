import path from 'node:path';
import type { PaymentView } from '../../../shared/ipc';
import type { Journal } from '../journal/journal';
import { dayKey } from '../journal/journal';
import type { PaymentLedger } from '../payments/ledger';
import { toPaymentView } from '../payments/view';
import type { Clock, CoreDeps } from '../ports';
import type { TerminalViews } from '../terminals/terminal-views';
import { tillLocale } from '../i18n/till-locale';
import { shiftCommandHandlers } from './shift-commands';
import { ShiftService } from './shift-service';
import { ShiftStore } from './shift-store';
import type { PeopleService } from '../people/people-service';

/** The shift commands as the core composes them: its files under `<dataDir>/shifts/`, payments from the journal and ledger. */
export function wireShifts(deps: CoreDeps, p: { clock: Clock; journal: Journal; ledger: PaymentLedger; terminals: TerminalViews; people: PeopleService }) {
  const settings = () => deps.settings.current();
  const service = new ShiftService({
    store: new ShiftStore(path.join(deps.dataDir, 'shifts'), deps.logger),
    clock: p.clock,
    logger: deps.logger,
    payments: (since) => shiftPayments(p.journal, p.ledger, since),
    currency: () => settings().currency,
    till: () => deps.registerCode ?? settings().registerCode,
    terminalLabel: (id) => p.terminals.all().find((t) => t.id === id)?.label,
    locale: tillLocale(settings, deps.osLocale),
    storeHeader: () => ({ name: settings().storeName.trim() || 'Checkstand', address: lines(settings().storeAddress) }),
    currentCashier: () => p.people.current(),
    // Read at each close: with sign-in on, a manager's PIN allows a Z with unresolved payments;
    // with it off (or not yet chosen) the cashier's confirmation does.
    get managerApproval() {
      return p.people.roles() === 'on' ? p.people.managerApproval('closeShift') : undefined;
    },
  });
  return shiftCommandHandlers(service, deps.receipts);
}

/**
 * Every payment started since `since`: each journal day from that day on (a later day's record
 * of a payment is its newer state, e.g. a void after midnight), then the live ledger on top.
 */
export function shiftPayments(journal: Pick<Journal, 'listFiles' | 'readDay'>, ledger: Pick<PaymentLedger, 'list'>, since: number): PaymentView[] {
  const first = dayKey(since);
  const byId = new Map<string, PaymentView>();
  for (const file of journal.listFiles()) {
    const day = path.basename(file, '.jsonl');
    if (day < first) continue;
    for (const record of journal.readDay(day)) if (record.createdAt >= since) byId.set(record.transactionId, toPaymentView(record));
  }
  for (const record of ledger.list()) if (record.createdAt >= since) byId.set(record.transactionId, toPaymentView(record));
  return [...byId.values()];
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
