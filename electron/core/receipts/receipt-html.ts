import type { PaperWidthMm } from './render-ports';
import type { ReceiptLine } from './receipt-text';

/**
 * The receipt as one self-contained HTML page for the system printer and for PDFs: inline CSS,
 * no script, no fonts, images or links to fetch. A page that needs nothing from outside prints the
 * same in development and when packaged, and cannot come out blank because a resource was late.
 * It shows the very lines `receipt-text.ts` laid out, in a monospace <pre>.
 */

// 48 columns on 80 mm and 32 on 58 mm are both 1.5 mm per character, the pitch of a thermal
// printer's standard font: a monospace glyph is ~0.6 em wide, so the font is 2.5 mm.
const FONT_MM = 2.5;
const LINE_MM = 3.2;
const PAD_MM: Record<PaperWidthMm, { x: number; y: number }> = { 58: { x: 5, y: 4 }, 80: { x: 4, y: 4 } };

/** Page height that fits every line on one continuous page (thermal rolls have no page length). */
export function receiptPageHeightMm(lineCount: number, paperWidthMm: PaperWidthMm): number {
  return Math.ceil(lineCount * LINE_MM + 2 * PAD_MM[paperWidthMm].y + 6);
}

export function renderReceiptHtml(lines: ReceiptLine[], options: { paperWidthMm: PaperWidthMm; title: string }): string {
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
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(options.title)}</title>
<style>
@page { size: ${paperWidthMm}mm ${height}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${paperWidthMm}mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
pre { margin: 0; padding: ${pad.y}mm ${pad.x}mm; font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, "Courier New", monospace;
  font-size: ${FONT_MM}mm; line-height: ${LINE_MM}mm; white-space: pre; overflow: hidden; }
b { font-weight: bold; }
.mark { background: #000; color: #fff; }
</style></head>
<body><pre>${body}</pre></body></html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
