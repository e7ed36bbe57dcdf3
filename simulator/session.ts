import WebSocket from 'ws';
import type { KeyEntry } from './api';
import type { FrameLog } from './log';
import { randomId } from './util';

/** A socket that writes faster than the peer reads is cut off here instead of growing memory. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** One live WebSocket connection of a POS (desktop) or terminal key. */
export class Session {
  readonly connectionId = randomId();
  readonly openedAt = Date.now();
  lastInboundAt = Date.now();
  /** Set when a newer connection with the same key displaced this one: its close is not a drop. */
  superseded = false;
  /** Set by the silent-drop fault and by restart, so the close handler knows it was on purpose. */
  closing = false;
  /** Half-open fault: the socket stays connected but the gateway no longer reads or writes it. */
  halfOpen = false;

  constructor(
    readonly ws: WebSocket,
    readonly apiKey: string,
    readonly entry: KeyEntry,
    private readonly log: FrameLog,
  ) {}

  get role(): 'desktop' | 'terminal' {
    return this.entry.role;
  }

  get groupId(): string {
    return this.entry.groupId;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN && !this.halfOpen;
  }

  /** Sends one JSON frame. Returns false when the frame could not be handed to the socket. */
  send(frame: object): boolean {
    if (!this.open) return false;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.record('event', this.connectionId, this.role, { event: 'slow-consumer-terminated' });
      this.ws.terminate();
      return false;
    }
    try {
      this.ws.send(JSON.stringify(frame));
    } catch {
      return false;
    }
    this.log.record('out', this.connectionId, this.role, frame);
    return true;
  }

  close(code: number, reason: string): void {
    this.closing = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  /** Destroys the TCP socket: the peer gets no close frame. */
  terminate(): void {
    this.closing = true;
    this.ws.terminate();
  }
}
