import type { IncomingMessage, ServerResponse } from 'node:http';
import { ReceiptError } from '../../core/receipts/print-error';
import type { CheckstandReceipts } from '../../core/receipts/receipt-service';

/**
 * `GET /receipts/<transactionId>.html` and `.pdf` for the browser host: the receipt exactly as the
 * printer gets it, and the PDF Chromium makes from it, for archive or e-mail. Returns false for any
 * other path so the host's server carries on. The host mounts it behind its own host/token checks:
 * receipts name amounts and authorization codes.
 */

export const RECEIPT_ROUTE_PREFIX = '/receipts/';
const ROUTE = /^\/receipts\/([^/]{1,600})\.(html|pdf)$/;

export function handleReceiptRequest(req: IncomingMessage, res: ServerResponse, receipts: Pick<CheckstandReceipts, 'html' | 'pdf'>): boolean {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (!pathname.startsWith(RECEIPT_ROUTE_PREFIX)) return false;

  const base = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  const text = (status: number, message: string, extra: Record<string, string> = {}) => {
    if (res.headersSent) return void res.end();
    res.writeHead(status, { ...base, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(req.method === 'HEAD' ? undefined : `${message}\n`);
  };

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    text(405, 'Only GET is allowed here.', { Allow: 'GET, HEAD' });
    return true;
  }
  const match = ROUTE.exec(pathname);
  let transactionId: string | undefined;
  try {
    transactionId = match ? decodeURIComponent(match[1]!) : undefined;
  } catch {
    transactionId = undefined;
  }
  if (!match || !transactionId || transactionId.length > 200) {
    text(404, 'Use /receipts/<transactionId>.html or /receipts/<transactionId>.pdf');
    return true;
  }

  const failed = (err: unknown) => {
    if (err instanceof ReceiptError) text(err.code === 'not_found' ? 404 : err.code === 'not_allowed' ? 409 : 503, err.message);
    else text(500, 'The receipt could not be made. The details are in the log.');
  };

  if (match[2] === 'html') {
    try {
      const html = receipts.html(transactionId);
      res.writeHead(200, {
        ...base,
        'Content-Type': 'text/html; charset=utf-8',
        // The receipt page needs nothing but its inline style.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      });
      res.end(req.method === 'HEAD' ? undefined : html);
    } catch (err) {
      failed(err);
    }
    return true;
  }

  receipts.pdf(transactionId).then(({ filename, base64 }) => {
    const body = Buffer.from(base64, 'base64');
    res.writeHead(200, {
      ...base,
      'Content-Type': 'application/pdf',
      'Content-Length': String(body.length),
      'Content-Disposition': `inline; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }, failed);
  return true;
}
