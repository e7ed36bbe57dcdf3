import type { Protocol } from 'electron';
import { ELECTRON_CSP, securityHeaders } from '../csp';
import { readStatic } from '../static-files';

/**
 * The renderer is served from `app://checkstand/`, never `file://`: a custom standard scheme gives
 * the page a real origin the IPC wrapper can check, keeps it away from the rest of the disk, and
 * lets every response carry our CSP. Only GET inside the renderer directory is answered.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'checkstand';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app.whenReady()`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and a real origin; secure: treated like https. Nothing else (no CSP bypass, no CORS).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The `protocol.handle` handler, exported alone so tests can hit it with plain Requests. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const headers = securityHeaders(ELECTRON_CSP);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const found = await readStatic(rendererDir, rawPathname(request.url));
    if (!found) return new Response('Not found', { status: 404, headers });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': found.type },
    });
  };
}

/**
 * The path exactly as requested, before WHATWG normalisation: the guard must see "%2e%2e" and
 * "..%2f" itself rather than trust the URL parser's idea of the path.
 */
function rawPathname(href: string): string {
  const afterHost = href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const end = afterHost.search(/[?#]/);
  return (end === -1 ? afterHost : afterHost.slice(0, end)) || '/';
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
