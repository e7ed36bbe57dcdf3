import {
  BRIDGE_PATH,
  BRIDGE_TIMINGS,
  BridgeMessage,
  COMMAND_NAMES,
  type BridgeRequest,
  type CommandError,
  type CommandName,
  type CommandResult,
  type PosEvent,
} from '../../shared/ipc';
import { Emitter } from '../../shared/emitter';
import type { RendererBridge } from './types';
import { englishWords } from '../i18n/english-words';

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
  const pending = new PendingCalls();
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

  const onMessage = (data: unknown): void => {
    const message = parseBridgeMessage(data);
    if (message?.type === 'event') eventListeners.emit(message.event);
    else if (message?.type === 'result') pending.settle(message.id, message.result as CommandResult<unknown>);
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
      pending.failAll('common.bridge.lost');
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
        resolve({ ok: false, error: bridgeError('offline', 'common.bridge.notConnected') });
        return;
      }
      const id = pending.add(resolve, invokeTimeoutMs);
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
      pending.failAll('common.bridge.closed');
    },
  };
  for (const name of COMMAND_NAMES) bridge[name] = (request: unknown) => invoke(name, request);
  connect();
  return bridge as unknown as RendererBridge & { close(): void };
}

/** A message from the host, or undefined for anything that is not one (dropped: not ours to crash on). */
function parseBridgeMessage(data: unknown): BridgeMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const message = BridgeMessage.safeParse(JSON.parse(data));
    return message.success ? message.data : undefined;
  } catch {
    return undefined;
  }
}

/** The bridge's own failures as codes (the screens word them), with their English for the log. */
function bridgeError(code: CommandError['code'], key: string): CommandError {
  return { code, message: englishWords().t(key), msg: { key } };
}

/** Commands sent and not answered yet: each resolves once, with its result, a timeout or `offline`. */
class PendingCalls {
  private readonly calls = new Map<number, Pending>();
  private nextId = 1;

  add(resolve: Pending['resolve'], timeoutMs: number): number {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.calls.delete(id);
      resolve({ ok: false, error: bridgeError('internal', 'common.bridge.timeout') });
    }, timeoutMs);
    this.calls.set(id, { resolve, timer });
    return id;
  }

  settle(id: number, result: CommandResult<unknown>): void {
    const entry = this.calls.get(id);
    if (!entry) return;
    this.calls.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  failAll(key: string): void {
    for (const [id, entry] of this.calls) {
      clearTimeout(entry.timer);
      entry.resolve({ ok: false, error: bridgeError('offline', key) });
      this.calls.delete(id);
    }
  }
}
