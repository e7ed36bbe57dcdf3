/**
 * Receipt rendering ports (the core's own seams to the outside world are in ../ports.ts).
 * The two outputs that need a browser engine to lay out HTML. The Electron host implements both
 * with a hidden window (`electron/host/electron/printing.ts`); the browser host implements the
 * PDF one with headless Chromium (`electron/host/web/receipt-pdf.ts`). The network printer
 * needs no engine: the core speaks ESC/POS over TCP itself (`network-printer.ts`).
 */

export type PaperWidthMm = 58 | 80;

export interface SystemPrinterInfo {
  name: string;
  isDefault: boolean;
}

export interface SystemPrinterPort {
  list(): Promise<SystemPrinterInfo[]>;
  /** Prints silently; `deviceName` '' means the system's default printer. Rejects with a PrintError. */
  printHtml(html: string, options: { deviceName: string; paperWidthMm: PaperWidthMm; pageHeightMm: number }): Promise<void>;
}

export interface PdfPort {
  htmlToPdf(html: string, options: { paperWidthMm: PaperWidthMm; pageHeightMm: number }): Promise<Uint8Array>;
}

/** Sends raw printer bytes; the default is the TCP sender in `network-printer.ts`. */
export type RawPrinterSender = (target: { host: string; port: number }, bytes: Uint8Array) => Promise<void>;
