import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveLocale } from '../../../shared/i18n/locale';
import type { Settings } from '../ports';
import { encodeEscPos } from './escpos';
import { printError, receiptError, scriptNotPrintable } from './print-error';
import { receiptPageHeightMm, renderReceiptHtml } from './receipt-html';
import type { Receipt } from './receipt-model';
import { columnsFor, renderReceiptLines, type ReceiptLine } from './receipt-text';
import type { PaperWidthMm, PdfPort, RawPrinterSender, SystemPrinterPort } from './render-ports';

/**
 * Anything the receipt printer prints besides a payment slip (shift reports): its own fixed-width
 * lines per paper width, then the same outputs as a receipt (ESC/POS, HTML, PDF).
 */
export interface PrintableDocument {
  kind: Receipt['kind'];
  title: string;
  /** The PDF's file name. */
  filename: string;
  /** The language it is printed in (the HTML page's lang and dir; Latin-only printers refuse non-Latin scripts). */
  locale?: string;
  dir?: 'ltr' | 'rtl';
  lines(columns: number): ReceiptLine[];
}

/** A receipt laid out once: text lines (ESC/POS), HTML (system printer, PDF) and its page height. */
export function layout(receipt: Receipt, paperWidthMm: PaperWidthMm) {
  return layoutDocument(receiptDocument(receipt, 0), paperWidthMm);
}

export function layoutDocument(doc: PrintableDocument, paperWidthMm: PaperWidthMm) {
  const lines = doc.lines(columnsFor(paperWidthMm));
  const html = renderReceiptHtml(lines, { paperWidthMm, title: doc.title, ...(doc.locale ? { lang: doc.locale } : {}), ...(doc.dir ? { dir: doc.dir } : {}) });
  return { lines, html, pageHeightMm: receiptPageHeightMm(lines.length, paperWidthMm) };
}

export function receiptDocument(receipt: Receipt, now: number): PrintableDocument {
  return {
    kind: receipt.kind,
    title: `${receipt.title} ${receipt.fields.find((f) => f.role === 'transaction')?.value ?? ''}`.trim(),
    filename: pdfFilename(receipt, now),
    locale: receipt.locale,
    dir: receipt.dir,
    lines: (columns) => renderReceiptLines(receipt, columns),
  };
}

export interface PrintTarget {
  settings: Settings;
  output: { system?: SystemPrinterPort; pdf?: PdfPort };
  sendRaw: RawPrinterSender;
  pdfDir?: string;
  now: number;
}

/**
 * The print job for the configured printer, or a ReceiptError the cashier reads at once when the
 * printer settings cannot work (no printer, no address, a kind this host cannot do).
 */
export function printRun(receipt: Receipt, target: PrintTarget): () => Promise<void> {
  return printDocumentRun(receiptDocument(receipt, target.now), target);
}

export function printDocumentRun(doc: PrintableDocument, target: PrintTarget): () => Promise<void> {
  const printer = target.settings.printer;
  const paperWidthMm = printer.paperWidthMm;
  switch (printer.kind) {
    case 'none':
      throw receiptError('printer_error', 'receipts.error.no_printer');
    case 'network': {
      if (!printer.host.trim()) throw receiptError('printer_error', 'receipts.error.no_printer_address');
      const address = { host: printer.host.trim(), port: printer.port || 9100 };
      // Japanese and Arabic cannot be printed as text by the usual ESC/POS printer (no code page
      // has kana/kanji; Arabic would come out unjoined and left to right): the job fails with a
      // clear message, and the receipt stays reprintable from History on another printer.
      if (needsNonLatinScript(doc.locale)) return () => Promise.reject(scriptNotPrintable());
      const bytes = encodeEscPos(layoutDocument(doc, paperWidthMm).lines, { columns: columnsFor(paperWidthMm) });
      return () => target.sendRaw(address, bytes);
    }
    case 'system': {
      const system = target.output.system;
      if (!system) throw receiptError('printer_error', 'receipts.error.no_system_printers');
      const { html, pageHeightMm } = layoutDocument(doc, paperWidthMm);
      return () => system.printHtml(html, { deviceName: printer.systemName, paperWidthMm, pageHeightMm });
    }
    case 'pdf':
      return pdfRun(doc, target, paperWidthMm);
  }
}

function pdfRun(doc: PrintableDocument, target: PrintTarget, paperWidthMm: PaperWidthMm): () => Promise<void> {
  const { pdf } = target.output;
  const dir = target.pdfDir;
  if (!pdf || !dir) throw receiptError('printer_error', 'receipts.error.pdf_saving_unavailable');
  const { html, pageHeightMm } = layoutDocument(doc, paperWidthMm);
  const file = path.join(dir, doc.filename);
  return async () => {
    const bytes = await pdf.htmlToPdf(html, { paperWidthMm, pageHeightMm });
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(file, bytes);
    } catch (err) {
      throw printError('receipts.error.pdf_not_saved', { dir }, true, err);
    }
  };
}

/** Receipts in Japanese or Arabic words (the catalogue languages not written in Latin letters). */
function needsNonLatinScript(locale: string | undefined): boolean {
  const language = locale ? resolveLocale(locale).language : 'en';
  return language === 'ja' || language === 'ar';
}

/** "receipt-ORD-12345-0190f3c2.pdf": readable in a folder, unique per transaction, safe on every OS. */
export function pdfFilename(receipt: Receipt, now: number): string {
  const order = receipt.fields.find((f) => f.role === 'order')?.value ?? 'test';
  const tx = receipt.fields.find((f) => f.role === 'transaction')?.value ?? String(now);
  const safe = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 48) || 'x';
  const prefix = receipt.kind === 'void_slip' ? 'void' : receipt.kind === 'decline_slip' ? 'declined' : receipt.kind === 'test_page' ? 'test-page' : 'receipt';
  const copy = receipt.copy ? '-copy' : '';
  return `${prefix}-${safe(order)}-${safe(tx)}${copy}.pdf`;
}
