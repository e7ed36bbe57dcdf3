import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Gateway } from './gateway';

/** Frames above this are refused by `ws` itself (close 1009); smaller oversize ones get an error frame. */
const HARD_PAYLOAD_SLACK = 1024 * 1024;

export type HttpRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

/**
 * One port for everything: the WebSocket endpoint `/v1` (auth at the upgrade, OQ-1: HTTP 401),
 * the HTTP API under `/v1/...` and the control API and page under `/__sim`.
 */
export class SimServer {
  readonly http: Server;
  private readonly wss: WebSocketServer;
  constructor(
    private readonly gateway: Gateway,
    private readonly routes: HttpRoute[],
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: gateway.config.maxPayloadBytes + HARD_PAYLOAD_SLACK,
      perMessageDeflate: false,
    });
    this.http = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => void this.onRequest(req, res));
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    this.http.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.http.once('error', onError);
      this.http.listen(port, host, () => {
        this.http.off('error', onError);
        const address = this.http.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/v1' && url.pathname !== '/v1/') return reject(socket, 404, { message: 'Not Found' });
      if (this.gateway.down) return reject(socket, 503, { message: 'Service restarting' });
      const header = req.headers['x-api-key'];
      const apiKey = (Array.isArray(header) ? header[0] : header) || url.searchParams.get('x-api-key') || undefined;
      const entry = this.gateway.registry.get(apiKey);
      if (!apiKey || !entry) {
        this.gateway.log.record('event', '-', 'http', { event: 'upgrade-refused', status: 401, apiKey: apiKey ?? '' });
        return reject(socket, 401, { message: 'Unauthorized' });
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        try {
          this.gateway.attach(ws, apiKey, entry, req);
        } catch (err) {
          this.gateway.log.record('event', '-', 'http', { event: 'attach-error', message: String(err) });
          ws.terminate();
        }
      });
    } catch {
      reject(socket, 400, { message: 'Bad Request' });
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const route of this.routes) {
        if (await route(req, res, url)) return;
      }
      sendJson(res, 404, { code: 'NOT_FOUND', message: 'Not Found' });
    } catch (err) {
      this.gateway.log.record('event', '-', 'http', { event: 'http-error', message: String(err) });
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL_ERROR', message: 'Internal error' });
      else res.destroy();
    }
  }
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' };

function reject(socket: Duplex, status: number, body: object): void {
  const text = JSON.stringify(body);
  if (socket.writable) {
    // Same as ws's own abortHandshake: flush the response, then drop the socket.
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  } else {
    socket.destroy();
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; returns undefined when it is larger. */
export function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
      done = true;
    });
    req.on('error', () => {
      if (!done) resolve(undefined);
      done = true;
    });
  });
}
