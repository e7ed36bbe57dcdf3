import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { ErrorMessages, ErrorTitle, type ForceDisconnectFrame } from '../shared/protocol';
import type { KeyEntry } from './api';
import { noFaults, type FaultState, type RuntimeConfig } from './config';
import { PushDelivery } from './delivery';
import { FrameLog } from './log';
import { LookupFaults } from './lookup-faults';
import { errorFrame, handlePosFrame } from './pos-frames';
import { Presence } from './presence';
import { KeyRegistry } from './registry';
import { Session } from './session';
import { handleTerminalFrame } from './terminal-frames';
import { TransactionBook } from './transactions';
import { gatewayNowIso, isPlainObject, Timers } from './util';

export const FORCE_DISCONNECT_REASON = 'New connection established with the same API key';
/** OQ-2 choice: close code after forceDisconnect. */
export const CLOSE_DISPLACED = 4000;
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_RESTART = 1012;

/**
 * The gateway's state: live sessions per key, terminal presence, transactions, push delivery.
 * Sockets come in already authenticated (server.ts checks the key at the upgrade).
 */
export class Gateway {
  readonly timers = new Timers();
  readonly faults: FaultState = noFaults();
  /** Wrong answers on the transaction lookup (control.lookupFault). */
  readonly lookupFaults = new LookupFaults();
  readonly posSessions = new Map<string, Session>();
  readonly terminalSessions = new Map<string, Session>();
  readonly delivery: PushDelivery;
  readonly presence: Presence;
  readonly transactions: TransactionBook;
  /** During a simulated restart: upgrades and the HTTP API answer 503 (the control API stays up). */
  down = false;

  constructor(
    readonly registry: KeyRegistry,
    readonly config: RuntimeConfig,
    readonly log: FrameLog,
  ) {
    this.delivery = new PushDelivery(this.posSessions, config, this.faults, this.timers, log);
    this.presence = new Presence(config, this.delivery, this.timers, log);
    this.transactions = new TransactionBook(config, this.delivery, this.timers, log);
    this.presence.hooks = {
      dropped: (t) => this.transactions.dropped(t),
      back: (t) => this.transactions.back(t),
      gone: (t, why) => this.transactions.gone(t, why),
    };
  }

  /** A socket that passed the upgrade check. */
  attach(ws: WebSocket, apiKey: string, entry: KeyEntry, req: IncomingMessage): Session {
    const session = new Session(ws, apiKey, entry, this.log);
    const sessions = entry.role === 'desktop' ? this.posSessions : this.terminalSessions;
    this.log.record('event', session.connectionId, entry.role, {
      event: 'open',
      apiKey,
      groupHeader: headerValue(req, 'x-group-id'),
    });
    ws.on('error', () => {
      // A broken socket ends in 'close'; nothing to do here but not crash.
    });
    const deviceId = entry.role === 'terminal' ? headerValue(req, 'x-device-id')?.slice(0, 200) : undefined;
    const claimed =
      deviceId !== undefined &&
      (this.presence.all().some((t) => t.deviceId === deviceId && t.apiKey !== apiKey) ||
        this.registry.entries().some(([key, e]) => e.deviceId === deviceId && key !== apiKey));
    if (claimed) {
      // Two keys cannot claim one deviceId: the registry is keyed by it (§13.1).
      session.send(errorFrame(ErrorTitle.Conflict, `deviceId ${deviceId} belongs to another terminal key`));
      session.close(1008, 'deviceId in use');
      return session;
    }
    const previous = sessions.get(apiKey);
    sessions.set(apiKey, session);
    if (previous) this.displace(previous);

    ws.on('message', (data, isBinary) => this.onMessage(session, data, isBinary));
    ws.on('close', () => this.onClose(session));

    if (entry.role === 'desktop') {
      this.armPosTimers(session);
      if (this.config.replayOnReconnect) this.delivery.replay(session);
    } else {
      const metadata = parseMetadataHeader(headerValue(req, 'x-terminal-metadata'));
      this.presence.connected(session, {
        ...(deviceId ? { deviceId } : {}),
        ...(metadata ? { metadata } : {}),
      });
    }
    return session;
  }

  /** §3.3 single-connection-per-key: the older one gets forceDisconnect, then close 4000. */
  private displace(old: Session): void {
    old.superseded = true;
    const frame: ForceDisconnectFrame = {
      action: 'forceDisconnect',
      reason: FORCE_DISCONNECT_REASON,
      timestamp: gatewayNowIso(this.config),
    };
    old.send(frame);
    old.close(CLOSE_DISPLACED, 'Displaced by a newer connection');
  }

  private onMessage(session: Session, data: WebSocket.RawData, isBinary: boolean): void {
    session.lastInboundAt = Date.now();
    if (session.halfOpen) return;
    try {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      if (bytes.length > this.config.maxPayloadBytes) {
        this.log.record('in', session.connectionId, session.role, { tooLarge: bytes.length });
        session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.frameTooLarge));
        return;
      }
      const text = bytes.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        this.log.recordRaw(session.connectionId, session.role, isBinary ? `<binary ${bytes.length} bytes>` : text);
        session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.invalidJson));
        return;
      }
      this.log.record('in', session.connectionId, session.role, isPlainObject(value) ? value : { value }, text);
      if (session.superseded) return;
      if (session.role === 'desktop') {
        handlePosFrame(this, session, value);
      } else {
        handleTerminalFrame(this, session, this.presence.byApiKey(session.apiKey), value);
      }
    } catch (err) {
      // Last line of defence (rule: nothing inbound is ever thrown uncaught).
      this.log.record('event', session.connectionId, session.role, { event: 'handler-error', message: String(err) });
    }
  }

  private onClose(session: Session): void {
    try {
      this.log.record('event', session.connectionId, session.role, { event: 'close' });
      const sessions = session.role === 'desktop' ? this.posSessions : this.terminalSessions;
      if (sessions.get(session.apiKey) === session) sessions.delete(session.apiKey);
      if (session.role === 'terminal' && !session.superseded) this.presence.disconnected(session);
    } catch (err) {
      this.log.record('event', session.connectionId, session.role, { event: 'close-handler-error', message: String(err) });
    }
  }

  /** OQ-21: optional idle timeout and maximum lifetime of POS connections. */
  private armPosTimers(session: Session): void {
    const { idleTimeoutMs, maxConnectionLifetimeMs } = this.config;
    const handles: NodeJS.Timeout[] = [];
    if (maxConnectionLifetimeMs > 0) {
      handles.push(
        this.timers.after(maxConnectionLifetimeMs, () => {
          if (session.open) session.close(CLOSE_GOING_AWAY, 'Maximum connection lifetime reached');
        }),
      );
    }
    if (idleTimeoutMs > 0) {
      const check = (): void => {
        if (!session.open) return;
        const idleFor = Date.now() - session.lastInboundAt;
        if (idleFor >= idleTimeoutMs) session.close(CLOSE_GOING_AWAY, 'Idle timeout');
        else handles.push(this.timers.after(idleTimeoutMs - idleFor, check));
      };
      handles.push(this.timers.after(idleTimeoutMs, check));
    }
    // A connection that ends first leaves no timer behind.
    session.ws.once('close', () => {
      for (const h of handles) this.timers.cancel(h);
    });
  }

  /** Every socket, both roles. */
  allSessions(): Session[] {
    return [...this.posSessions.values(), ...this.terminalSessions.values()];
  }

  dropPosConnections(silent: boolean, halfOpen = false): void {
    for (const s of [...this.posSessions.values()]) {
      if (halfOpen) {
        s.halfOpen = true;
        this.posSessions.delete(s.apiKey);
        this.log.record('event', s.connectionId, 'desktop', { event: 'half-open' });
      } else if (silent) s.terminate();
      else s.close(CLOSE_GOING_AWAY, 'Dropped by the simulator');
    }
  }

  closeAll(code: number, reason: string): void {
    for (const s of this.allSessions()) s.close(code, reason);
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  if (Array.isArray(v)) return v[0];
  return v === '' ? undefined : v;
}

function parseMetadataHeader(text: string | undefined): Record<string, unknown> | undefined {
  if (!text || text.length > 8_000) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
