import WebSocket from 'ws';
import { parseServerFrame, type ParsedServerFrame, type ServerActionFrame, type ErrorFrame } from '../../shared/protocol';

/**
 * A minimal POS for tests: a real WebSocket client that parses every inbound frame with the
 * shared schemas (so a frame the app could not parse fails the test) and lets a test wait for
 * the next frame matching a predicate.
 */
export class TestPos {
  readonly frames: ParsedServerFrame[] = [];
  closeCode: number | undefined;
  closeReason = '';
  private cursor = 0;
  private waiters: (() => void)[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(parseServerFrame(data.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        for (const w of this.waiters.splice(0)) w();
        resolve();
      });
    });
    ws.on('error', () => {});
  }

  static async connect(
    url: string,
    apiKey: string | undefined,
    options: { via?: 'header' | 'query'; headers?: Record<string, string> } = {},
  ): Promise<TestPos> {
    const target = options.via === 'query' && apiKey ? `${url}?x-api-key=${encodeURIComponent(apiKey)}` : url;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (apiKey && options.via !== 'query') headers['x-api-key'] = apiKey;
    const ws = new WebSocket(target, { headers });
    const pos = new TestPos(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return pos;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the next frame (after those already consumed) that matches; fails after `ms`. */
  async next<T extends ParsedServerFrame>(match: (f: ParsedServerFrame) => f is T, ms?: number): Promise<T>;
  async next(match: (f: ParsedServerFrame) => boolean, ms?: number): Promise<ParsedServerFrame>;
  async next(match: (f: ParsedServerFrame) => boolean, ms = 5_000): Promise<ParsedServerFrame> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (this.cursor < this.frames.length) {
        const f = this.frames[this.cursor]!;
        this.cursor += 1;
        if (match(f)) return f;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closeCode !== undefined) throw new Error(`no matching frame (received: ${this.describe()})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async action<A extends ServerActionFrame['action']>(action: A, ms?: number): Promise<Extract<ServerActionFrame, { action: A }>> {
    const f = await this.next((x) => x.kind === 'frame' && x.frame.action === action, ms);
    return (f as unknown as { frame: Extract<ServerActionFrame, { action: A }> }).frame;
  }

  async error(ms?: number): Promise<ErrorFrame> {
    const f = await this.next((x) => x.kind === 'error', ms);
    return (f as { frame: ErrorFrame }).frame;
  }

  /** Frames of one action received so far (consumed or not). */
  all<A extends ServerActionFrame['action']>(action: A): Extract<ServerActionFrame, { action: A }>[] {
    return this.frames.flatMap((f) => (f.kind === 'frame' && f.frame.action === action ? [f.frame as Extract<ServerActionFrame, { action: A }>] : []));
  }

  invalidFrames(): ParsedServerFrame[] {
    return this.frames.filter((f) => f.kind === 'invalid');
  }

  /** Sends a ping and waits for its pong: everything the server sent before it has arrived. */
  async sync(): Promise<void> {
    this.send({ action: 'ping' });
    await this.action('pong');
  }

  describe(): string {
    return this.frames
      .map((f) => (f.kind === 'frame' ? f.frame.action : f.kind === 'error' ? `error:${JSON.stringify(f.frame)}` : `invalid:${f.reason}`))
      .join(', ');
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.terminate();
    await this.closed;
  }
}

export function paymentFrame(terminalId: string, transactionId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'payment',
    terminalId,
    paymentRequest: { transactionId, amount: '99.99', currency: 'PHP', paymentMethod: 'CARD', metadata: { orderId: `ORD-${transactionId}` }, ...extra },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a condition (a guard for async state, not a timing assertion). */
export async function until(check: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
