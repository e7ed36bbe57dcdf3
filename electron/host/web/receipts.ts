import { join } from 'node:path';
import { createReceiptService, type CheckstandReceipts } from '../../core/receipts/receipt-service';
import type { ServiceContext } from '../compose';
import { createChromiumPdf, type ChromiumPdfOptions } from './receipt-pdf';

/**
 * The browser host's receipts: network ESC/POS printers and PDFs (Chromium). There is no system
 * printer here (that needs Electron); printer kind "pdf" saves to `<dataDir>/receipts/`.
 * Pass to `compose({ receipts: (ctx) => createBrowserReceipts(ctx) })`.
 */
export function createBrowserReceipts(ctx: ServiceContext, options: ChromiumPdfOptions = {}): CheckstandReceipts {
  return createReceiptService({
    findPayment: (id) => ctx.core().paymentDetails(id),
    settings: () => ctx.settings.current(),
    // The till's language at each receipt (the setting, else the OS's).
    locale: ctx.locale,
    output: { pdf: createChromiumPdf(options) },
    pdfDir: join(ctx.dataDir, 'receipts'),
    logger: ctx.logger,
  });
}
