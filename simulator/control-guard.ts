import type { IncomingMessage } from 'node:http';

/**
 * The control API scripts payments and drops connections, so like the browser host's bridge it
 * answers only requests that name this server (Host: DNS rebinding), come from its own control
 * page or from a tool that sends no Origin, and — for anything that changes state — say JSON.
 * A cross-site page can reach 127.0.0.1, but its form POSTs are text/plain or form-encoded and
 * carry its own Origin; a JSON POST from it would need a CORS preflight we never answer.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export interface ControlRefusal {
  status: number;
  error: string;
}

export function controlRequestRefusal(req: IncomingMessage): ControlRefusal | undefined {
  const port = req.socket.localPort;
  const ownHosts = new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
  if (!ownHosts.has(req.headers.host ?? '')) {
    return { status: 421, error: 'The control API answers requests addressed to 127.0.0.1 or localhost only' };
  }
  const origin = req.headers.origin;
  const ownOrigins = new Set([...ownHosts].map((host) => `http://${host}`));
  if (origin !== undefined && !ownOrigins.has(origin)) {
    return { status: 403, error: 'The control API answers its own control page only (foreign Origin)' };
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && !isJson(req.headers['content-type'])) {
    return { status: 415, error: 'Send the control API a JSON body with Content-Type: application/json' };
  }
  return undefined;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}
