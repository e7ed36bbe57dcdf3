import { closeQuietly, writeFrame } from './socket-io';
import WebSocket from 'ws';
import type { ConnectionState, ConnectionView } from '../../../shared/ipc';
import { msg, type Msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import type { ClientFrame } from '../../../shared/protocol';
import type { Clock, Logger, SocketFactory, TimerHandle } from '../ports';
import { backoffCap, backoffDelay } from './backoff';
import { checkEndpoint, displayEndpoint } from './endpoint';
import { DailyCount } from './daily-count';
import { Heartbeat } from './heartbeat';
import { readServerMessage, type ServerMessageSink } from './server-messages';
import type { ConnectionConfig, ConnectionEvent, ConnectionTuning } from './types';
import type { Emitter } from '../../../shared/emitter';
import { loggedEmitter } from '../log/logged-emitter';

export const defaultSocketFactory: SocketFactory = (url, options) => new WebSocket(url, options);

const AUTH_CLOSE_CODES = new Set([1008, 4001, 4003]);

/**
 * Owns the one authenticated socket to the gateway (§3, §8, §9.1). There is only ever one
 * current socket: every handler checks that it still belongs to the current socket, so frames
 * and a `forceDisconnect` from an abandoned socket are ignored (§3.3).
 */
export class GatewayConnection {
  private config: ConnectionConfig | undefined;
  private ws: WebSocket | undefined;
  private state: ConnectionState = 'idle';
  private since: number;
  private reason: Msg | undefined = msg('core.connection.no_gateway');
  private attempt = 0;
  private nextRetry: { at: number; elapsed: number } | undefined; // `at` is shown; `elapsed` decides (the PC's clock being set moves neither)
  private retryTimer: TimerHandle | undefined;
  private healthyTimer: TimerHandle | undefined;
  private openedAt = 0;
  private readonly reconnects = new DailyCount();
  private hasOpenedOnce = false;
  /** This till has work waiting: retries use the urgent cap (see backoff.ts). */
  private urgent = false;
  private readonly heartbeat: Heartbeat;
  private readonly events: Emitter<ConnectionEvent>;

  constructor(
    private readonly clock: Clock,
    private readonly tuning: ConnectionTuning,
    private readonly logger: Logger,
    private readonly socketFactory: SocketFactory = defaultSocketFactory,
  ) {
    this.since = clock.now();
    this.events = loggedEmitter(logger, 'connection.listener_failed');
    this.heartbeat = new Heartbeat(
      clock,
      { intervalMs: tuning.pingIntervalMs, timeoutMs: tuning.pongTimeoutMs, checkNowTimeoutMs: tuning.checkNowTimeoutMs },
      () => this.sendRaw({ action: 'ping' }),
      (reason) => this.onDeadLink(reason),
    );
  }

  on(listener: (e: ConnectionEvent) => void): () => void {
    return this.events.on(listener);
  }

  view(): ConnectionView {
    return {
      state: this.state,
      endpoint: this.config ? displayEndpoint(this.config.endpoint) : '',
      attempt: this.attempt,
      ...(this.nextRetry !== undefined && this.state === 'backoff' ? { nextRetryAt: this.nextRetry.at } : {}),
      ...(this.reason !== undefined ? { reason: english(this.reason), reasonMsg: this.reason } : {}),
      since: this.since,
      ...(this.heartbeat.lastRttMs !== undefined ? { lastPongRttMs: this.heartbeat.lastRttMs } : {}),
      reconnectsToday: this.reconnects.today(this.clock.now()),
    };
  }

  isOpen(): boolean {
    return this.state === 'open';
  }

  /** Sets (or clears) the gateway to use and connects to it at once. */
  configure(config: ConnectionConfig | undefined): void {
    this.config = config;
    this.attempt = 0;
    this.abandonSocket('configuration changed');
    this.clearRetry();
    if (!config || !config.endpoint.trim() || !config.apiKey) {
      this.setState('idle', msg('core.connection.no_gateway'));
      return;
    }
    this.connectIfValid(config.endpoint);
  }

  /** Cashier's "Reconnect on this register", or the host after displacement/auth failure. */
  reconnectNow(): void {
    if (!this.config || this.state === 'stopped') return;
    this.attempt = 0;
    this.abandonSocket('reconnect requested');
    this.clearRetry();
    this.connectIfValid(this.config.endpoint);
  }

  /** System resume / network change: ping now with a short deadline; if not open, retry now. */
  checkNow(): void {
    if (this.state === 'open') this.heartbeat.checkNow();
    else if (this.state === 'backoff') this.reconnectNow();
  }

  /** The cashier is on the checkout or payments are open: a pending long retry comes within the urgent cap. */
  setUrgent(urgent: boolean): void {
    if (urgent === this.urgent) return;
    this.urgent = urgent;
    if (!urgent || this.state !== 'backoff' || this.nextRetry === undefined) return;
    if (this.nextRetry.elapsed - this.clock.elapsed() <= backoffCap(this.tuning.backoff, true)) return;
    this.armRetry(backoffDelay(Math.max(0, this.attempt - 1), this.tuning.backoff, true));
    this.emit({ type: 'state', view: this.view() });
  }

  stop(): void {
    this.clearRetry();
    this.abandonSocket('stopping', 1000);
    this.setState('stopped', msg('core.connection.stopped'));
  }

  /** Sends one frame on the open socket. Returns false (and sends nothing) when not open. */
  send(frame: ClientFrame): boolean {
    if (this.state !== 'open') return false;
    return this.sendRaw(frame);
  }

  private sendRaw(frame: ClientFrame): boolean {
    if (!this.ws || !writeFrame(this.ws, frame, this.logger)) return false;
    if (frame.action !== 'ping') this.logger.info('frame.out', { frame });
    this.emit({ type: 'sent', frame });
    return true;
  }

  /** An address that breaks the endpoint rules (plain ws:// off loopback…) is shown, never dialled. */
  private connectIfValid(endpoint: string): void {
    const check = checkEndpoint(endpoint);
    if (check.ok) this.connect();
    else this.setState('idle', check.msg);
  }

  private connect(): void {
    const config = this.config!;
    this.nextRetry = undefined;
    this.setState('connecting', undefined);
    const headers: Record<string, string> = { 'x-api-key': config.apiKey };
    if (config.groupId) headers['x-group-id'] = config.groupId;
    let ws: WebSocket;
    try {
      ws = this.socketFactory(config.endpoint, {
        headers,
        handshakeTimeout: this.tuning.handshakeTimeoutMs,
        maxPayload: this.tuning.maxPayload,
      });
    } catch (err) {
      this.logger.error('connection.create_failed', { message: String(err) });
      this.scheduleRetry(msg('core.connection.could_not_connect', { reason: String(err) }));
      return;
    }
    this.ws = ws;
    let authRefused: Msg | undefined;
    let lastError: string | undefined;
    let opened = false;

    ws.on('open', () => {
      if (ws !== this.ws) return;
      opened = true;
      this.openedAt = this.clock.elapsed();
      if (this.hasOpenedOnce) this.reconnects.add(this.clock.now());
      this.hasOpenedOnce = true;
      this.setState('open', undefined);
      this.heartbeat.start();
      this.clock.clearTimeout(this.healthyTimer);
      this.healthyTimer = this.clock.setTimeout(() => {
        this.attempt = 0;
      }, this.tuning.healthyResetMs);
      this.sendRaw({ action: 'getTerminals' });
      this.emit({ type: 'open' });
    });

    ws.on('message', (data, isBinary) => {
      if (ws === this.ws) readServerMessage(data, isBinary, this.logger, this.inbound);
    });

    ws.on('error', (err) => {
      if (ws !== this.ws) return;
      lastError = err.message;
      const status = /Unexpected server response: (\d+)/.exec(err.message)?.[1];
      if (status === '401' || status === '403') authRefused = msg('core.connection.key_refused_http', { status });
      this.logger.warn('connection.error', { message: err.message });
    });

    ws.on('close', (code, reasonBuf) => {
      if (ws !== this.ws) return;
      this.ws = undefined;
      this.heartbeat.stop();
      this.clock.clearTimeout(this.healthyTimer);
      const reason = reasonBuf.toString() || lastError || `closed (${code})`;
      this.logger.info('connection.closed', { code, reason, opened });
      if (opened) this.emit({ type: 'down', reason });
      if (!authRefused && opened && AUTH_CLOSE_CODES.has(code) && this.clock.elapsed() - this.openedAt < this.tuning.authCloseWindowMs) {
        authRefused = msg('core.connection.key_refused_on_open', { code: String(code), reason: reasonBuf.toString() });
      }
      if (authRefused) {
        this.onAuthFailed(authRefused);
        return;
      }
      this.scheduleRetry(msg(opened ? 'core.connection.lost' : 'core.connection.could_not_connect', { reason }));
    });
  }

  /** Where each kind of server message goes; pings and displacement stay inside the connection. */
  private readonly inbound: ServerMessageSink = {
    errorFrame: (frame) => this.emit({ type: 'errorFrame', frame }),
    pong: () => {
      this.heartbeat.onPong();
      this.emit({ type: 'state', view: this.view() });
    },
    displaced: (reason) => this.onDisplaced(reason),
    frame: (frame) => this.emit({ type: 'frame', frame }),
  };

  private onDeadLink(reason: string): void {
    this.logger.warn('connection.dead', { reason });
    // terminate(): a dead link will not complete a closing handshake; 'close' follows at once.
    this.ws?.terminate();
  }

  private onDisplaced(reason: string): void {
    this.logger.warn('connection.displaced', { reason });
    const wasOpen = this.state === 'open';
    this.abandonSocket('displaced');
    this.clearRetry();
    if (wasOpen) this.emit({ type: 'down', reason: 'displaced' });
    this.setState('displaced', msg('core.connection.displaced', { reason }));
  }

  private onAuthFailed(reason: Msg): void {
    this.logger.error('connection.auth_failed', { message: english(reason) });
    this.clearRetry();
    this.setState('auth_failed', reason);
    this.nextRetry = { at: this.clock.now() + this.tuning.authRetryMs, elapsed: this.clock.elapsed() + this.tuning.authRetryMs };
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state === 'auth_failed') this.connect();
    }, this.tuning.authRetryMs);
  }

  private scheduleRetry(reason: Msg): void {
    if (this.state === 'stopped' || this.state === 'displaced') return;
    const delay = backoffDelay(this.attempt, this.tuning.backoff, this.urgent);
    this.attempt += 1;
    this.armRetry(delay);
    this.setState('backoff', reason);
  }

  private armRetry(delay: number): void {
    this.clearRetry();
    this.nextRetry = { at: this.clock.now() + delay, elapsed: this.clock.elapsed() + delay };
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state === 'backoff') this.connect();
    }, delay);
  }

  private clearRetry(): void {
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.nextRetry = undefined;
  }

  /** Forget the current socket BEFORE any new one opens, so we never displace ourselves (§3.3). */
  private abandonSocket(why: string, code = 1000): void {
    const ws = this.ws;
    this.ws = undefined;
    this.heartbeat.stop();
    this.clock.clearTimeout(this.healthyTimer);
    if (!ws) return;
    const wasOpen = this.state === 'open';
    // Its other events are ignored by the checks above.
    closeQuietly(ws, code, why);
    if (wasOpen && why !== 'displaced') this.emit({ type: 'down', reason: why });
  }

  private setState(state: ConnectionState, reason: Msg | undefined): void {
    if (state !== this.state) this.logger.info('connection.state', { from: this.state, to: state, reason: reason && english(reason) });
    this.state = state;
    this.reason = reason;
    this.since = this.clock.now();
    this.emit({ type: 'state', view: this.view() });
  }

  private emit(e: ConnectionEvent): void {
    this.events.emit(e);
  }
}
