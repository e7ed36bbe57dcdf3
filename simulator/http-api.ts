import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGNATURE_WINDOW_MS, signRequest, signaturesEqual, type HttpErrorCode, type TerminalsListResponse } from '../shared/protocol';
import type { KeyEntry } from './api';
import type { Gateway } from './gateway';
import { readBody, sendJson, type HttpRoute } from './server';
import { gatewayNowIso } from './util';

const STATUS: Record<HttpErrorCode, number> = {
  UNAUTHORIZED: 401,
  INVALID_SIGNATURE: 401,
  TIMESTAMP_EXPIRED: 401,
  GROUP_MISMATCH: 403,
  TERMINAL_NOT_FOUND: 404,
  TRANSACTION_NOT_FOUND: 404,
  TERMINAL_OFFLINE: 503,
  PAYMENT_IN_PROGRESS: 409,
  TIMEOUT: 504,
  INTERNAL_ERROR: 500,
};

/** §10.3: the body shape is undocumented (OQ-31); the simulator answers `{code, message}`. */
function fail(res: ServerResponse, code: HttpErrorCode, message: string): void {
  sendJson(res, STATUS[code], { code, message });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * §11.1 request signing, verified for real: key, 5-minute timestamp window, then
 * Base64(HMAC-SHA256(secret, METHOD\nPATH\nTIMESTAMP\nhex(sha256(body)))). PATH excludes the query.
 */
async function authenticate(gateway: Gateway, req: IncomingMessage, res: ServerResponse, url: URL): Promise<{ apiKey: string; entry: KeyEntry } | undefined> {
  const apiKey = header(req, 'x-api-key');
  const entry = gateway.registry.get(apiKey);
  if (!apiKey || !entry || !entry.apiSecret) {
    fail(res, 'UNAUTHORIZED', 'API key missing or invalid');
    return undefined;
  }
  const timestamp = header(req, 'x-timestamp');
  const signature = header(req, 'x-signature');
  const body = await readBody(req);
  if (body === undefined) {
    fail(res, 'INVALID_SIGNATURE', 'Request body too large');
    return undefined;
  }
  const at = timestamp ? Date.parse(timestamp) : Number.NaN;
  if (!timestamp || Number.isNaN(at) || Math.abs(Date.now() - at) > SIGNATURE_WINDOW_MS) {
    fail(res, 'TIMESTAMP_EXPIRED', 'x-timestamp missing or outside the 5-minute window');
    return undefined;
  }
  const expected = await signRequest(entry.apiSecret, req.method ?? 'GET', url.pathname, timestamp, body);
  if (!signature || !signaturesEqual(signature, expected)) {
    fail(res, 'INVALID_SIGNATURE', 'Signature does not match');
    return undefined;
  }
  return { apiKey, entry };
}

/** `GET /v1/transactions/{id}` (§11.2) and `GET /v1/terminals` (§11.3). */
export function gatewayHttpRoute(gateway: Gateway): HttpRoute {
  return async (req, res, url) => {
    const path = url.pathname;
    if (!path.startsWith('/v1/')) return false;
    const isTransactions = path.startsWith('/v1/transactions/');
    const isTerminals = path === '/v1/terminals';
    if (!isTransactions && !isTerminals) return false;
    gateway.log.record('in', '-', 'http', { method: req.method, path });
    if (gateway.down) {
      sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'Service restarting' });
      return true;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Only GET is simulated' });
      return true;
    }
    const auth = await authenticate(gateway, req, res, url);
    if (!auth) return true;
    if (auth.entry.role !== 'desktop') {
      fail(res, 'GROUP_MISMATCH', 'Only desktop devices can list terminals');
      return true;
    }
    if (isTerminals) {
      const items = gateway.presence.listForGroup(auth.entry.groupId).map((t) => ({
        ...t,
        terminalId: t.deviceId ?? t.connectionId,
      }));
      const body: TerminalsListResponse = { terminals: items, count: items.length, timestamp: gatewayNowIso(gateway.config) };
      sendJson(res, 200, body);
      return true;
    }
    let id: string;
    try {
      id = decodeURIComponent(path.slice('/v1/transactions/'.length));
    } catch {
      id = '';
    }
    const found = id ? gateway.transactions.lookup(id) : undefined;
    const mine = found && found.groupId === auth.entry.groupId ? found : undefined;
    if (gateway.lookupFaults.answer(res, id, mine?.body)) return true;
    if (!mine) {
      fail(res, 'TRANSACTION_NOT_FOUND', 'Transaction not found');
      return true;
    }
    sendJson(res, 200, mine.body);
    return true;
  };
}
