import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import { english } from '../i18n/english';

/**
 * Endpoint rules (§3.1, money-safety rule 8): the key travels in a header, so the socket must be
 * encrypted (`wss://`) unless it never leaves the machine (loopback: demo mode, tests).
 */
export type EndpointCheck = { ok: true; url: URL } | { ok: false; error: string; msg: Msg };

/** A broken rule: its English (logs, the settings pause) and its code (the screens). */
function broken(key: string, values?: MsgValues): EndpointCheck {
  const m = msg(key, values);
  return { ok: false, error: english(m), msg: m };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function checkEndpoint(endpoint: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return broken('core.endpoint.not_url', { endpoint });
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    return broken('core.endpoint.bad_scheme', { scheme: `${url.protocol}//` });
  }
  if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname)) {
    return broken('core.endpoint.plain_ws');
  }
  if (url.username || url.password || url.search.includes('x-api-key')) {
    return broken('core.endpoint.credentials');
  }
  return { ok: true, url };
}

/** `wss://host/v1` → `https://host`; `ws://127.0.0.1:9/v1` → `http://127.0.0.1:9` (§3.1: same host serves HTTP). */
export function httpBaseFromEndpoint(url: URL): string {
  const scheme = url.protocol === 'wss:' ? 'https:' : 'http:';
  return `${scheme}//${url.host}`;
}

/** For logs and the UI: the endpoint without query or credentials. */
export function displayEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return endpoint.replace(/[?#].*$/, '');
  }
}
