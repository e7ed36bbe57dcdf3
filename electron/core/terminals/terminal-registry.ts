import { msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import type { TerminalPresence, TerminalView } from '../../../shared/ipc';
import type { TerminalListItem, TerminalStatusUpdateFrame, TerminalsResponseFrame } from '../../../shared/protocol';

/**
 * Terminal presence as the POS sees it (§9.2). The list (`terminalsResponse`) and the pushes
 * (`terminalStatusUpdate`) are merged whatever order they arrive in (OQ-13). Two facts are
 * ordered by the gateway's timestamps only when BOTH carry one (the same clock); otherwise the
 * one that arrived last wins. A gateway timestamp is never compared with the till's clock: the
 * two may disagree by minutes (money-truth rule 6), so countdowns run from the local arrival time.
 */
interface Entry {
  id: string;
  deviceId?: string;
  connectionId?: string;
  presence: TerminalPresence;
  /** Gateway time (ms) of the fact this entry holds, when the frame said; never a local time. */
  gatewayAt?: number;
  /** Local time the grace period ends: arrival of the "reconnecting" fact + grace. */
  graceEndsAt?: number;
  /** Local time the register last heard of the terminal. */
  lastSeenAt: number;
  label: string;
}

export interface RegistryChange {
  changed: string[];
  removed: string[];
}

const LIST_PRESENCE: Record<string, TerminalPresence> = { online: 'online', reconnecting: 'reconnecting', offline: 'offline' };
const PUSH_PRESENCE: Record<string, TerminalPresence> = { connected: 'online', reconnecting: 'reconnecting', disconnected: 'offline' };

function gatewayTime(timestamp: string | undefined): number | undefined {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** True when the entry already holds a fact the gateway stamped later than `incoming`. */
function holdsNewer(entry: Entry | undefined, incoming: number | undefined): boolean {
  return entry?.gatewayAt !== undefined && incoming !== undefined && entry.gatewayAt > incoming;
}

export class TerminalRegistry {
  private entries = new Map<string, Entry>();

  constructor(private readonly graceMs: number) {}

  /** Rebuild from the list after every (re)connect; facts newer than the list survive. */
  applyList(frame: TerminalsResponseFrame, now: number): RegistryChange {
    const listAt = gatewayTime(frame.timestamp);
    const changed: string[] = [];
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const item of frame.terminals) {
      const id = keyOfListItem(item);
      if (!id) continue;
      seen.add(id);
      const prev = this.entries.get(id);
      if (holdsNewer(prev, listAt)) continue;
      const presence = LIST_PRESENCE[item.status ?? 'online'] ?? 'online';
      const entry: Entry = {
        id,
        ...(item.deviceId ? { deviceId: item.deviceId } : prev?.deviceId ? { deviceId: prev.deviceId } : {}),
        ...(item.connectionId ? { connectionId: item.connectionId } : {}),
        presence,
        gatewayAt: listAt,
        label: labelOf(item.metadata, id),
        lastSeenAt: now,
        ...this.graceFor(presence, prev, now),
      };
      this.entries.set(id, entry);
      changed.push(id);
    }
    // Terminals the list no longer mentions are gone, unless a newer push says otherwise.
    for (const [id, entry] of this.entries) {
      if (seen.has(id) || holdsNewer(entry, listAt)) continue;
      if (entry.deviceId) {
        if (entry.presence !== 'offline') {
          this.entries.set(id, { ...entry, presence: 'offline', gatewayAt: listAt, graceEndsAt: undefined });
          changed.push(id);
        }
      } else {
        this.entries.delete(id);
        removed.push(id);
      }
    }
    return { changed, removed };
  }

  applyPush(frame: TerminalStatusUpdateFrame, now: number): RegistryChange {
    const id = frame.deviceId ?? frame.terminalInfo?.deviceId ?? frame.terminalId;
    const pushAt = gatewayTime(frame.timestamp);
    const prev = this.entries.get(id) ?? this.entries.get(frame.terminalId);
    if (holdsNewer(prev, pushAt)) return { changed: [], removed: [] };
    const presence = PUSH_PRESENCE[frame.status]!;
    const deviceId = frame.deviceId ?? frame.terminalInfo?.deviceId ?? prev?.deviceId;
    if (presence === 'offline' && !deviceId) {
      // A terminal without a deviceId gets a new id on every connect: nothing to keep (§9.2).
      const existed = this.entries.delete(id);
      return { changed: [], removed: existed ? [id] : [] };
    }
    const entry: Entry = {
      id: prev?.id ?? id,
      ...(deviceId ? { deviceId } : {}),
      ...(presence === 'online'
        ? { connectionId: frame.connectionId ?? frame.terminalInfo?.connectionId ?? prev?.connectionId }
        : prev?.connectionId
          ? { connectionId: prev.connectionId }
          : {}),
      presence,
      gatewayAt: pushAt,
      label: prev?.label ?? labelOf(frame.terminalInfo?.metadata, id),
      lastSeenAt: now,
      ...this.graceFor(presence, prev, now),
    };
    this.entries.set(entry.id, entry);
    return { changed: [entry.id], removed: [] };
  }

  /**
   * The gateway said "Terminal connection not found" (§10.1): not payable until the list says
   * otherwise. It keeps the gateway time of the fact it corrects, so only a newer fact undoes it.
   */
  markOffline(id: string): RegistryChange {
    const entry = this.entries.get(id);
    if (!entry || entry.presence === 'offline') return { changed: [], removed: [] };
    this.entries.set(id, { ...entry, presence: 'offline', graceEndsAt: undefined });
    return { changed: [id], removed: [] };
  }

  /** A countdown already running keeps its end (a repeated "reconnecting" must not restart it). */
  private graceFor(presence: TerminalPresence, prev: Entry | undefined, now: number): { graceEndsAt?: number } {
    if (presence !== 'reconnecting') return {};
    if (prev?.presence === 'reconnecting' && prev.graceEndsAt !== undefined) return { graceEndsAt: prev.graceEndsAt };
    return { graceEndsAt: now + this.graceMs };
  }

  /** Another gateway, key or group: nothing we knew applies any more. Returns the removed ids. */
  clear(): string[] {
    const ids = [...this.entries.keys()];
    this.entries.clear();
    return ids;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  presence(id: string): TerminalPresence | undefined {
    return this.entries.get(id)?.presence;
  }

  hasDeviceId(id: string): boolean {
    return Boolean(this.entries.get(id)?.deviceId);
  }

  /** The name the list or the first push gave the terminal (its id when none did). */
  label(id: string): string | undefined {
    return this.entries.get(id)?.label;
  }

  graceEndsAt(id: string): number | undefined {
    return this.entries.get(id)?.graceEndsAt;
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  /**
   * The renderer's view. Payable = online, link open, no open payment on it (rule 2).
   */
  view(id: string, ctx: { linkOpen: boolean; synced?: boolean; openPaymentId?: string }): TerminalView | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    let notPayableKey: string | undefined;
    if (!ctx.linkOpen) notPayableKey = 'core.terminal.not_connected';
    else if (ctx.synced === false) notPayableKey = 'core.terminal.refreshing';
    else if (e.presence === 'reconnecting') notPayableKey = 'core.terminal.reconnecting';
    else if (e.presence === 'offline') notPayableKey = 'core.terminal.offline';
    else if (ctx.openPaymentId) notPayableKey = 'core.terminal.busy';
    const notPayableReasonMsg = notPayableKey ? msg(notPayableKey) : undefined;
    return {
      id: e.id,
      ...(e.deviceId ? { deviceId: e.deviceId } : {}),
      ...(e.connectionId ? { connectionId: e.connectionId } : {}),
      label: e.label,
      presence: e.presence,
      payable: notPayableReasonMsg === undefined,
      ...(notPayableReasonMsg ? { notPayableReason: english(notPayableReasonMsg), notPayableReasonMsg } : {}),
      ...(e.presence === 'reconnecting' && e.graceEndsAt !== undefined ? { graceEndsAt: e.graceEndsAt } : {}),
      ...(ctx.openPaymentId ? { openPaymentId: ctx.openPaymentId } : {}),
      lastSeenAt: e.lastSeenAt,
    };
  }
}

function keyOfListItem(item: TerminalListItem): string | undefined {
  return item.deviceId ?? item.terminalId ?? item.connectionId;
}

function labelOf(metadata: Record<string, unknown> | undefined, id: string): string {
  const name = metadata?.name ?? metadata?.label;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 64) : id;
}
