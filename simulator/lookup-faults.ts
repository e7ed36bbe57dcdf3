import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from './server';

/**
 * Wrong answers on `GET /v1/transactions/{id}` that a real deployment can give and our gateway
 * never would (money-truth rule 2): a proxy's HTML page, a framework's JSON 404 for a wrong base
 * path, a redirect to another origin, a 5xx, a body for another transaction, a wrong content
 * type, or no answer at all. Set with `control.lookupFault(…)` or `POST /__sim/lookup`.
 */
export const LookupAnswer = z.enum(['normal', 'html404', 'json404', 'html200', 'wrongContentType', 'redirect', 'serverError', 'wrongId', 'hang']);
export type LookupAnswer = z.infer<typeof LookupAnswer>;

export const LookupFaultBody = z.strictObject({
  answer: LookupAnswer,
  /** For `redirect`: where the 302 points (default an unused loopback port). */
  location: z.string().url().max(2000).optional(),
  /** How many lookups get the fault before answers are normal again (default: until changed). */
  times: z.number().int().min(1).max(1_000_000).optional(),
});
export type LookupFault = z.infer<typeof LookupFaultBody>;

const HTML_404 = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr><p>nginx</p></body></html>';
const HTML_200 = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>Please sign in to continue.</p></body></html>';

/** The fault state of one gateway: which answer, and how many lookups are left to spoil. */
export class LookupFaults {
  private fault: LookupFault = { answer: 'normal' };
  private left = Number.POSITIVE_INFINITY;

  set(fault: LookupFault): void {
    this.fault = fault;
    this.left = fault.times ?? Number.POSITIVE_INFINITY;
  }

  current(): LookupFault {
    return this.fault;
  }

  /**
   * Answers the lookup wrongly if a fault is set; false = answer normally. `body` is the real
   * answer the gateway would give (undefined when it has no such transaction).
   */
  answer(res: ServerResponse, transactionId: string, body: object | undefined): boolean {
    if (this.fault.answer === 'normal' || this.left <= 0) return false;
    this.left -= 1;
    const real = body ?? { transactionId, status: 'COMPLETED', timestamp: new Date().toISOString() };
    switch (this.fault.answer) {
      case 'html404':
        return sendText(res, 404, 'text/html; charset=utf-8', HTML_404);
      case 'json404':
        sendJson(res, 404, { message: `Route GET:/v1/transactions/${transactionId} not found`, error: 'Not Found', statusCode: 404 });
        return true;
      case 'html200':
        return sendText(res, 200, 'text/html; charset=utf-8', HTML_200);
      case 'wrongContentType':
        return sendText(res, 200, 'text/plain; charset=utf-8', JSON.stringify(real));
      case 'redirect':
        res.writeHead(302, { location: this.fault.location ?? 'http://127.0.0.1:9/elsewhere', 'content-length': 0 });
        res.end();
        return true;
      case 'serverError':
        sendJson(res, 500, { code: 'INTERNAL_ERROR', message: 'Internal error' });
        return true;
      case 'wrongId':
        sendJson(res, 200, {
          ...real,
          transactionId: `${transactionId.slice(0, -4)}0000` === transactionId ? `${transactionId.slice(0, -4)}ffff` : `${transactionId.slice(0, -4)}0000`,
        });
        return true;
      case 'hang':
        // No answer: the client's own timeout must decide. The server's close() ends the socket.
        return true;
    }
  }
}

function sendText(res: ServerResponse, status: number, type: string, text: string): true {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return true;
}
