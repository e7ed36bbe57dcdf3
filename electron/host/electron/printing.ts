import type { BrowserWindow as ElectronBrowserWindow, PrinterInfo } from 'electron';
import type { PdfPort, SystemPrinterPort, SystemPrinterInfo } from '../../core/receipts/render-ports';
import { printError, type PrintError } from '../../core/receipts/print-error';

/**
 * System printing and PDFs through Chromium inside Electron. Each job gets its own hidden,
 * sandboxed window with JavaScript off that loads the receipt's self-contained HTML from a data:
 * URL (no file path, so nothing differs between development and the packaged asar), waits for the
 * load to finish (printing earlier is the classic blank-page bug), prints, and is destroyed.
 */

export interface ElectronPrintingDeps {
  BrowserWindow: typeof ElectronBrowserWindow;
}

export interface ElectronPrintingOptions {
  /** A print callback that never comes (driver hung) must not hold the queue forever. */
  printTimeoutMs?: number;
}

const MICRONS_PER_MM = 1000;
const MM_PER_INCH = 25.4;

export function createElectronPrinting(electron: ElectronPrintingDeps, options: ElectronPrintingOptions = {}): SystemPrinterPort & PdfPort {
  const printTimeoutMs = options.printTimeoutMs ?? 60_000;

  async function withReceiptWindow<T>(html: string | undefined, use: (win: ElectronBrowserWindow) => Promise<T>): Promise<T> {
    const win = new electron.BrowserWindow({
      show: false,
      width: 400,
      height: 800,
      webPreferences: {
        sandbox: true,
        javascript: false,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    try {
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      if (html !== undefined) {
        // loadURL resolves on did-finish-load and rejects on did-fail-load.
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      }
      return await use(win);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  }

  return {
    async list(): Promise<SystemPrinterInfo[]> {
      return withReceiptWindow(undefined, async (win) => {
        const printers = await win.webContents.getPrintersAsync();
        return printers.map((p) => ({ name: p.name, isDefault: isDefaultPrinter(p) }));
      });
    },

    async printHtml(html, { deviceName, paperWidthMm, pageHeightMm }) {
      await withReceiptWindow(
        html,
        (win) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(printError('receipts.error.system_not_confirmed', { seconds: Math.round(printTimeoutMs / 1000) }, false)),
              printTimeoutMs,
            );
            win.webContents.print(
              {
                silent: true,
                printBackground: true,
                ...(deviceName ? { deviceName } : {}),
                margins: { marginType: 'none' },
                pageSize: { width: paperWidthMm * MICRONS_PER_MM, height: Math.round(pageHeightMm * MICRONS_PER_MM) },
              },
              (success, failureReason) => {
                clearTimeout(timer);
                if (success) resolve();
                else reject(printFailure(failureReason, deviceName));
              },
            );
          }),
      );
    },

    async htmlToPdf(html, { paperWidthMm, pageHeightMm }) {
      return withReceiptWindow(html, async (win) => {
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          pageSize: { width: inches(paperWidthMm), height: inches(pageHeightMm) },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
        return new Uint8Array(pdf);
      });
    },
  };
}

function inches(mm: number): number {
  return mm / MM_PER_INCH;
}

// PrinterInfo lost `isDefault` from its typings; some platforms still report it, CUPS reports it
// as an option. Either is accepted.
function isDefaultPrinter(p: PrinterInfo): boolean {
  const loose = p as PrinterInfo & { isDefault?: boolean; options?: Record<string, string> };
  return loose.isDefault === true || loose.options?.['is-default'] === 'true' || loose.options?.['printer-is-default'] === 'true';
}

/** Electron's failure reasons ("Invalid deviceName provided", "Print job canceled", …) in plain words. */
export function printFailure(reason: string, deviceName: string): PrintError {
  const printer = { named: deviceName ? 'yes' : 'no', name: deviceName };
  const r = reason.toLowerCase();
  if (r.includes('devicename')) return printError('receipts.error.system_not_installed', printer, false);
  if (r.includes('cancel')) return printError('receipts.error.system_cancelled', printer, true);
  if (r.includes('settings')) return printError('receipts.error.system_paper_size', printer, false);
  return printError('receipts.error.system_failed', { ...printer, detail: reason || 'no reason given' }, true);
}
