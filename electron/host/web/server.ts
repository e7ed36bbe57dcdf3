import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, BridgeRequest, type BridgeMessage, type CommandHandler } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { browserHostCsp, securityHeaders } from '../csp';
import { invokeValidated } from '../invoke';
import { readStatic } from '../static-files';

/**
 * The browser host's front door: the built renderer over HTTP on 127.0.0.1 and the same command
 * contract over a WebSocket at BRIDGE_PATH. A socket is accepted only with this launch's token
 * AND an Origin equal to our own (another site open in the same browser cannot connect, even
 * though it can reach 127.0.0.1) and a Host header naming us (DNS rebinding).
 */
export interface BridgeServerOptions {
  handler: CommandHandler;
  rendererDir: string;
  logger: Logger;
  /** 0 (default) = a free port. */
  port?: number;
  /** Tests may fix it; otherwise 32 random bytes per launch. */
  token?: string;
  /**
   * Extra HTTP routes (e.g. receipts' `handleReceiptRequest`). Each returns true when it answered.
   * They run only for requests carrying this launch's `?token=`: what they serve (receipts name
   * amounts and authorization codes) is not for other local pages.
   */
  routes?: HttpRoute[];
}

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface BridgeServer {
  url: string;
  token: string;
  port: number;
  origin: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { handler, logger } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  let origin = '';

  const server = createServer((req, res) => {
    void serveStatic(req, res).catch((error: Error) => {
      logger.error('browser_host.http_failed', { message: error.message });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Wrong host.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const requestUrl = new URL(req.url ?? '/', origin);
    if (options.routes?.length && sameSecret(requestUrl.searchParams.get('token') ?? '', token)) {
      for (const route of options.routes) if (route(req, res)) return;
    }
    const path = requestUrl.pathname;
    const headers = securityHeaders(browserHostCsp(port));
    const found = await readStatic(options.rendererDir, path);
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const clients = new Set<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(req);
    if (refusal) {
      logger.warn('browser_host.bridge_refused', { reason: refusal.reason, origin: req.headers.origin ?? '' });
      socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onBridge(ws));
  });

  function refuseUpgrade(req: IncomingMessage): { status: string; reason: string } | undefined {
    if (!hostAllowed(req.headers.host, port)) return { status: '421 Misdirected Request', reason: 'host' };
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== BRIDGE_PATH) return { status: '404 Not Found', reason: 'path' };
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return { status: '401 Unauthorized', reason: 'token' };
    if (req.headers.origin !== origin) return { status: '403 Forbidden', reason: 'origin' };
    return undefined;
  }

  function send(ws: WebSocket, message: BridgeMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  function onBridge(ws: WebSocket): void {
    clients.add(ws);
    logger.info('browser_host.bridge_connected', { clients: clients.size });
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => logger.warn('browser_host.bridge_error', { message: error.message }));
    ws.on('message', (data, isBinary) => {
      void onMessage(ws, isBinary ? undefined : data.toString());
    });
  }

  async function onMessage(ws: WebSocket, text: string | undefined): Promise<void> {
    let json: unknown;
    try {
      json = text === undefined ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = BridgeRequest.safeParse(json);
    if (!parsed.success) {
      // Without a usable id there is nobody to answer; log and carry on (rule 4: never throw).
      const id = (json as { id?: unknown } | undefined)?.id;
      logger.warn('browser_host.bad_message', { issues: parsed.error.issues.length });
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        send(ws, { type: 'result', id, result: { ok: false, error: { code: 'invalid_request', message: 'The message was not a valid bridge request.' } } });
      }
      return;
    }
    const { id, name, request } = parsed.data;
    const result = await invokeValidated(handler, name, request, logger, 'browser');
    send(ws, { type: 'result', id, result });
  }

  const unsubscribe = handler.subscribe((event) => {
    for (const ws of clients) send(ws, { type: 'event', event });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://${HOST}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    origin,
    close: () =>
      (closing ??= new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const ws of clients) {
          ws.close(1001, 'Checkstand is shutting down');
          // A page that never answers the close frame must not hold the port open.
          setTimeout(() => ws.terminate(), 500).unref();
        }
        wss.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      })),
  };
}

/** Only the address we print: one origin, so the Origin check below has one right answer. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
