import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiptService } from '../../core/receipts/receipt-service';
import { approvedPayment, testSettings } from '../../core/testing/receipt-fixtures';
import { createChromiumPdf } from './receipt-pdf';
import { handleReceiptRequest } from './receipt-route';

/**
 * The real thing: the browser host's receipt route served over HTTP on 127.0.0.1, the PDF made by
 * Debian's Chromium, then read back with poppler (pdftotext, pdftoppm) the way a person would see
 * it. One Chromium launch for the whole file.
 */

const run = promisify(execFile);

const payment = approvedPayment();
const declined = approvedPayment({
  view: { transactionId: 'declined-1', state: 'declined', authorizationCode: undefined, errorMessage: 'Card declined due to insufficient funds' },
});
const running = approvedPayment({ view: { transactionId: 'running-1', state: 'awaiting_result' } });
const receipts = createReceiptService({
  findPayment: (id) => [payment, declined, running].find((p) => p.view.transactionId === id),
  settings: () => testSettings({ kind: 'pdf', paperWidthMm: 80 }),
  output: { pdf: createChromiumPdf() },
});

let server: Server;
let base: string;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'checkstand-pdf-test-'));
  server = createServer((req, res) => {
    if (!handleReceiptRequest(req, res, receipts)) res.writeHead(404).end('not mine');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(tmp, { recursive: true, force: true });
});

describe('receipt PDF in the browser host (Chromium + poppler)', () => {
  it('serves a one-page 80 mm PDF that shows the amount and the authorization code', async () => {
    const res = await fetch(`${base}/receipts/${payment.view.transactionId}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="receipt-ORD-12345-${payment.view.transactionId}.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(tmp, 'receipt.pdf');
    await writeFile(file, pdf);

    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const width = Number(/Page size:\s+([\d.]+) x/.exec(info)![1]);
    expect((width / 72) * 25.4).toBeCloseTo(80, 0);

    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    expect(text).toMatch(/Amount\s+\$99\.99/);
    expect(text).toMatch(/Auth code\s+AUTH123456/);
    expect(text).toContain('CARD               **** **** **** 4242');
    expect(text).toContain('Corner Grocer');

    await run('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(tmp, 'receipt')]);
    const png = path.join(tmp, 'receipt.png');
    // A real PNG, as wide as 80 mm paper at 150 dpi. The README's "printed receipt" is made the
    // same way by `npm run screenshots` (scripts/receipt-screenshot.ts): tests never write into
    // the source tree.
    const bytes = await readFile(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBeCloseTo((80 / 25.4) * 150, -1);
  });

  it('serves the same receipt as self-contained HTML with a strict CSP', async () => {
    const res = await fetch(`${base}/receipts/${payment.view.transactionId}.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('$99.99');
    expect(html).toContain('AUTH123456');
  });

  it('answers unknown, unfinished and malformed requests with a reason, and leaves other paths alone', async () => {
    const unknown = await fetch(`${base}/receipts/nope.pdf`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/not known on this till/);
    const busy = await fetch(`${base}/receipts/running-1.html`);
    expect(busy.status).toBe(409);
    expect(await busy.text()).toMatch(/still in progress/);
    expect((await fetch(`${base}/receipts/x.txt`)).status).toBe(404);
    expect((await fetch(`${base}/receipts/${payment.view.transactionId}.html`, { method: 'POST' })).status).toBe(405);
    const other = await fetch(`${base}/index.html`);
    expect(await other.text()).toBe('not mine');
    const decline = await fetch(`${base}/receipts/declined-1.html`);
    expect(await decline.text()).toContain('PAYMENT DECLINED');
  });

  it('says clearly when there is no Chromium to make the PDF', async () => {
    const err = await createChromiumPdf({ chromiumPath: '/nonexistent/chromium' })
      .htmlToPdf('<p>x</p>', { paperWidthMm: 80, pageHeightMm: 50 })
      .catch((e: Error) => e);
    expect((err as Error).message).toBe('Chromium was not found at /nonexistent/chromium, so the PDF cannot be made. Install Chromium or set CHROMIUM_PATH.');
  });
});
