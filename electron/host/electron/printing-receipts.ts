import { join } from 'node:path';
import { createReceiptService, type CheckstandReceipts } from '../../core/receipts/receipt-service';
import type { ServiceContext } from '../compose';
import { createElectronPrinting, type ElectronPrintingDeps } from './printing';

/**
 * The Electron host's receipts: system printers (silent webContents.print), network ESC/POS
 * printers, and PDFs through printToPDF; printer kind "pdf" saves to `<dataDir>/receipts/`.
 * Pass to `compose({ receipts: (ctx) => createElectronReceipts(ctx, { BrowserWindow }) })`.
 */
export function createElectronReceipts(ctx: ServiceContext, electron: ElectronPrintingDeps): CheckstandReceipts {
  const printing = createElectronPrinting(electron);
  return createReceiptService({
    findPayment: (id) => ctx.core().paymentDetails(id),
    settings: () => ctx.settings.current(),
    // The till's language at each receipt (the setting, else the OS's).
    locale: ctx.locale,
    output: { system: printing, pdf: printing },
    pdfDir: join(ctx.dataDir, 'receipts'),
    logger: ctx.logger,
  });
}
