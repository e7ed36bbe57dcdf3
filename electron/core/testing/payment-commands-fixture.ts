import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PaymentsPause, TerminalPresence, Who } from '../../../shared/ipc';
import type { ClientFrame } from '../../../shared/protocol';
import type { GatewayConnection } from '../connection/gateway-connection';
import type { DeliveryWatch } from '../inbound/delivery-watch';
import { ErrorAttributor } from '../inbound/error-attribution';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import type { PaymentPauses } from '../payment-pauses';
import { PaymentLedger } from '../payments/ledger';
import { OrderBook } from '../payments/order-book';
import { PaymentCommands } from '../payments/payment-commands';
import type { Authorized } from '../people/approvals';
import type { Recovery } from '../recovery/recovery';
import type { TerminalRegistry } from '../terminals/terminal-registry';
import type { TerminalViews } from '../terminals/terminal-views';
import { FakeClock } from './fake-clock';
import type { RecordingFs } from './failing-fs';

/**
 * PaymentCommands' unit tests share this: the real ledger, journal (in os.tmpdir()), order book
 * and error attributor on a FakeClock; the socket, the terminal list, recovery's lookup and the
 * people service are plain fakes whose state each test sets (sent frames are recorded).
 */
export const ERROR_WINDOW_MS = 300;
const dirs: string[] = [];

export function removePaymentCommandDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Every journal file of the data dir, as written so far. */
export function journalText(dir: string): string {
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('');
}

export function setupPaymentCommands(options: { fs?: RecordingFs } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-paycmd-unit-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const ledger = new PaymentLedger(new Journal(dir, clock, options.fs), clock, logger, 105_000);
  const orders = new OrderBook(ledger, clock);
  ledger.onChange((c) => c.kind === 'payment' && orders.noteAttempt(c.payment));
  const attributor = new ErrorAttributor(ERROR_WINDOW_MS);
  const sent: ClientFrame[] = [];
  /** Per sent frame: did the journal on disk already hold its transaction (rule 1)? */
  const journaledAtSend: boolean[] = [];
  const watched: string[] = [];
  const errors: string[] = [];
  const state = {
    open: true,
    synced: true,
    /** connection.send's answer: false = the socket closed under the send. */
    sendOk: true,
    pauses: [] as PaymentsPause[],
    presence: new Map<string, TerminalPresence>([
      ['T1', 'online'],
      ['T2', 'online'],
    ]),
    demo: false,
    mayWork: { ok: true } as { ok: true } | { ok: false; message: string },
    cashier: undefined as Who | undefined,
    authorize: (() => ({ ok: true })) as (action: string, token?: string, subject?: string) => Authorized,
    checkOne: { checked: true } as { checked: boolean; message?: string },
  };
  const connection = {
    isOpen: () => state.open,
    send: (frame: ClientFrame) => {
      if (!state.sendOk) return false;
      const id = frame.action === 'payment' ? frame.paymentRequest.transactionId : '';
      journaledAtSend.push(journalText(dir).includes(`"transactionId":"${id}"`));
      sent.push(frame);
      return true;
    },
  } as unknown as GatewayConnection;
  const commands = new PaymentCommands({
    clock,
    logger,
    ledger,
    orders,
    attributor,
    connection,
    registry: { presence: (id: string) => state.presence.get(id) } as unknown as TerminalRegistry,
    terminals: { isSynced: () => state.synced, label: (id: string) => `Lane ${id}` } as unknown as TerminalViews,
    delivery: { watch: (id: string) => watched.push(id) } as unknown as DeliveryWatch,
    recovery: { checkOne: async () => state.checkOne } as unknown as Recovery,
    pauses: { current: () => state.pauses } as unknown as PaymentPauses,
    demo: () => state.demo,
    noteError: (m: string) => errors.push(m),
    people: {
      mayWork: () => state.mayWork,
      current: () => state.cashier,
      authorize: (action, token, subject) => state.authorize(action, token, subject),
    },
  });
  const pay = (more: Partial<Parameters<PaymentCommands['start']>[0]> = {}) =>
    commands.start({ terminalId: 'T1', amountMinor: 1250, currency: 'USD', paymentMethod: 'CARD', ...more });
  /** A payment started through the commands, its id (throws if it was refused). */
  const started = async (more: Partial<Parameters<PaymentCommands['start']>[0]> = {}) => {
    const r = await pay(more);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.transactionId;
  };
  /** An approved payment for `orderRef`, paid on `terminalId` through the commands. */
  const paid = async (orderRef: string, terminalId = 'T1') => {
    const id = await started({ orderRef, terminalId });
    ledger.apply(id, { type: 'result', via: 'push', response: { transactionId: id, status: 'SUCCESS', amount: '12.50', currency: 'USD' } });
    clock.advance(ERROR_WINDOW_MS + 1);
    return id;
  };
  return { paid, dir, clock, logger, ledger, orders, attributor, commands, state, sent, journaledAtSend, watched, errors, pay, started };
}
