import path from 'node:path';
import {
  commands,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type CommandResult,
  CommandErrorCode,
  type Diagnostics,
  type PaymentView,
  type PosEvent,
  type Snapshot,
  type UpdateView,
} from '../../shared/ipc';
import { uuidv7 } from '../../shared/ids';
import { toWireAmount } from '../../shared/money';
import { summarizeIssues, type ErrorFrame, type PaymentFrame, type ServerActionFrame } from '../../shared/protocol';
import { checkEndpoint, httpBaseFromEndpoint } from './connection/endpoint';
import { GatewayConnection } from './connection/gateway-connection';
import type { ConnectionConfig, ConnectionEvent } from './connection/types';
import { connectionTuning, resolveTuning } from './core-tuning';
import { EventStream } from './events/event-stream';
import { paymentsToCsv } from './history/csv';
import { ErrorAttributor } from './inbound/error-attribution';
import { dayKey, Journal, type BadLine } from './journal/journal';
import { JournalGuard, JournalUnavailableError } from './journal/journal-guard';
import { journalPause, settingsPauses } from './payment-pauses';
import { PaymentLedger, type LedgerChange } from './payments/ledger';
import { supportInfo } from './log/support-info';
import { OrderBook } from './payments/order-book';
import { mayStillBeRefused } from './payments/transitions';
import { toPaymentView } from './payments/view';
import { systemClock, type CoreDeps, type PaymentDetails, type PosCore, type RecentError, type Settings, type TimerHandle } from './ports';
import { createLookupClient, type LookupFn } from './recovery/lookup-client';
import { Recovery } from './recovery/recovery';
import { TerminalRegistry, type RegistryChange } from './terminals/terminal-registry';

type Handlers = { [K in CommandName]: (req: CommandRequest<K>) => Promise<CommandResult<CommandResponse<K>>> };

const DISABLED_UPDATE: UpdateView = { phase: 'disabled', blockedBy: [] };

function fail<T>(code: CommandErrorCode, message: string): CommandResult<T> {
  return { ok: false, error: { code, message } };
}
function ok<T>(value: T): CommandResult<T> {
  return { ok: true, value };
}

/**
 * The core (DESIGN.md "One core, two hosts"): wires the gateway connection, terminal registry,
 * payment ledger + journal, recovery and the event stream together, and answers every command
 * of shared/ipc/commands.ts. It never throws at a host: every answer is a CommandResult.
 */
export function createPosCore(deps: CoreDeps): PosCore {
  const clock = deps.clock ?? systemClock;
  const tuning = resolveTuning(deps.tuning);
  const logger = deps.logger;
  const recentErrors: RecentError[] = [];
  const journal = new Journal(path.join(deps.dataDir, 'journal'), clock, deps.journalFs);
  const journalGuard = new JournalGuard(journal, clock, logger, tuning);
  const ledger = new PaymentLedger(journalGuard, clock, logger, tuning.paymentDeadlineMs);
  const orders = new OrderBook(ledger, clock, deps.registerCode);
  let journalBadLines: BadLine[] = [];
  const registry = new TerminalRegistry(tuning.terminalGraceMs);
  const attributor = new ErrorAttributor(tuning.errorWindowMs);
  const events = new EventStream(logger);
  const connection = new GatewayConnection(clock, connectionTuning(tuning), logger, deps.socketFactory);
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const recovery = new Recovery(ledger, clock, logger, () => lookupFor(deps.settings.current()), tuning);
  const deliveryTimers = new Map<string, TimerHandle>();
  const graceTimers = new Map<string, TimerHandle>();
  const unsubscribers: (() => void)[] = [];
  let lastConfig: ConnectionConfig | undefined;
  /** False from each open until the first terminalsResponse: the old list may be stale (§9.2). */
  let terminalsSynced = false;
  let started = false;

  function noteError(message: string): void {
    recentErrors.push({ at: clock.now(), message });
    if (recentErrors.length > 20) recentErrors.shift();
  }

  function lookupFor(s: Settings): LookupFn | undefined {
    if (!s.apiSecret || !s.apiKey || !s.endpoint) return undefined;
    const check = checkEndpoint(s.endpoint);
    if (!check.ok) return undefined;
    return createLookupClient({ fetch: fetchFn, baseUrl: httpBaseFromEndpoint(check.url), apiKey: s.apiKey, apiSecret: s.apiSecret, now: () => clock.now(), timeoutMs: tuning.lookupTimeoutMs });
  }

  /** Rules 1 and 8: an invalid gateway setting or an unwritable journal blocks every new payment. */
  function paused() {
    const journalBlock = journalPause(journalGuard.health());
    return [...settingsPauses(deps.settings.gatewayProblems?.() ?? []), ...(journalBlock ? [journalBlock] : [])];
  }

  function configFrom(s: Settings): ConnectionConfig | undefined {
    // A gateway set but invalid anywhere: connect to nothing rather than to a guess (rule 1).
    if (!s.endpoint.trim() || !s.apiKey || (deps.settings.gatewayProblems?.() ?? []).length > 0) return undefined;
    return { endpoint: s.endpoint.trim(), apiKey: s.apiKey, ...(s.groupId ? { groupId: s.groupId } : {}) };
  }

  function sameConfig(a: ConnectionConfig | undefined, b: ConnectionConfig | undefined): boolean {
    return a?.endpoint === b?.endpoint && a?.apiKey === b?.apiKey && a?.groupId === b?.groupId;
  }

  // ── views and events ──────────────────────────────────────────────────────────────────

  function terminalView(id: string) {
    const open = ledger.openForTerminal(id);
    return registry.view(id, { linkOpen: connection.isOpen(), synced: terminalsSynced, ...(open ? { openPaymentId: open.transactionId } : {}) });
  }

  function emitTerminals(change: RegistryChange): void {
    for (const id of change.removed) events.emit({ type: 'terminalRemoved', terminalId: id });
    for (const id of change.changed) {
      const view = terminalView(id);
      if (view) events.emit({ type: 'terminal', terminal: view });
    }
  }

  function snapshot(): Snapshot {
    return {
      seq: events.current(),
      app: deps.appInfo,
      connection: connection.view(),
      terminals: registry.ids().map((id) => terminalView(id)!).filter(Boolean),
      payments: ledger.list().map(toPaymentView),
      alerts: ledger.alerts(),
      orders: orders.all(),
      nextOrderRef: orders.nextOrderRef(),
      settings: deps.settings.view(),
      update: deps.updates?.view() ?? DISABLED_UPDATE,
      printJobs: deps.receipts?.jobs() ?? [],
      paused: paused(),
    };
  }

  const previousStates = new Map<string, string>();
  function onLedgerChange(change: LedgerChange): void {
    if (change.kind === 'alert') {
      events.emit({ type: 'alert', alert: change.alert });
      return;
    }
    const p = change.payment;
    const before = previousStates.get(p.transactionId);
    previousStates.set(p.transactionId, p.state);
    events.emit({ type: 'payment', payment: toPaymentView(p) });
    orders.noteAttempt(p);
    events.emit({ type: 'order', order: orders.view(p.orderRef), nextOrderRef: orders.nextOrderRef() });
    if (before !== p.state) {
      emitTerminals({ changed: registry.has(p.terminalId) ? [p.terminalId] : [], removed: [] });
      // Still a candidate for an error frame until the gateway shows it accepted it (rule 5).
      if (!mayStillBeRefused(p.state)) {
        attributor.settle(p.transactionId);
        clearDelivery(p.transactionId);
      }
    }
    // A live change (not a journal replay) to approved prints the receipt; to voided, the void slip.
    const becameApproved = p.state === 'approved' && before !== 'approved';
    const becameVoided = p.state === 'voided' && before !== 'voided';
    if (before !== undefined && (becameApproved || becameVoided)) autoPrint(p.transactionId);
  }

  function autoPrint(transactionId: string): void {
    if (!deps.receipts || !deps.settings.current().autoPrint) return;
    deps.receipts.print(transactionId, false).catch((err: unknown) => {
      logger.error('receipt.autoprint_failed', { transactionId, message: String(err) });
      noteError(`Auto-print failed for ${transactionId}`);
    });
  }

  function clearDelivery(transactionId: string): void {
    const h = deliveryTimers.get(transactionId);
    if (h) clock.clearTimeout(h);
    deliveryTimers.delete(transactionId);
  }

  // ── inbound ───────────────────────────────────────────────────────────────────────────

  function onConnectionEvent(e: ConnectionEvent): void {
    switch (e.type) {
      case 'state':
        events.emit({ type: 'connection', connection: e.view });
        if (e.view.state === 'auth_failed' || e.view.state === 'displaced') noteError(e.view.reason ?? e.view.state);
        return;
      case 'sent':
        if (e.frame.action === 'getTerminals') attributor.sent({ kind: 'getTerminals', sentAt: clock.now() });
        return;
      case 'open':
        terminalsSynced = false;
        emitTerminals({ changed: registry.ids(), removed: [] });
        void recovery.run('reconnect').catch((err: unknown) => logger.error('recovery.failed', { message: String(err) }));
        return;
      case 'down':
        attributor.clear();
        for (const id of [...deliveryTimers.keys()]) clearDelivery(id);
        for (const p of ledger.open()) ledger.apply(p.transactionId, { type: 'linkLost' });
        emitTerminals({ changed: registry.ids(), removed: [] });
        return;
      case 'frame':
        onFrame(e.frame);
        return;
      case 'errorFrame':
        onErrorFrame(e.frame);
        return;
    }
  }

  function onFrame(frame: ServerActionFrame): void {
    const now = clock.now();
    switch (frame.action) {
      case 'terminalsResponse': {
        const change = registry.applyList(frame, now);
        if (!terminalsSynced) {
          terminalsSynced = true;
          change.changed = registry.ids();
        }
        emitTerminals(change);
        return;
      }
      case 'terminalStatusUpdate': {
        const change = registry.applyPush(frame, now);
        emitTerminals(change);
        const touched = [...change.changed, ...change.removed];
        for (const id of new Set(touched)) {
          const open = ledger.openForTerminal(id);
          if (open) {
            const grace = registry.graceEndsAt(id);
            ledger.apply(open.transactionId, { type: 'terminal', status: frame.status, ...(grace ? { graceEndsAt: grace } : {}) });
          }
          if (frame.status === 'reconnecting') armGraceCheck(id);
        }
        return;
      }
      case 'paymentComplete': {
        const id = frame.paymentResponse.transactionId;
        if (!ledger.get(id)) {
          logger.info('frame.foreign_payment', { transactionId: id });
          return;
        }
        ledger.apply(id, { type: 'result', response: frame.paymentResponse, via: 'push' });
        return;
      }
      case 'paymentVoided': {
        if (!ledger.get(frame.transactionId)) {
          logger.info('frame.foreign_void', { transactionId: frame.transactionId });
          return;
        }
        ledger.apply(frame.transactionId, { type: 'voided', via: 'push', reason: frame.reason ?? 'Voided by the gateway' });
        return;
      }
      default:
        return;
    }
  }

  /** When the grace countdown ends without a verdict, ask the gateway for the list again. */
  function armGraceCheck(id: string): void {
    const ends = registry.graceEndsAt(id);
    if (ends === undefined) return;
    const prev = graceTimers.get(id);
    if (prev) clock.clearTimeout(prev);
    graceTimers.set(
      id,
      clock.setTimeout(() => {
        graceTimers.delete(id);
        if (registry.presence(id) === 'reconnecting') connection.send({ action: 'getTerminals' });
      }, Math.max(0, ends - clock.now()) + tuning.graceRecheckMarginMs),
    );
  }

  function onErrorFrame(frame: ErrorFrame): void {
    const a = attributor.attribute(frame, clock.now());
    logger.warn('frame.error_attributed', { to: a.to, title: a.title, message: a.message, ...(a.to === 'payment' ? { transactionId: a.transactionId } : {}) });
    if (a.to === 'ambiguous') {
      for (const id of a.transactionIds) {
        clearDelivery(id);
        ledger.apply(id, { type: 'ambiguousError', message: a.message });
      }
      void recovery.run('ambiguous').catch((err: unknown) => logger.error('recovery.failed', { message: String(err) }));
      return;
    }
    if (a.to !== 'payment') {
      if (a.to === 'none') noteError(`Gateway error: ${a.title} — ${a.message}`);
      return;
    }
    let plain = `The gateway refused the payment: ${a.message}. The customer was not charged.`;
    if (/not found/i.test(a.title) || /connection not found/i.test(a.message)) {
      plain = 'The terminal is not connected to the gateway. The customer was not charged.';
      emitTerminals(registry.markOffline(a.terminalId));
      connection.send({ action: 'getTerminals' });
    } else if (/forbidden/i.test(a.title) || /different group/i.test(a.message)) {
      plain = 'This terminal belongs to another store group. Check the group in Settings. The customer was not charged.';
      noteError(plain);
    } else if (/in progress|conflict/i.test(`${a.title} ${a.message}`)) {
      plain = 'The terminal is already busy with another payment. The customer was not charged for this one.';
    }
    ledger.apply(a.transactionId, { type: 'rejected', message: plain });
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────

  const handlers: Handlers = {
    getSnapshot: async () => ok(snapshot()),

    startPayment: async (req) => {
      const blocked = paused()[0];
      if (blocked) return fail('payments_paused', blocked.message);
      if (!connection.isOpen()) return fail('offline', 'Not connected to the payment gateway. Payments are paused until the connection is back.');
      if (!terminalsSynced) return fail('offline', 'Reconnected to the gateway; refreshing the terminal list. Try again in a moment.');
      const presence = registry.presence(req.terminalId);
      if (presence !== 'online') {
        const why = presence === 'reconnecting' ? 'is reconnecting' : presence === 'offline' ? 'is offline' : 'is not known to the gateway';
        return fail('terminal_unavailable', `Terminal ${req.terminalId} ${why}. Choose another terminal or wait.`);
      }
      const orderRef = req.orderRef?.trim() || orders.nextOrderRef();
      const refused = ledger.refusal({ terminalId: req.terminalId, orderRef }) ?? orders.refusal(orderRef, req.repeatPaymentConfirmed, (id) => registry.view(id, { linkOpen: true })?.label ?? id);
      if (refused) return fail(refused.code, refused.message);
      // §10.1: error frames carry no id, so only one payment may be waiting for a possible error
      // at a time; otherwise an error about one terminal could mark another's payment "not charged".
      if (attributor.hasPaymentInWindow(clock.now())) {
        return fail('register_busy', 'Another payment was started on this register a moment ago and the gateway has not confirmed it yet. Press Pay again in a few seconds.');
      }
      let amount: string;
      try {
        amount = toWireAmount(req.amountMinor, req.currency);
      } catch (err) {
        return fail('invalid_request', `The amount is not valid: ${String(err)}`);
      }
      const transactionId = uuidv7(clock.now());
      try {
        // Rule 1: journaled and fsynced BEFORE the frame exists on the wire.
        ledger.begin({ transactionId, orderRef, terminalId: req.terminalId, amountMinor: req.amountMinor, currency: req.currency, paymentMethod: req.paymentMethod, ...(deps.appInfo.demo.enabled ? { demo: true } : {}) });
      } catch (err) {
        if (err instanceof JournalUnavailableError) {
          noteError(err.message);
          return fail('payments_paused', err.message);
        }
        logger.error('journal.write_failed', { message: String(err) });
        noteError('Could not save the payment to disk');
        return fail('internal', 'The payment could not be saved to disk, so it was NOT sent. Check the disk and try again.');
      }
      const frame: PaymentFrame = {
        action: 'payment',
        terminalId: req.terminalId,
        paymentRequest: { transactionId, amount, currency: req.currency, paymentMethod: req.paymentMethod, metadata: { orderId: orderRef } },
      };
      attributor.sent({ kind: 'payment', transactionId, terminalId: req.terminalId, sentAt: clock.now() });
      if (!connection.send(frame)) {
        attributor.settle(transactionId);
        ledger.apply(transactionId, { type: 'rejected', message: 'The connection dropped before the payment could be sent. The customer was not charged.' });
        return fail('offline', 'The connection dropped before the payment could be sent. The customer was not charged; try again when connected.');
      }
      deliveryTimers.set(
        transactionId,
        clock.setTimeout(() => {
          deliveryTimers.delete(transactionId);
          for (const id of attributor.expire(clock.now())) ledger.apply(id, { type: 'delivered' });
          ledger.apply(transactionId, { type: 'delivered' });
        }, tuning.errorWindowMs),
      );
      return ok({ transactionId, orderRef });
    },

    resolvePayment: async (req) => {
      const p = ledger.get(req.transactionId);
      if (!p) return fail('not_found', 'No such payment on this register.');
      if (p.state !== 'unknown' && p.state !== 'needs_review') {
        return fail('not_allowed', `This payment is already ${p.state.replace('_', ' ')}; only an unknown outcome can be settled by hand.`);
      }
      ledger.apply(req.transactionId, { type: 'cashier', outcome: req.outcome, reason: req.reason });
      return ok(toPaymentView(ledger.get(req.transactionId)!));
    },

    checkPaymentNow: async (req) => {
      if (!ledger.get(req.transactionId)) return fail('not_found', 'No such payment on this register.');
      const result = await recovery.checkOne(req.transactionId);
      if (!result.checked && result.message) logger.info('audit.check_now', { transactionId: req.transactionId, message: result.message });
      return ok(toPaymentView(ledger.get(req.transactionId)!));
    },

    acknowledgeAlert: async (req) => {
      const acked = ledger.acknowledge(req.alertId);
      return acked ? ok({ done: true as const }) : fail('not_found', 'That alert was already acknowledged or does not exist.');
    },

    reconnectNow: async () => {
      if (!lastConfig) return fail('not_allowed', 'No gateway is configured. Enter the gateway address and API key in Settings.');
      connection.reconnectNow();
      return ok({ done: true as const });
    },

    refreshTerminals: async () => {
      if (!connection.send({ action: 'getTerminals' })) return fail('offline', 'Not connected to the payment gateway.');
      return ok({ done: true as const });
    },

    exportCsv: async (req) => {
      const day = req.day ?? dayKey(clock.now());
      return ok({ filename: `checkstand-payments-${day}.csv`, csv: paymentsToCsv(historyFor(day)) });
    },

    getDiagnostics: async () => {
      const c = connection.view();
      const update = deps.updates?.view();
      const diag: Diagnostics = {
        connectionState: c.state,
        endpoint: c.endpoint,
        ...(c.lastPongRttMs !== undefined ? { lastPongRttMs: c.lastPongRttMs } : {}),
        reconnectsToday: c.reconnectsToday,
        appVersion: deps.appInfo.version,
        logDir: deps.appInfo.logDir,
        journalDir: deps.appInfo.journalDir,
        ...(update?.phase === 'error' && update.message ? { updateError: update.message } : {}),
        recentErrors: [...logger.recentErrors(), ...recentErrors].sort((a, b) => a.at - b.at).slice(-20),
        ...supportInfo({ appInfo: deps.appInfo, settings: deps.settings, logger, ...(deps.crashDumpDir ? { crashDumpDir: deps.crashDumpDir } : {}) }),
        journal: { ...journalGuard.health(), badLines: journalBadLines.map((b) => ({ ...b, file: path.basename(b.file) })) },
        paused: paused(),
      };
      return ok(diag);
    },

    saveSettings: async (req) => ok(await deps.settings.save(req)),

    printReceipt: async (req) => {
      if (!deps.receipts) return noPrinter();
      return ok(await deps.receipts.print(req.transactionId, req.copy));
    },
    printTestPage: async () => (deps.receipts ? ok(await deps.receipts.printTestPage()) : noPrinter()),
    receiptPdf: async (req) => (deps.receipts ? ok(await deps.receipts.pdf(req.transactionId)) : noPrinter()),
    listPrinters: async () => (deps.receipts ? ok({ printers: await deps.receipts.listPrinters() }) : noPrinter()),
    installUpdate: async () => ok(deps.updates ? await deps.updates.installNow() : DISABLED_UPDATE),
  };

  function noPrinter<T>(): CommandResult<T> {
    return fail('printer_error', 'Printing is not set up on this register.');
  }

  function historyFor(day: string | undefined): PaymentView[] {
    const key = day ?? dayKey(clock.now());
    return journal.readDay(key).map(toPaymentView);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────

  function applySettings(s: Settings): void {
    const next = configFrom(s);
    if (sameConfig(next, lastConfig) && started) return;
    if (started && (next?.endpoint !== lastConfig?.endpoint || next?.apiKey !== lastConfig?.apiKey || next?.groupId !== lastConfig?.groupId)) {
      emitTerminals({ changed: [], removed: registry.clear() });
    }
    lastConfig = next;
    logger.info('connection.configure', { endpoint: next?.endpoint ?? '', hasKey: Boolean(next?.apiKey), groupId: next?.groupId ?? '' });
    connection.configure(next);
  }

  const core: PosCore = {
    async start() {
      if (started) return;
      const replay = journal.replay();
      journalBadLines = replay.badLines;
      for (const bad of replay.badLines) {
        logger.warn('journal.bad_line', { file: path.basename(bad.file), line: bad.line, torn: bad.torn, ...(bad.reason ? { reason: bad.reason } : {}) });
        noteError(bad.torn ? `Journal ${path.basename(bad.file)}: the last line was torn by a crash and was skipped` : `Journal ${path.basename(bad.file)} line ${bad.line} is ${bad.reason ? 'not a valid record' : 'unreadable'} and was skipped`);
      }
      logger.info('journal.replayed', { records: replay.records, files: replay.files.length, payments: replay.payments.size });
      unsubscribers.push(ledger.onChange(onLedgerChange));
      unsubscribers.push(journalGuard.onHealth(() => events.emit({ type: 'paused', paused: paused() })));
      ledger.restore(replay);
      for (const p of ledger.list()) {
        previousStates.set(p.transactionId, p.state);
        orders.noteAttempt(p);
      }
      unsubscribers.push(connection.on(onConnectionEvent));
      unsubscribers.push(
        deps.settings.onChange((s) => {
          events.emit({ type: 'settings', settings: deps.settings.view() });
          events.emit({ type: 'paused', paused: paused() });
          applySettings(s);
        }),
      );
      if (deps.receipts) unsubscribers.push(deps.receipts.onJob((job) => events.emit({ type: 'printJob', job })));
      if (deps.updates) unsubscribers.push(deps.updates.onChange((update) => events.emit({ type: 'update', update })));
      applySettings(deps.settings.current());
      started = true;
      await recovery.run('start').catch((err: unknown) => logger.error('recovery.failed', { message: String(err) }));
    },

    async stop() {
      connection.stop();
      for (const u of unsubscribers.splice(0)) u();
      for (const h of [...deliveryTimers.values(), ...graceTimers.values()]) clock.clearTimeout(h);
      deliveryTimers.clear();
      graceTimers.clear();
      recovery.dispose();
      ledger.dispose();
      journalGuard.dispose();
      journal.close();
      started = false;
    },

    checkNow() {
      connection.checkNow();
    },

    hasPaymentInFlight: () => ledger.hasOpen(),
    hasOpenAlerts: () => ledger.alerts().length > 0,

    paymentDetails(transactionId): PaymentDetails | undefined {
      const record = ledger.get(transactionId) ?? journal.readDay(dayKey(clock.now())).find((p) => p.transactionId === transactionId);
      if (!record) return undefined;
      const alert = ledger.alertFor(transactionId);
      return {
        view: toPaymentView(record),
        ...(record.response ? { response: record.response } : {}),
        ...(alert ? { voidAlert: alert } : {}),
        order: orders.view(record.orderRef),
      };
    },

    async invoke<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResult<CommandResponse<K>>> {
      const spec = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
      if (!spec) return fail('invalid_request', `Unknown command ${String(name).slice(0, 64)}`);
      const parsed = spec.request.safeParse(request ?? {});
      if (!parsed.success) return fail('invalid_request', `Invalid request: ${summarizeIssues(parsed.error)}`);
      try {
        const handler = handlers[name] as (req: unknown) => Promise<CommandResult<CommandResponse<K>>>;
        return await handler(parsed.data);
      } catch (err) {
        // A service may refuse with a plain-language message and a contract code (e.g. ReceiptError).
        const refusal = asRefusal(err);
        if (refusal) return fail(refusal.code, refusal.message);
        logger.error('command.failed', { command: name, message: String(err) });
        noteError(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
        return fail('internal', `Something went wrong (${name}). The details are in the log.`);
      }
    },

    subscribe(listener: (e: PosEvent) => void) {
      return events.subscribe(listener);
    },
  };
  return core;
}

function asRefusal(err: unknown): { code: CommandErrorCode; message: string } | undefined {
  if (!(err instanceof Error) || !('code' in err)) return undefined;
  const code = CommandErrorCode.safeParse((err as { code: unknown }).code);
  return code.success && code.data !== 'internal' ? { code: code.data, message: err.message } : undefined;
}
