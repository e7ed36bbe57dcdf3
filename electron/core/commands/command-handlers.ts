import type { PaymentView, Snapshot, UpdateView } from '../../../shared/ipc';
import { translatorFor } from '../i18n/core-translator';
import type { CatalogService } from '../catalog/catalog-service';
import type { GatewayConnection } from '../connection/gateway-connection';
import type { GatewayLink } from '../connection/gateway-link';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { paymentsToCsv } from '../history/csv';
import { dayKey } from '../journal/journal';
import type { PaymentCommands } from '../payments/payment-commands';
import type { Clock, SettingsService, UpdateService } from '../ports';
import type { PrintPolicy } from '../receipts/print-policy';
import { guardedSettingsSave, peopleHandlers } from '../people/people-commands';
import type { PeopleService } from '../people/people-service';
import { fail, ok } from './command-result';
import type { CommandHandlers } from './command-router';
import type { shiftCommandHandlers } from '../shifts/shift-commands';
import { terminalMethodRefusal, type CashSales } from '../cash/cash-sales';
import type { TillTerminal } from '../till/till-terminal';

export const DISABLED_UPDATE: UpdateView = { phase: 'disabled', blockedBy: [] };

export interface CommandHandlersDeps {
  clock: Clock;
  snapshot: () => Snapshot;
  payments: PaymentCommands;
  connection: GatewayConnection;
  link: GatewayLink;
  diagnostics: DiagnosticsService;
  printPolicy: PrintPolicy;
  settings: SettingsService;
  updates?: UpdateService;
  /** A day's payments from the journal (today's by default). */
  history: (day: string) => PaymentView[];
  /** The renderer says whether the cashier is on the checkout (reconnect retries stay short then). */
  setCheckoutOpen: (open: boolean) => void;
  /** Shifts, X and Z reports (electron/core/shifts/). */
  shifts: ReturnType<typeof shiftCommandHandlers>;
  // Cash tender and this till's terminal (till3).
  cash: CashSales;
  tillTerminal: TillTerminal;
  people: PeopleService;
  /** basket: the store's catalogue. */
  catalog: CatalogService;
  /** The till's locale now (issue 16): the CSV export's header row is in its language. */
  locale?: () => string;
}

/** Each command of shared/ipc/commands.ts, answered by the service whose job it is. */
export function commandHandlers(d: CommandHandlersDeps): CommandHandlers {
  return {
    getSnapshot: async () => ok(d.snapshot()),
    startPayment: async (req) => {
      const refused = terminalMethodRefusal(req, d.settings.current());
      if (refused) return refused;
      const started = await d.payments.start(req);
      if (started.ok) d.tillTerminal.noteUsed(req.terminalId);
      return started;
    },
    recordCashSale: async (req) => d.cash.record(req),
    resolvePayment: (req) => d.payments.resolve(req),
    checkPaymentNow: (req) => d.payments.checkNow(req),
    acknowledgeAlert: (req) => d.payments.acknowledgeAlert(req),
    stopWaiting: (req) => d.payments.stopWaiting(req),
    setCheckoutOpen: async (req) => {
      d.setCheckoutOpen(req.open);
      return ok({ done: true as const });
    },
    reconnectNow: async () => {
      if (!d.link.isConfigured()) return fail('not_allowed', 'No gateway is configured. Enter the gateway address and API key in Settings.');
      d.connection.reconnectNow();
      return ok({ done: true as const });
    },
    refreshTerminals: async () => {
      if (!d.connection.send({ action: 'getTerminals' })) return fail('offline', 'Not connected to the payment gateway.');
      return ok({ done: true as const });
    },
    exportCsv: async (req) => {
      const day = req.day ?? dayKey(d.clock.now());
      return ok({ filename: `checkstand-payments-${day}.csv`, csv: paymentsToCsv(d.history(day), translatorFor(d.locale?.())) });
    },
    getDiagnostics: async () => ok({ ...d.diagnostics.report(), catalog: d.catalog.status() }),
    saveSettings: guardedSettingsSave(d.people, d.settings),
    printReceipt: (req) => {
      d.people.audit('audit.receipt_printed', { transactionId: req.transactionId, copy: req.copy });
      return d.printPolicy.print(req.transactionId, req.copy);
    },
    printTestPage: () => d.printPolicy.printTestPage(),
    receiptPdf: (req) => d.printPolicy.pdf(req.transactionId),
    listPrinters: () => d.printPolicy.listPrinters(),
    installUpdate: async () => ok(d.updates ? await d.updates.installNow() : DISABLED_UPDATE),
    ...d.shifts,
    ...peopleHandlers(d.people),
    // basket
    catalogLookup: async (req) => ok(withItem(d.catalog.lookup(req.barcode))),
    catalogSearch: async (req) => ok({ items: d.catalog.search(req.query, req.limit) }),
    catalogStatus: async () => ok(d.catalog.status()),
  };
}

/** exactOptionalPropertyTypes: an unknown barcode answers `{}`, not `{ item: undefined }`. */
function withItem<T>(item: T | undefined): { item?: T } {
  return item ? { item } : {};
}
