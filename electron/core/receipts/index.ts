/** Receipts: what the hosts and the core import. */
export { createReceiptService, type CheckstandReceipts, type ReceiptServiceDeps } from './receipt-service';
export { PrintError, ReceiptError } from './print-error';
export { sendToNetworkPrinter, type NetworkPrinterOptions } from './network-printer';
export type { PaperWidthMm, PdfPort, RawPrinterSender, SystemPrinterInfo, SystemPrinterPort } from './ports';
