import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptLine } from './receipt-text';

/**
 * ESC/POS bytes for a network receipt printer, through a maintained encoder library rather than
 * hand-written escape codes. The encoder picks a code page per character ("auto": Epson's table,
 * the de-facto standard) and prints "?" for what no code page has.
 */

/** Lines fed before the cut so the last printed line clears the cutter blade. */
const FEED_BEFORE_CUT = 4;

export function encodeEscPos(lines: ReceiptLine[], options: { columns: number }): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: options.columns,
    codepageMapping: 'epson',
    newline: '\n',
    feedBeforeCut: FEED_BEFORE_CUT,
  });
  encoder.initialize().codepage('auto');
  for (const line of lines) {
    if (line.style === 'plain') {
      encoder.line(line.text);
    } else if (line.style === 'bold') {
      encoder.bold(true).text(line.text).bold(false).newline();
    } else {
      encoder.invert(true).bold(true).text(line.text).bold(false).invert(false).newline();
    }
  }
  return encoder.cut('partial').encode();
}
