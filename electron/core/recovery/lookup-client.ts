import { DEFAULT_CORE_TUNING } from '../core-tuning';
import { HttpErrorBody, signRequest, TransactionLookupResponse } from '../../../shared/protocol';

/**
 * `GET /v1/transactions/{id}` signed with the API secret (§11.1, §11.2). Never throws: every
 * failure comes back as a value the recovery can audit.
 *
 * Money-safety rule 9: only the gateway's own answer settles a payment. `found` needs JSON (by
 * content type and by parse), a body that validates, and the same transactionId; `notFound`
 * needs a 404 whose JSON body says the transaction is not found. Everything else (an HTML page
 * from a proxy, a framework's 404 for a wrong base path, a redirect, 5xx, a timeout, another
 * transaction's body) is an `error`: the payment stays unknown and is checked again later.
 */
export type LookupResult = { kind: 'found'; body: TransactionLookupResponse } | { kind: 'notFound' } | { kind: 'error'; message: string };

export interface LookupClientOptions {
  fetch: typeof fetch;
  /** e.g. https://store.example (no trailing slash, no /v1). */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  now: () => number;
  timeoutMs?: number;
}

export type LookupFn = (transactionId: string) => Promise<LookupResult>;

const NOT_THE_GATEWAY = "this is not the gateway's answer (check the gateway address; a proxy or wrong path may be in between)";

export function createLookupClient(options: LookupClientOptions): LookupFn {
  return async (transactionId) => {
    const path = `/v1/transactions/${encodeURIComponent(transactionId)}`;
    const timestamp = new Date(options.now()).toISOString();
    const timeoutMs = options.timeoutMs ?? DEFAULT_CORE_TUNING.lookupTimeoutMs;
    let res: Response;
    let text: string;
    try {
      const signature = await signRequest(options.apiSecret, 'GET', path, timestamp);
      res = await options.fetch(`${options.baseUrl}${path}`, {
        method: 'GET',
        headers: { 'x-api-key': options.apiKey, 'x-timestamp': timestamp, 'x-signature': signature, accept: 'application/json' },
        // A redirect would carry x-api-key and x-signature to wherever it points: never follow.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      return { kind: 'error', message: transportFailure(err, timeoutMs) };
    }
    return interpret(res, text, transactionId);
  };
}

function interpret(res: Response, text: string, transactionId: string): LookupResult {
  const fail = (why: string): LookupResult => ({ kind: 'error', message: `Lookup failed: HTTP ${res.status} — ${why}.` });
  if (res.status >= 300 && res.status < 400) return fail('the gateway answered with a redirect, which is never followed');
  const json = isJsonType(res.headers.get('content-type')) ? parseJson(text) : undefined;
  if (res.ok) {
    if (!isJsonType(res.headers.get('content-type')))
      return fail(`the answer has content type "${res.headers.get('content-type') ?? 'none'}", not JSON; ${NOT_THE_GATEWAY}`);
    if (json === undefined) return fail(`the answer is not JSON; ${NOT_THE_GATEWAY}`);
    const parsed = TransactionLookupResponse.safeParse(json.value);
    if (!parsed.success) return fail("the answer does not match the gateway's transaction format");
    if (parsed.data.transactionId !== transactionId) return fail(`the answer is for another transaction (${parsed.data.transactionId.slice(0, 64)})`);
    return { kind: 'found', body: parsed.data };
  }
  const err = json === undefined ? undefined : HttpErrorBody.safeParse(json.value);
  const body = err?.success ? err.data : undefined;
  const code = body?.code;
  if (res.status === 404)
    return saysTransactionNotFound(body) ? { kind: 'notFound' } : fail(`the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`);
  if (code === 'TIMESTAMP_EXPIRED')
    return { kind: 'error', message: "The gateway rejected the lookup because this computer's clock is wrong. Check the system clock." };
  if (code === 'INVALID_SIGNATURE' || code === 'UNAUTHORIZED')
    return { kind: 'error', message: `The gateway refused the lookup (${code}). Check the API key and secret in Settings.` };
  return fail(code ? `gateway error ${code.slice(0, 64)}` : res.status >= 500 ? 'the gateway had a problem' : 'unexpected answer');
}

/**
 * The gateway's 404 for an unknown transaction. Its body shape is undocumented (OQ-31): the
 * vendor's code TRANSACTION_NOT_FOUND, or an error text naming the transaction. A bare
 * `{"error":"Not Found"}` is what any web framework answers for a wrong path, so it is not one.
 */
function saysTransactionNotFound(body: HttpErrorBody | undefined): boolean {
  if (!body) return false;
  if (body.code !== undefined) return body.code === 'TRANSACTION_NOT_FOUND';
  const words = `${body.error ?? ''} ${body.message ?? ''}`;
  return /transaction/i.test(words) && /not found|unknown|does not exist/i.test(words) && !/route/i.test(words);
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function transportFailure(err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `Lookup failed: the gateway did not answer within ${Math.round(timeoutMs / 1000)} s (timeout).`;
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
  if (/redirect/i.test(cause)) return 'Lookup failed: the gateway answered with a redirect, which is never followed.';
  return `Lookup failed: ${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause})` : ''}`;
}
