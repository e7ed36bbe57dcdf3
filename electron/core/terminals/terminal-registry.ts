import type { TerminalPresence, TerminalView } from '../../../shared/ipc';
import type { TerminalListItem, TerminalStatusUpdateFrame, TerminalsResponseFrame } from '../../../shared/protocol';

/**
 * Terminal presence as the POS sees it (§9.2). The list (`terminalsResponse`) and the pushes
 * (`terminalStatusUpdate`) are merged whatever order they arrive in: each entry remembers the
 * gateway timestamp of the fact it holds, and an older fact never overwrites a newer one (OQ-13).
 */
interface Entry {
  id: string;
  deviceId?: string;
  connectionId?: string;
  presence: TerminalPresence;
  /** Gateway time (ms) of the fact this entry holds. */
  stamp: number;
  graceEndsAt?: number;
  lastSeenAt?: number;
  label: string;
}

export interface RegistryChange {
  changed: string[];
  removed: string[];
}

const LIST_PRESENCE: Record<string, TerminalPresence> = { online: 'online', reconnecting: 'reconnecting', offline: 'offline' };
const PUSH_PRESENCE: Record<string, TerminalPresence> = { connected: 'online', reconnecting: 'reconnecting', disconnected: 'offline' };

function stampOf(timestamp: string | undefined, fallback: number): number {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

export class TerminalRegistry {
  private entries = new Map<string, Entry>();

  constructor(private readonly graceMs: number) {}

  /** Rebuild from the list after every (re)connect; facts newer than the list survive. */
  applyList(frame: TerminalsResponseFrame, now: number): RegistryChange {
    const listStamp = stampOf(frame.timestamp, now);
    const changed: string[] = [];
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const item of frame.terminals) {
      const id = keyOfListItem(item);
      if (!id) continue;
      seen.add(id);
      const prev = this.entries.get(id);
      if (prev && prev.stamp > listStamp) continue;
      const presence = LIST_PRESENCE[item.status ?? 'online'] ?? 'online';
      const entry: Entry = {
        id,
        ...(item.deviceId ? { deviceId: item.deviceId } : prev?.deviceId ? { deviceId: prev.deviceId } : {}),
        ...(item.connectionId ? { connectionId: item.connectionId } : {}),
        presence,
        stamp: listStamp,
        label: labelOf(item.metadata, id),
        lastSeenAt: stampOf(item.lastActivity, listStamp),
        ...(presence === 'reconnecting' ? { graceEndsAt: Math.min(listStamp, now) + this.graceMs } : {}),
      };
      this.entries.set(id, entry);
      changed.push(id);
    }
    // Terminals the list no longer mentions are gone, unless a newer push says otherwise.
    for (const [id, entry] of this.entries) {
      if (seen.has(id) || entry.stamp > listStamp) continue;
      if (entry.deviceId) {
        if (entry.presence !== 'offline') {
          this.entries.set(id, { ...entry, presence: 'offline', stamp: listStamp, graceEndsAt: undefined });
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
    const stamp = stampOf(frame.timestamp, now);
    const prev = this.entries.get(id) ?? this.entries.get(frame.terminalId);
    if (prev && prev.stamp > stamp) return { changed: [], removed: [] };
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
        : prev?.connectionId ? { connectionId: prev.connectionId } : {}),
      presence,
      stamp,
      label: prev?.label ?? labelOf(frame.terminalInfo?.metadata, id),
      lastSeenAt: stamp,
      ...(presence === 'reconnecting' ? { graceEndsAt: Math.min(stamp, now) + this.graceMs } : {}),
    };
    this.entries.set(entry.id, entry);
    return { changed: [entry.id], removed: [] };
  }

  /** The gateway said "Terminal connection not found" (§10.1): not payable until the list says otherwise. */
  markOffline(id: string, now: number): RegistryChange {
    const entry = this.entries.get(id);
    if (!entry || entry.presence === 'offline') return { changed: [], removed: [] };
    this.entries.set(id, { ...entry, presence: 'offline', stamp: Math.max(entry.stamp, now), graceEndsAt: undefined });
    return { changed: [id], removed: [] };
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
    let notPayableReason: string | undefined;
    if (!ctx.linkOpen) notPayableReason = 'Not connected to the gateway';
    else if (ctx.synced === false) notPayableReason = 'Refreshing the terminal list';
    else if (e.presence === 'reconnecting') notPayableReason = 'Terminal is reconnecting';
    else if (e.presence === 'offline') notPayableReason = 'Terminal is offline';
    else if (ctx.openPaymentId) notPayableReason = 'Busy with a payment';
    return {
      id: e.id,
      ...(e.deviceId ? { deviceId: e.deviceId } : {}),
      ...(e.connectionId ? { connectionId: e.connectionId } : {}),
      label: e.label,
      presence: e.presence,
      payable: notPayableReason === undefined,
      ...(notPayableReason ? { notPayableReason } : {}),
      ...(e.presence === 'reconnecting' && e.graceEndsAt !== undefined ? { graceEndsAt: e.graceEndsAt } : {}),
      ...(ctx.openPaymentId ? { openPaymentId: ctx.openPaymentId } : {}),
      ...(e.lastSeenAt !== undefined ? { lastSeenAt: e.lastSeenAt } : {}),
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
