/**
 * `npm run screenshots` (last step): the README's "printed receipt", docs/screenshots/receipt-80mm.png.
 * The same path as a cashier's PDF receipt: the receipt service's HTML, Debian's Chromium for the
 * PDF, poppler's pdftoppm at 150 dpi for the picture. The receipt-pdf test checks the same output
 * in a temp directory; only this script writes into docs/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReceiptService } from '../electron/core/receipts/receipt-service';
import { approvedPayment, testSettings } from '../electron/core/testing/receipt-fixtures';
import { createChromiumPdf } from '../electron/host/web/receipt-pdf';

const target = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots', 'receipt-80mm.png');
const payment = approvedPayment();
const receipts = createReceiptService({
  findPayment: (id) => (id === payment.view.transactionId ? payment : undefined),
  settings: () => testSettings({ kind: 'pdf', paperWidthMm: 80 }),
  output: { pdf: createChromiumPdf() },
});
const tmp = mkdtempSync(path.join(os.tmpdir(), 'checkstand-receipt-shot-'));
try {
  const pdf = await receipts.pdf(payment.view.transactionId);
  const file = path.join(tmp, 'receipt.pdf');
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(tmp, 'receipt')]);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(tmp, 'receipt.png'), target);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
