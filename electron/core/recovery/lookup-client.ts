import { HttpErrorBody, signRequest, TransactionLookupResponse } from '../../../shared/protocol';

/**
 * `GET /v1/transactions/{id}` signed with the API secret (§11.1, §11.2). Never throws: every
 * failure comes back as a value the recovery can audit.
 */
export type LookupResult =
  | { kind: 'found'; body: TransactionLookupResponse }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string };

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

export function createLookupClient(options: LookupClientOptions): LookupFn {
  return async (transactionId) => {
    const path = `/v1/transactions/${encodeURIComponent(transactionId)}`;
    const timestamp = new Date(options.now()).toISOString();
    try {
      const signature = await signRequest(options.apiSecret, 'GET', path, timestamp);
      const res = await options.fetch(`${options.baseUrl}${path}`, {
        method: 'GET',
        headers: { 'x-api-key': options.apiKey, 'x-timestamp': timestamp, 'x-signature': signature, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 8_000),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (res.ok) {
        const parsed = TransactionLookupResponse.safeParse(json);
        return parsed.success ? { kind: 'found', body: parsed.data } : { kind: 'error', message: 'The gateway answered the lookup with an unexpected body.' };
      }
      const err = HttpErrorBody.safeParse(json);
      const code = err.success ? err.data.code : undefined;
      if (res.status === 404 && (code === undefined || code === 'TRANSACTION_NOT_FOUND')) return { kind: 'notFound' };
      if (code === 'TIMESTAMP_EXPIRED') return { kind: 'error', message: 'The gateway rejected the lookup because this computer\'s clock is wrong. Check the system clock.' };
      if (code === 'INVALID_SIGNATURE' || code === 'UNAUTHORIZED') return { kind: 'error', message: `The gateway refused the lookup (${code}). Check the API key and secret in Settings.` };
      return { kind: 'error', message: `Lookup failed: HTTP ${res.status}${code ? ` ${code}` : ''}` };
    } catch (err) {
      return { kind: 'error', message: `Lookup failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
}
