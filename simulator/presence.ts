import type { TerminalInfo, TerminalListItem, TerminalStatusUpdateFrame } from '../shared/protocol';
import type { RuntimeConfig } from './config';
import type { PushDelivery } from './delivery';
import type { FrameLog } from './log';
import type { Session } from './session';
import type { CancelPaymentCommand } from './device-frames';
import { gatewayNowIso, type Timers } from './util';

/** What the gateway knows about one terminal key (§7.5, §9.2). */
export interface TerminalState {
  apiKey: string;
  deviceId?: string;
  groupId: string;
  metadata: Record<string, unknown>;
  session?: Session;
  connectionId?: string;
  connectedAt?: string;
  lastActivity?: string;
  status: 'online' | 'reconnecting' | 'offline';
  graceTimer?: NodeJS.Timeout;
  everConnected: boolean;
  /** transactionId of the payment the terminal is working on. */
  busyWith?: string;
  /**
   * Gateway→terminal notices the terminal missed while offline (a payment timed out meanwhile);
   * sent as soon as it connects again, or it would hold that payment forever (chaos run finding).
   */
  missedNotices?: TerminalNotice[];
}

/** Notices the gateway keeps for an offline terminal (bounded: only the latest few matter). */
export type TerminalNotice = CancelPaymentCommand;
export const MAX_MISSED_NOTICES = 10;

/** The id the gateway uses for a terminal in pushes: deviceId, else the connectionId (§2). */
export function terminalIdOf(state: TerminalState): string {
  return state.deviceId ?? state.connectionId ?? state.apiKey;
}

export interface PresenceHooks {
  /** The terminal's socket dropped; a deviceId terminal now has `gracePeriodMs` to return. */
  dropped(state: TerminalState): void;
  /** It is back (new connectionId). */
  back(state: TerminalState): void;
  /** It is gone for good: grace expired, or it never had a deviceId. */
  gone(state: TerminalState, why: 'grace' | 'lost'): void;
}

/**
 * Terminal presence (§6.3, §9.2): who is connected, the grace period of deviceId terminals,
 * and the `terminalStatusUpdate` pushes to every POS connection of the terminal's group.
 */
export class Presence {
  private readonly byKey = new Map<string, TerminalState>();
  private readonly byDeviceId = new Map<string, TerminalState>();
  private readonly byConnectionId = new Map<string, TerminalState>();
  hooks: PresenceHooks = { dropped: () => {}, back: () => {}, gone: () => {} };

  constructor(
    private readonly config: RuntimeConfig,
    private readonly delivery: PushDelivery,
    private readonly timers: Timers,
    private readonly log: FrameLog,
  ) {}

  all(): TerminalState[] {
    return [...this.byKey.values()];
  }

  byApiKey(apiKey: string): TerminalState | undefined {
    return this.byKey.get(apiKey);
  }

  /** Any identifier a person or test may use: deviceId, current or last connectionId, apiKey. */
  find(id: string): TerminalState | undefined {
    return this.byDeviceId.get(id) ?? this.byConnectionId.get(id) ?? this.byKey.get(id) ?? this.all().find((t) => t.connectionId === id);
  }

  /** §5.2 step 1: deviceId first, then a raw connectionId. Only live terminals resolve. */
  resolveForPayment(terminalId: string): TerminalState | undefined {
    const byDevice = this.byDeviceId.get(terminalId);
    if (byDevice) return byDevice.status === 'online' ? byDevice : undefined;
    return this.byConnectionId.get(terminalId);
  }

  connected(session: Session, overrides: { deviceId?: string; metadata?: Record<string, unknown> }): TerminalState {
    let state = this.byKey.get(session.apiKey);
    const deviceId = overrides.deviceId ?? session.entry.deviceId;
    if (!state) {
      state = {
        apiKey: session.apiKey,
        groupId: session.groupId,
        metadata: {},
        status: 'offline',
        everConnected: false,
      };
      this.byKey.set(session.apiKey, state);
    }
    if (state.deviceId && state.deviceId !== deviceId) this.byDeviceId.delete(state.deviceId);
    state.deviceId = deviceId;
    if (deviceId) this.byDeviceId.set(deviceId, state);
    state.metadata = overrides.metadata ?? session.entry.metadata ?? state.metadata;
    this.timers.cancel(state.graceTimer);
    state.graceTimer = undefined;
    if (state.connectionId) this.byConnectionId.delete(state.connectionId);
    const now = gatewayNowIso(this.config);
    const wasReconnecting = state.status === 'reconnecting';
    state.session = session;
    state.connectionId = session.connectionId;
    state.connectedAt = now;
    state.lastActivity = now;
    state.status = 'online';
    state.everConnected = true;
    this.byConnectionId.set(session.connectionId, state);
    const terminalId = terminalIdOf(state);
    const terminalInfo: TerminalInfo = {
      connectionId: session.connectionId,
      terminalId,
      ...(deviceId ? { deviceId } : {}),
      connectedAt: now,
      lastActivity: now,
      status: 'online',
      metadata: state.metadata,
    };
    const frame: TerminalStatusUpdateFrame = {
      action: 'terminalStatusUpdate',
      terminalId,
      connectionId: session.connectionId,
      ...(deviceId ? { deviceId } : {}),
      status: 'connected',
      terminalInfo,
      timestamp: now,
      groupId: state.groupId,
      version: 'v1',
    };
    this.delivery.toGroup(state.groupId, frame);
    for (const notice of state.missedNotices?.splice(0) ?? []) session.send(notice);
    if (wasReconnecting) this.hooks.back(state);
    return state;
  }

  /** The terminal's socket closed (any reason except being displaced by its own key). */
  disconnected(session: Session): void {
    const state = this.byKey.get(session.apiKey);
    if (!state || state.session !== session) return;
    state.session = undefined;
    if (state.connectionId) this.byConnectionId.delete(state.connectionId);
    const now = gatewayNowIso(this.config);
    if (state.deviceId) {
      state.status = 'reconnecting';
      const frame: TerminalStatusUpdateFrame = {
        action: 'terminalStatusUpdate',
        terminalId: state.deviceId,
        deviceId: state.deviceId,
        status: 'reconnecting',
        timestamp: now,
        groupId: state.groupId,
        version: 'v1',
      };
      this.delivery.toGroup(state.groupId, frame);
      this.hooks.dropped(state);
      state.graceTimer = this.timers.after(this.config.gracePeriodMs, () => this.graceExpired(state));
      return;
    }
    this.goOffline(state, 'lost');
  }

  private graceExpired(state: TerminalState): void {
    state.graceTimer = undefined;
    if (state.status !== 'reconnecting') return;
    this.log.record('event', state.connectionId ?? '-', 'terminal', { event: 'grace-expired', terminalId: terminalIdOf(state) });
    this.goOffline(state, 'grace');
  }

  private goOffline(state: TerminalState, why: 'grace' | 'lost'): void {
    state.status = 'offline';
    const frame: TerminalStatusUpdateFrame = {
      action: 'terminalStatusUpdate',
      terminalId: terminalIdOf(state),
      status: 'disconnected',
      timestamp: gatewayNowIso(this.config),
      groupId: state.groupId,
      version: 'v1',
    };
    this.delivery.toGroup(state.groupId, frame);
    this.hooks.gone(state, why);
  }

  touch(state: TerminalState): void {
    state.lastActivity = gatewayNowIso(this.config);
  }

  /**
   * `terminalsResponse` items for a group (§6.1): online and reconnecting terminals, and
   * deviceId terminals that went offline (OQ-14). A terminal without a deviceId that left is
   * gone: its next connection is a new terminal.
   */
  listForGroup(groupId: string): TerminalListItem[] {
    const items: TerminalListItem[] = [];
    for (const t of this.byKey.values()) {
      if (t.groupId !== groupId || !t.everConnected) continue;
      if (t.status === 'offline' && !t.deviceId) continue;
      items.push({
        ...(t.connectionId ? { connectionId: t.connectionId } : {}),
        ...(t.deviceId ? { deviceId: t.deviceId } : {}),
        ...(t.connectedAt ? { connectedAt: t.connectedAt } : {}),
        ...(t.lastActivity ? { lastActivity: t.lastActivity } : {}),
        status: t.status,
        metadata: t.metadata,
      });
    }
    return items;
  }
}
