import type { PrintJobView } from '../../../shared/ipc';
import { systemClock, type Clock, type Logger, type PaymentDetails, type ReceiptService, type Settings } from '../ports';
import { sendToNetworkPrinter } from './network-printer';
import type { PdfPort, RawPrinterSender, SystemPrinterPort } from './render-ports';
import { PrintError, ReceiptError, receiptError } from './print-error';
import { createPrintQueue, type PrintQueueOptions } from './print-queue';
import { tillLocale, tillTranslator } from '../i18n/till-locale';
import { buildPaymentReceipt, slipKindFor, type Receipt } from './receipt-model';
import { buildTestPage } from './receipt-test-page';
import { layout, layoutDocument, printDocumentRun, printRun, receiptDocument, type PrintableDocument } from './receipt-output';

/**
 * Receipts for the core: builds the slip for a payment, lays it out once, and hands it to the
 * configured printer through the print queue. `print` and `printTestPage` return as soon as the
 * job is queued (checkout never waits for paper); progress and failures arrive through `onJob`.
 */

export interface ReceiptServiceDeps {
  /** The payment as the core knows it, rebuilt from the journal after a restart. */
  findPayment(transactionId: string): PaymentDetails | undefined;
  settings(): Settings;
  /**
   * The till's locale in effect (the host's `ServiceContext.locale`), read at each receipt: a saved
   * setting changes the next one, and a reprint is in the language of the till now. Default: the
   * locale setting, else English.
   */
  locale?: () => string;
  output: { system?: SystemPrinterPort; pdf?: PdfPort; network?: RawPrinterSender };
  /** Where printer kind "pdf" files go (e.g. `<dataDir>/receipts`). Without it that kind is refused. */
  pdfDir?: string;
  clock?: Clock;
  logger?: Logger;
  queue?: Pick<PrintQueueOptions, 'maxAttempts' | 'retryDelaysMs' | 'maxPending' | 'keepFinished'>;
}

/** The ReceiptService plus what the browser host's receipt route needs. */
export interface CheckstandReceipts extends ReceiptService {
  /** The slip as self-contained HTML (what the system printer and PDFs show). */
  html(transactionId: string): string;
  /** Resolves when no job is queued or printing. */
  idle(): Promise<void>;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function createReceiptService(deps: ReceiptServiceDeps): CheckstandReceipts {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const queue = createPrintQueue({ clock, logger, ...deps.queue });
  const words = tillTranslator(deps.locale ?? tillLocale(deps.settings, undefined));
  const sendRaw: RawPrinterSender = deps.output.network ?? ((target, bytes) => sendToNetworkPrinter(target, bytes));

  function paymentSlip(transactionId: string, copy: boolean): Receipt {
    const details = deps.findPayment(transactionId);
    if (!details) throw receiptError('not_found', 'receipts.error.not_known');
    const slip = slipKindFor(details, copy);
    if ('refused' in slip) throw receiptError('not_allowed', slip.refused);
    const receipt = buildPaymentReceipt(details, deps.settings(), slip.kind, copy, clock.now(), words());
    if (receipt.unprintable) {
      // OQ-23: keep a trace of what the terminal sent, without flooding the log with a blob.
      logger.warn('receipt.data_unprintable', {
        transactionId,
        reason: receipt.unprintable.reason,
        length: receipt.unprintable.length,
        preview: details.response?.receiptData?.slice(0, 120),
      });
    }
    return receipt;
  }

  /** Checks the printer settings now (so the cashier hears at once), then queues the output. */
  function submit(receipt: Receipt, transactionId: string | undefined): { jobId: string } {
    return enqueue(receipt.kind, printRun(receipt, target()), transactionId);
  }

  function target() {
    return { settings: deps.settings(), output: deps.output, sendRaw, now: clock.now(), ...(deps.pdfDir ? { pdfDir: deps.pdfDir } : {}) };
  }

  function enqueue(kind: Receipt['kind'], run: () => Promise<void>, transactionId: string | undefined): { jobId: string } {
    const job = queue.enqueue({ kind, ...(transactionId ? { transactionId } : {}), run });
    return { jobId: job.id };
  }

  return {
    async print(transactionId, copy) {
      // One original per payment: once an original is printing or printed, another press of
      // "Print" gives a COPY (two originals for one payment invite a double refund).
      const originalExists = queue.jobs().some((j) => j.transactionId === transactionId && j.kind === 'receipt' && j.state !== 'failed');
      return submit(paymentSlip(transactionId, copy || originalExists), transactionId);
    },
    async printTestPage() {
      return submit(buildTestPage(deps.settings(), clock.now(), words()), undefined);
    },
    async pdf(transactionId) {
      return documentToPdf(receiptDocument(paymentSlip(transactionId, false), clock.now()), deps, logger, { transactionId });
    },
    async printDocument(doc) {
      return enqueue(doc.kind, printDocumentRun(doc, target()), undefined);
    },
    documentPdf(doc) {
      return documentToPdf(doc, deps, logger, { document: doc.title });
    },
    async listPrinters() {
      if (!deps.output.system) return [];
      try {
        return await deps.output.system.list();
      } catch (err) {
        logger.warn('receipt.list_printers_failed', { error: String(err) });
        throw receiptError('printer_error', 'receipts.error.list_printers_failed');
      }
    },
    html(transactionId) {
      return layout(paymentSlip(transactionId, false), deps.settings().printer.paperWidthMm).html;
    },
    jobs(): PrintJobView[] {
      return queue.jobs();
    },
    onJob(listener) {
      return queue.onJob(listener);
    },
    idle() {
      return queue.idle();
    },
  };
}

/** Lays the document out for the paper and has the host's engine make the PDF. */
async function documentToPdf(doc: PrintableDocument, deps: ReceiptServiceDeps, logger: Logger, what: Record<string, unknown>) {
  const pdf = deps.output.pdf;
  if (!pdf) throw receiptError('printer_error', 'receipts.error.pdf_unavailable');
  const paperWidthMm = deps.settings().printer.paperWidthMm;
  const { html, pageHeightMm } = layoutDocument(doc, paperWidthMm);
  let bytes: Uint8Array;
  try {
    bytes = await pdf.htmlToPdf(html, { paperWidthMm, pageHeightMm });
  } catch (err) {
    logger.error('receipt.pdf_failed', { ...what, error: String(err) });
    if (err instanceof PrintError) throw new ReceiptError('printer_error', err.message, err.msg);
    throw receiptError('printer_error', 'receipts.error.pdf_failed');
  }
  return { filename: doc.filename, base64: Buffer.from(bytes).toString('base64') };
}
