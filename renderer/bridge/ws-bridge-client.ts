import {
  BRIDGE_PATH,
  BRIDGE_TIMINGS,
  BridgeMessage,
  COMMAND_NAMES,
  type BridgeRequest,
  type CommandName,
  type CommandResult,
  type PosEvent,
} from '../../shared/ipc';
import { Emitter } from '../../shared/emitter';
import type { RendererBridge } from './types';

export interface WsBridgeOptions {
  /** ws(s)://host/bridge?token=… */
  url: string;
  /** Defaults: BRIDGE_TIMINGS (shared/ipc/ws-bridge.ts); tests make them small. */
  retryMs?: number;
  maxRetryMs?: number;
  invokeTimeoutMs?: number;
  WebSocketImpl?: typeof WebSocket;
}

export function bridgeUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
}

type Pending = { resolve: (result: CommandResult<unknown>) => void; timer: ReturnType<typeof setTimeout> };

/**
 * The browser host's bridge: the PosBridge contract over a loopback WebSocket (shared/ipc/ws-bridge).
 * It reconnects by itself; while the socket is down every command answers `offline` at once
 * (never queued: a payment must not be sent late) and link listeners hear `false`, so the store
 * resyncs with a snapshot when the link returns.
 */
export function createWsBridge(options: WsBridgeOptions): RendererBridge & { close(): void } {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const retryMs = options.retryMs ?? BRIDGE_TIMINGS.retryMs;
  const maxRetryMs = options.maxRetryMs ?? BRIDGE_TIMINGS.maxRetryMs;
  const invokeTimeoutMs = options.invokeTimeoutMs ?? BRIDGE_TIMINGS.invokeTimeoutMs;
  // A screen whose listener throws must not keep the store (or the other screens) from the event.
  const reportListenerError = (error: unknown) => console.error('Checkstand: a bridge listener failed', error);
  const eventListeners = new Emitter<PosEvent>(reportListenerError);
  const linkListeners = new Emitter<boolean>(reportListenerError);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let open = false;
  let closed = false;
  let delay = retryMs;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const setLinked = (linked: boolean): void => {
    if (open === linked) return;
    open = linked;
    linkListeners.emit(linked);
  };

  const failPending = (message: string): void => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve({ ok: false, error: { code: 'offline', message } });
      pending.delete(id);
    }
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return; // Not ours to crash on: a malformed message is dropped.
    }
    const message = BridgeMessage.safeParse(parsed);
    if (!message.success) return;
    if (message.data.type === 'event') {
      eventListeners.emit(message.data.event);
      return;
    }
    const entry = pending.get(message.data.id);
    if (!entry) return;
    pending.delete(message.data.id);
    clearTimeout(entry.timer);
    entry.resolve(message.data.result as CommandResult<unknown>);
  };

  const connect = (): void => {
    if (closed) return;
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      delay = retryMs;
      setLinked(true);
    };
    ws.onmessage = (event) => onMessage(event.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending('Lost contact with the Checkstand app. Check that it is still running.');
      setLinked(false);
      if (closed) return;
      reconnectTimer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxRetryMs);
    };
    ws.onerror = () => {
      // onclose follows and handles the retry.
    };
  };

  const invoke = (name: CommandName, request: unknown): Promise<CommandResult<unknown>> =>
    new Promise((resolve) => {
      if (!socket || !open) {
        resolve({ ok: false, error: { code: 'offline', message: 'Not connected to the Checkstand app. Reconnecting…' } });
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'internal', message: 'The Checkstand app did not answer in time.' } });
      }, invokeTimeoutMs);
      pending.set(id, { resolve, timer });
      const frame: BridgeRequest = { type: 'invoke', id, name, request };
      socket.send(JSON.stringify(frame));
    });

  const bridge: Record<string, unknown> = {
    on: (listener: (event: PosEvent) => void) => eventListeners.on(listener),
    onLinkChange: (listener: (linked: boolean) => void) => linkListeners.on(listener),
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      socket?.close();
      failPending('Closed.');
    },
  };
  for (const name of COMMAND_NAMES) bridge[name] = (request: unknown) => invoke(name, request);
  connect();
  return bridge as unknown as RendererBridge & { close(): void };
}
