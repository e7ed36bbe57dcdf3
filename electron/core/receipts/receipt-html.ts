import type { PaperWidthMm } from './render-ports';
import type { ReceiptLine } from './receipt-text';

/**
 * The receipt as one self-contained HTML page for the system printer and for PDFs: inline CSS,
 * no script, no fonts, images or links to fetch. A page that needs nothing from outside prints the
 * same in development and when packaged, and cannot come out blank because a resource was late.
 * It shows the very lines `receipt-text.ts` laid out, in a monospace <pre>, in the receipt's
 * language (`lang`) and direction (`dir`: Arabic reads right to left, so the page does too; the
 * CSS is logical — padding-inline, text-align: start — so nothing is mirrored by hand). Each
 * line takes its direction from its own first letter (unicode-bidi: plaintext), so "12 Market
 * Street" stays in order on an Arabic receipt and an Arabic line reads right to left on a Latin one.
 */

/**
 * Monospace Latin first (the column layout), then fonts with Japanese and Arabic glyphs: IPAGothic
 * (monospaced kana/kanji) and DejaVu Sans on Linux; MS Gothic, Meiryo, Yu Gothic, Segoe UI and
 * Tahoma on Windows tills; Hiragino and Geeza Pro on macOS. Installed fonts only: nothing is fetched.
 */
export const RECEIPT_FONT_STACK = [
  '"DejaVu Sans Mono"',
  '"Liberation Mono"',
  'Menlo',
  'Consolas',
  '"Courier New"',
  '"IPAGothic"',
  '"MS Gothic"',
  '"Meiryo"',
  '"Yu Gothic"',
  '"Hiragino Sans"',
  '"Segoe UI"',
  'Tahoma',
  '"Geeza Pro"',
  '"DejaVu Sans"',
  'monospace',
].join(', ');

// 48 columns on 80 mm and 32 on 58 mm are both 1.5 mm per character, the pitch of a thermal
// printer's standard font: a monospace glyph is ~0.6 em wide, so the font is 2.5 mm.
const FONT_MM = 2.5;
const LINE_MM = 3.2;
const PAD_MM: Record<PaperWidthMm, { x: number; y: number }> = { 58: { x: 5, y: 4 }, 80: { x: 4, y: 4 } };

/** Page height that fits every line on one continuous page (thermal rolls have no page length). */
export function receiptPageHeightMm(lineCount: number, paperWidthMm: PaperWidthMm): number {
  return Math.ceil(lineCount * LINE_MM + 2 * PAD_MM[paperWidthMm].y + 6);
}

export interface ReceiptHtmlOptions {
  paperWidthMm: PaperWidthMm;
  title: string;
  /** BCP 47 tag of the receipt's language; English when absent. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export function renderReceiptHtml(lines: ReceiptLine[], options: ReceiptHtmlOptions): string {
  const { paperWidthMm } = options;
  const pad = PAD_MM[paperWidthMm];
  const height = receiptPageHeightMm(lines.length, paperWidthMm);
  const body = lines
    .map((l) => {
      const text = escapeHtml(l.text);
      if (l.style === 'bold') return `<b>${text}</b>`;
      if (l.style === 'mark') return `<b class="mark">${text}</b>`;
      return text;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}" dir="${options.dir ?? 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(options.title)}</title>
<style>
@page { size: ${paperWidthMm}mm ${height}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${paperWidthMm}mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
pre { margin: 0; padding-block: ${pad.y}mm; padding-inline: ${pad.x}mm; font-family: ${RECEIPT_FONT_STACK};
  font-size: ${FONT_MM}mm; line-height: ${LINE_MM}mm; white-space: pre; overflow: hidden; text-align: start;
  unicode-bidi: plaintext; }
b { font-weight: bold; }
.mark { background: #000; color: #fff; }
</style></head>
<body><pre>${body}</pre></body></html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
