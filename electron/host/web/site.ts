import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { browserHostCsp, securityHeaders } from '../csp';
import { readStatic } from '../static-files';

export const HOST = '127.0.0.1';

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/** What the HTTP side needs to know about this launch. */
export interface Site {
  port: number;
  origin: string;
  token: string;
  rendererDir: string;
  routes: HttpRoute[];
}

/** The built renderer, and the token-guarded extra routes (receipts), over GET/HEAD. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, site: Site): Promise<void> {
  if (!hostAllowed(req.headers.host, site.port)) {
    res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host.\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const requestUrl = new URL(req.url ?? '/', site.origin);
  if (site.routes.length && sameSecret(requestUrl.searchParams.get('token') ?? '', site.token)) {
    for (const route of site.routes) if (route(req, res)) return;
  }
  const path = requestUrl.pathname;
  const headers = securityHeaders(browserHostCsp(site.port));
  const found = await readStatic(site.rendererDir, path);
  if (!found) {
    const missingBuild = path === '/' || path === '/index.html';
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(missingBuild ? 'The renderer is not built. Run "npm run build" first.\n' : 'Not found.\n');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': found.type,
    'Content-Length': found.body.length,
    // Hashed assets may be cached; the page itself always re-validates after an update.
    'Cache-Control': found.file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}

/** Only the address we print: one origin, so the Origin check has one right answer. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}`;
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
