import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiptService } from '../../core/receipts/receipt-service';
import { approvedPayment, testSettings } from '../../core/testing/receipt-fixtures';
import { createChromiumPdf } from './receipt-pdf';

/**
 * Japanese and Arabic receipts through the real PDF path (Debian's Chromium, the machine's
 * IPAGothic and DejaVu Sans), read back with poppler's pdftotext: the words and the formatted
 * amounts must be there as text, not as missing-glyph boxes.
 */

const run = promisify(execFile);
const yen = approvedPayment({
  view: { transactionId: 'ja-1', amountMinor: 2450, currency: 'JPY' },
  response: { amount: '2450', currency: 'JPY', receiptData: undefined },
});
const dinar = approvedPayment({
  view: { transactionId: 'ar-1', amountMinor: 24500, currency: 'KWD' },
  response: { amount: '24.500', currency: 'KWD', receiptData: undefined },
});
const pdf = createChromiumPdf();

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'checkstand-pdf-locale-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function pdfText(locale: string, payment: typeof yen): Promise<string> {
  const receipts = createReceiptService({
    findPayment: (id) => (id === payment.view.transactionId ? payment : undefined),
    settings: () => testSettings({ kind: 'pdf', paperWidthMm: 80 }),
    locale: () => locale,
    output: { pdf },
  });
  const { base64 } = await receipts.pdf(payment.view.transactionId);
  const file = path.join(tmp, `${locale}.pdf`);
  await writeFile(file, Buffer.from(base64, 'base64'));
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  // pdftotext wraps right-to-left runs in embedding marks; the words are what matter here.
  return stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

describe('receipt PDFs in Japanese and Arabic (Chromium + poppler)', () => {
  it('ja-JP: 領収書, お預かり-style labels and the yen amount', async () => {
    const text = await pdfText('ja-JP', yen);
    expect(text).toContain('領収書');
    // pdftotext spaces the full-width yen sign from its digits.
    expect(text).toMatch(/金額\s+￥\s*2,450/);
    expect(text).toContain('承認番号');
    expect(text).toContain('ありがとうございました');
  });

  it('ar-KW: Arabic labels and the dinar amount in Arabic-Indic digits', async () => {
    const text = await pdfText('ar-KW', dinar);
    expect(text).toContain('إيصال');
    expect(text).toContain('المبلغ');
    expect(text).toContain('٢٤٫٥٠٠');
    expect(text).toContain('د.ك.');
  });
});
