import { ReconnectUrgency } from './connection/reconnect-urgency';
import path from 'node:path';
import type { CommandName, CommandRequest, CommandResponse, CommandResult, PosEvent, Snapshot } from '../../shared/ipc';
import { commandHandlers, DISABLED_UPDATE } from './commands/command-handlers';
import { CommandRouter } from './commands/command-router';
import { checkEndpoint, httpBaseFromEndpoint } from './connection/endpoint';
import { GatewayConnection } from './connection/gateway-connection';
import { GatewayLink } from './connection/gateway-link';
import { connectionTuning, resolveTuning, type CoreTuning } from './core-tuning';
import { CatalogService } from './catalog/catalog-service';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { EventStream } from './events/event-stream';
import { LedgerEvents } from './events/ledger-events';
import { DeliveryWatch } from './inbound/delivery-watch';
import { ErrorAttributor } from './inbound/error-attribution';
import { ErrorFrames } from './inbound/error-frames';
import { InboundRouter } from './inbound/inbound-router';
import { dayKey, Journal } from './journal/journal';
import { JournalGuard } from './journal/journal-guard';
import { PaymentPauses } from './payment-pauses';
import { PaymentLedger } from './payments/ledger';
import { OrderBook } from './payments/order-book';
import { PaymentCommands } from './payments/payment-commands';
import { toPaymentView } from './payments/view';
import { systemClock, type Clock, type CoreDeps, type PaymentDetails, type PosCore, type Settings } from './ports';
import { PrintPolicy } from './receipts/print-policy';
import { createLookupClient, type LookupFn } from './recovery/lookup-client';
import { Recovery } from './recovery/recovery';
import { TerminalRegistry } from './terminals/terminal-registry';
import { TerminalViews } from './terminals/terminal-views';
import { wireShifts } from './shifts/shift-wiring';
import { CashSales, type CashSalesDeps } from './cash/cash-sales';
import { tillLocale } from './i18n/till-locale';
import { TillTerminal } from './till/till-terminal';
import { PeopleService } from './people/people-service';

/**
 * The core (DESIGN.md "One core, two hosts"), composed as the README's data flow reads:
 * gateway connection → inbound router → terminal registry / payment ledger (journal first) →
 * ledger events → event stream → host; and back: host → command router → payment commands →
 * ledger → connection. Each service has one job and gets what it needs in its constructor.
 */
export function createPosCore(deps: CoreDeps): PosCore {
  return withLifecycle(deps, wireServices(deps));
}

type Services = ReturnType<typeof wireServices>;

function wireServices(deps: CoreDeps) {
  const clock = deps.clock ?? systemClock;
  const tuning = resolveTuning(deps.tuning);
  const { logger, settings } = deps;

  // Storage and state.
  const journal = new Journal(path.join(deps.dataDir, 'journal'), clock, deps.journalFs);
  const journalGuard = new JournalGuard(journal, clock, logger, tuning);
  const ledger = new PaymentLedger(journalGuard, clock, logger, tuning.paymentDeadlineMs);
  const orders = new OrderBook(ledger, clock, () => deps.registerCode ?? deps.settings.current().registerCode);
  const registry = new TerminalRegistry(tuning.terminalGraceMs);
  const events = new EventStream(logger);

  // The gateway side.
  const connection = new GatewayConnection(clock, connectionTuning(tuning), logger, deps.socketFactory);
  const pauses = new PaymentPauses(settings, journalGuard);
  const diagnostics = new DiagnosticsService({ clock, logger, appInfo: deps.appInfo, settings, connection, journalGuard, pauses, ...optional(deps) });
  const noteError = (message: string) => diagnostics.noteError(message);
  const { recovery, recover } = recoveryOf(deps, ledger, clock, tuning);
  const terminals = new TerminalViews({ registry, ledger, connection, events, clock, graceRecheckMarginMs: tuning.graceRecheckMarginMs });
  const attributor = new ErrorAttributor(tuning.errorWindowMs);
  const delivery = new DeliveryWatch(clock, attributor, ledger, tuning.errorWindowMs);
  const frameDeps = { clock, logger, attributor, delivery, ledger, terminals, recover: (t: 'start' | 'reconnect' | 'ambiguous') => void recover(t), noteError };
  const errorFrames = new ErrorFrames(frameDeps);
  const inbound = new InboundRouter({ ...frameDeps, events, errorFrames });
  const link = new GatewayLink(connection, terminals, logger, () => pauses.gatewayProblems());

  // What follows from the ledger, and the commands.
  const people = peopleOfCore(deps, clock, tuning, ledger);
  const printPolicy = new PrintPolicy(deps.receipts, settings, logger, noteError);
  const ledgerEvents = new LedgerEvents({ events, orders, terminals, attributor, delivery, printPolicy });
  const demo = () => deps.appInfo.demo.enabled;
  const payments = new PaymentCommands({
    clock,
    logger,
    ledger,
    orders,
    registry,
    terminals,
    connection,
    attributor,
    delivery,
    recovery,
    pauses,
    noteError,
    demo,
    people,
  });
  const till = tillServices(deps, { clock, logger, ledger, orders, printPolicy, noteError, terminals, people });
  const history = (day: string) => journal.readDay(day).map(toPaymentView);
  const urgency = new ReconnectUrgency(connection, () => ledger.hasOpen());
  const setCheckoutOpen = (open: boolean) => urgency.setCheckoutOpen(open);
  const shifts = wireShifts(deps, { clock, journal, ledger, terminals, people });
  const catalog = new CatalogService({ clock, logger, settings: () => settings.current(), demo });
  const snapshot = (): Snapshot => snapshotOf(deps, { events, connection, terminals, ledger, orders, pauses, tillTerminal: till.tillTerminal, people });
  const handlerDeps = { clock, snapshot, payments, connection, link, diagnostics, printPolicy, settings, history, setCheckoutOpen, shifts, people, catalog };
  const router = new CommandRouter(commandHandlers({ ...handlerDeps, ...till, ...optional(deps) }), logger, noteError);
  return {
    clock,
    logger,
    settings,
    journal,
    journalGuard,
    ledger,
    orders,
    events,
    connection,
    pauses,
    diagnostics,
    recovery,
    recover,
    terminals,
    delivery,
    inbound,
    link,
    ledgerEvents,
    router,
    urgency,
    tillTerminal: till.tillTerminal,
    people,
    catalog,
  };
}

/** Lookups of unknown outcomes (DESIGN.md recovery): on start, on reconnect, and when a frame was ambiguous. */
function recoveryOf(deps: CoreDeps, ledger: PaymentLedger, clock: Clock, tuning: CoreTuning) {
  const lookup = lookupFactory(deps, clock, tuning.lookupTimeoutMs);
  const recovery = new Recovery(ledger, clock, deps.logger, () => lookup(deps.settings.current()), tuning);
  const recover = (trigger: 'start' | 'reconnect' | 'ambiguous') =>
    recovery.run(trigger).catch((err: unknown) => deps.logger.error('recovery.failed', { message: String(err) }));
  return { recovery, recover };
}

/** Cash tender and this till's terminal (till: cash is cash, a sale in five keys). */
function tillServices(deps: CoreDeps, s: Omit<CashSalesDeps, 'terminalLabel' | 'demo'> & { terminals: TerminalViews }) {
  // The till's locale in effect (the setting, else the OS's): cash refusals' amounts, CSV headers.
  const locale = tillLocale(() => deps.settings.current(), deps.osLocale);
  return {
    locale,
    cash: new CashSales({ ...s, terminalLabel: (id) => s.terminals.label(id), demo: () => deps.appInfo.demo.enabled, locale }),
    tillTerminal: new TillTerminal(deps.dataDir, deps.settings, s.logger),
  };
}

/** Start (journal replay, subscriptions, settings, recovery), stop, and what the hosts ask. */
function withLifecycle(deps: CoreDeps, s: Services): PosCore {
  const { journal, ledger, events, connection, router } = s;
  const unsubscribers: (() => void)[] = [];
  let started = false;

  return {
    async start() {
      if (started) return;
      await s.people.load();
      unsubscribers.push(...replayAndSubscribe(deps, s));
      unsubscribers.push(s.people.onChange((view) => s.events.emit({ type: 'people', people: view })));
      s.link.apply(s.settings.current());
      started = true;
      await s.recover('start');
    },

    async stop() {
      connection.stop();
      s.catalog.stop();
      for (const u of unsubscribers.splice(0)) u();
      s.delivery.settleAll();
      s.terminals.dispose();
      s.recovery.dispose();
      ledger.dispose();
      s.journalGuard.dispose();
      journal.close();
      s.link.reset();
      await s.tillTerminal.flushed();
      started = false;
    },

    checkNow: () => connection.checkNow(),
    hasPaymentInFlight: () => ledger.hasOpen(),
    hasOpenAlerts: () => ledger.alerts().length > 0,

    paymentDetails(transactionId): PaymentDetails | undefined {
      const record = ledger.get(transactionId) ?? journal.readDay(dayKey(s.clock.now())).find((p) => p.transactionId === transactionId);
      if (!record) return undefined;
      const alert = ledger.alertFor(transactionId);
      return {
        view: toPaymentView(record),
        ...(record.response ? { response: record.response } : {}),
        ...(alert ? { voidAlert: alert } : {}),
        order: s.orders.view(record.orderRef),
      };
    },

    invoke: <K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResult<CommandResponse<K>>> => router.invoke(name, request),
    subscribe: (listener: (e: PosEvent) => void) => events.subscribe(listener),
  };
}

/** The journal replayed into the ledger, then every subscription the running core needs (returned to undo at stop). */
function replayAndSubscribe(deps: CoreDeps, s: Services): (() => void)[] {
  const { journal, ledger, events, settings, pauses } = s;
  const emitPaused = () => events.emit({ type: 'paused', paused: pauses.current() });
  const replay = journal.replay();
  s.diagnostics.noteBadLines(replay.badLines);
  s.logger.info('journal.replayed', { records: replay.records, files: replay.files.length, payments: replay.payments.size });
  const unsubscribers = [
    ledger.onChange((change) => {
      s.ledgerEvents.onChange(change);
      s.urgency.update();
    }),
    s.journalGuard.onHealth(emitPaused),
  ];
  ledger.restore(replay);
  s.ledgerEvents.restored(ledger.list());
  unsubscribers.push(s.connection.on((e) => s.inbound.onConnectionEvent(e)));
  unsubscribers.push(
    settings.onChange((next: Settings) => {
      events.emit({ type: 'settings', settings: settings.view() });
      emitPaused();
      s.link.apply(next);
    }),
  );
  if (deps.receipts) unsubscribers.push(deps.receipts.onJob((job) => events.emit({ type: 'printJob', job })));
  if (deps.updates) unsubscribers.push(deps.updates.onChange((update) => events.emit({ type: 'update', update })));
  return unsubscribers;
}

/** What a renderer sees on start or after a gap in sequence numbers. */
function snapshotOf(
  deps: CoreDeps,
  p: Pick<Services, 'events' | 'connection' | 'terminals' | 'ledger' | 'orders' | 'pauses' | 'tillTerminal' | 'people'>,
): Snapshot {
  return {
    seq: p.events.current(),
    app: { ...deps.appInfo, locale: tillLocale(() => deps.settings.current(), deps.osLocale)() },
    connection: p.connection.view(),
    terminals: p.terminals.all(),
    payments: p.ledger.list().map(toPaymentView),
    alerts: p.ledger.alerts(),
    orders: p.orders.all(),
    nextOrderRef: p.orders.nextOrderRef(),
    settings: deps.settings.view(),
    update: deps.updates?.view() ?? DISABLED_UPDATE,
    printJobs: deps.receipts?.jobs() ?? [],
    paused: p.pauses.current(),
    tillTerminalId: p.tillTerminal.current(),
    people: p.people.view(),
  };
}

/** Who is at the till (roles off unless compose passes what store IT provisioned); the idle lock waits for payments and void alerts. */
function peopleOfCore(deps: CoreDeps, clock: Clock, tuning: CoreTuning, ledger: PaymentLedger): PeopleService {
  return new PeopleService({
    dataDir: deps.dataDir,
    clock,
    logger: deps.logger,
    tuning,
    provisioning: deps.people ?? { envRoles: 'off' },
    demo: () => deps.appInfo.demo.enabled,
    idleLockMinutes: () => deps.settings.current().idleLockMinutes ?? 0,
    busy: () => ledger.hasOpen() || ledger.alerts().length > 0,
  });
}

/** The optional deps the services take as they are (absent stays absent: exactOptionalPropertyTypes). */
function optional(deps: CoreDeps): { updates?: CoreDeps['updates']; crashDumpDir?: string } {
  return { ...(deps.updates ? { updates: deps.updates } : {}), ...(deps.crashDumpDir ? { crashDumpDir: deps.crashDumpDir } : {}) };
}

/** The signed transaction lookup, when the settings carry the API secret (else recovery asks the cashier). */
function lookupFactory(deps: CoreDeps, clock: Clock, timeoutMs: number): (s: Settings) => LookupFn | undefined {
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  return (s) => {
    if (!s.apiSecret || !s.apiKey || !s.endpoint) return undefined;
    const check = checkEndpoint(s.endpoint);
    if (!check.ok) return undefined;
    return createLookupClient({
      fetch: fetchFn,
      baseUrl: httpBaseFromEndpoint(check.url),
      apiKey: s.apiKey,
      apiSecret: s.apiSecret,
      now: () => clock.now(),
      timeoutMs,
    });
  };
}
