import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { SocketFactory, SocketOptions } from '../ports';

/**
 * A socket whose every event the test decides, for unit tests of GatewayConnection: the link's
 * rules (states, retries, auth refusals, which socket a frame came from) with a FakeClock and no
 * network, so every timing is exact. The real link is tested against the simulator in
 * connection.int.test.ts; this stands in for the wire only, never for the code under test.
 */
export class ScriptedSocket extends EventEmitter {
  readyState: number = WebSocket.CONNECTING;
  readonly sent: string[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  terminated = false;
  /** Make the next send() throw, as ws does on a socket that is closing underneath. */
  failSends = false;

  constructor(
    readonly url: string,
    readonly options: SocketOptions,
  ) {
    super();
  }

  send(text: string): void {
    if (this.failSends) throw new Error('socket is closing');
    this.sent.push(text);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = WebSocket.CLOSING;
  }

  terminate(): void {
    this.terminated = true;
    this.serverClose(1006, '');
  }

  // ── what the far end does ──────────────────────────────────────────────────────────────
  open(): void {
    this.readyState = WebSocket.OPEN;
    this.emit('open');
  }

  receive(frame: unknown, isBinary = false): void {
    this.emit('message', Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame)), isBinary);
  }

  fail(message: string): void {
    this.emit('error', new Error(message));
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = WebSocket.CLOSED;
    this.emit('close', code, Buffer.from(reason));
  }

  /** The actions sent so far, pings included. */
  actions(): string[] {
    return this.sent.map((t) => (JSON.parse(t) as { action: string }).action);
  }
}

/** A factory that records every socket it makes; `throwNext` makes the next creation fail. */
export function scriptedFactory(): { factory: SocketFactory; sockets: ScriptedSocket[]; last(): ScriptedSocket; throwNext(message: string): void } {
  const sockets: ScriptedSocket[] = [];
  let failure: string | undefined;
  return {
    sockets,
    factory: (url, options) => {
      if (failure) {
        const message = failure;
        failure = undefined;
        throw new Error(message);
      }
      const socket = new ScriptedSocket(url, options);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    last: () => sockets.at(-1)!,
    throwNext: (message) => {
      failure = message;
    },
  };
}
