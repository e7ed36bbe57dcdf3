import { createServer, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, type CommandHandler } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { answerBridgeMessage, sendMessage } from './bridge-messages';
import { hostAllowed, HOST, sameSecret, serveStatic, type HttpRoute, type Site } from './site';

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

export type { HttpRoute } from './site';

export interface BridgeServer {
  url: string;
  token: string;
  port: number;
  origin: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { handler, logger } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  let origin = '';
  const site = (): Site => ({ port, origin, token, rendererDir: options.rendererDir, routes: options.routes ?? [] });

  const server = createServer((req, res) => {
    void serveStatic(req, res, site()).catch((error: Error) => {
      logger.error('browser_host.http_failed', { message: error.message });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

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

  function onBridge(ws: WebSocket): void {
    clients.add(ws);
    logger.info('browser_host.bridge_connected', { clients: clients.size });
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => logger.warn('browser_host.bridge_error', { message: error.message }));
    ws.on('message', (data, isBinary) => {
      void answerBridgeMessage(ws, isBinary ? undefined : data.toString(), handler, logger);
    });
  }

  const unsubscribe = handler.subscribe((event) => {
    for (const ws of clients) sendMessage(ws, { type: 'event', event });
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
