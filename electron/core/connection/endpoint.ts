/**
 * Endpoint rules (§3.1, money-safety rule 8): the key travels in a header, so the socket must be
 * encrypted (`wss://`) unless it never leaves the machine (loopback: demo mode, tests).
 */
export type EndpointCheck = { ok: true; url: URL } | { ok: false; error: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function checkEndpoint(endpoint: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return { ok: false, error: `The gateway address "${endpoint}" is not a valid URL (expected wss://host/v1).` };
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    return { ok: false, error: `The gateway address must start with wss:// (got ${url.protocol}//).` };
  }
  if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      error: 'The gateway address must use wss:// (encrypted). Plain ws:// is only allowed for this computer (localhost).',
    };
  }
  if (url.username || url.password || url.search.includes('x-api-key')) {
    return { ok: false, error: 'The gateway address must not contain credentials; enter the API key in its own field.' };
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
