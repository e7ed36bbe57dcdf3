import type { FaultState, RuntimeConfig } from './config';
import type { FrameLog } from './log';
import type { Session } from './session';
import type { Timers } from './util';

/** Undelivered pushes kept per POS key for replay (OQ-15); the oldest go first when full. */
export const MAX_UNDELIVERED_PER_KEY = 1_000;
/** A reorder fault holds one push until the next; if none comes, the held one leaves after this. */
const REORDER_FLUSH_MS = 2_000;

interface Target {
  apiKey: string;
  session: Session | undefined;
  replayable: boolean;
}

/**
 * Every push to a POS goes through here: the fault switches (duplicate, delay, reorder) and
 * the replay store for payment results the POS could not receive.
 */
export class PushDelivery {
  private readonly undelivered = new Map<string, object[]>();
  private held: (() => void) | undefined;
  private heldTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly posSessions: Map<string, Session>,
    private readonly config: RuntimeConfig,
    private readonly faults: FaultState,
    private readonly timers: Timers,
    private readonly log: FrameLog,
  ) {}

  /** A payment push (paymentComplete / paymentVoided) for the POS key that started the payment. */
  toKey(apiKey: string, frame: object): void {
    this.dispatch({ apiKey, session: undefined, replayable: true }, frame);
  }

  /** A presence push to every live POS connection of a group; never replayed (it would be stale). */
  toGroup(groupId: string, frame: object): void {
    for (const session of this.posSessions.values()) {
      if (session.groupId === groupId) this.dispatch({ apiKey: session.apiKey, session, replayable: false }, frame);
    }
  }

  /** Sends what was kept for this key while it had no connection. */
  replay(session: Session): void {
    const frames = this.undelivered.get(session.apiKey);
    if (!frames || frames.length === 0) return;
    this.undelivered.delete(session.apiKey);
    this.log.record('event', session.connectionId, 'desktop', { event: 'replay', count: frames.length });
    for (const frame of frames) this.dispatch({ apiKey: session.apiKey, session, replayable: true }, frame);
  }

  pendingFor(apiKey: string): number {
    return this.undelivered.get(apiKey)?.length ?? 0;
  }

  clearUndelivered(): void {
    this.undelivered.clear();
  }

  private dispatch(target: Target, frame: object): void {
    const wanted = this.faults.duplicateNext;
    const twice = wanted === true || (typeof wanted === 'string' && wanted === (frame as { action?: unknown }).action);
    const copies = twice ? 2 : 1;
    if (twice) this.faults.duplicateNext = false;
    const emit = (): void => {
      for (let i = 0; i < copies; i += 1) this.emitNow(target, frame);
    };
    const delayed = (): void => {
      if (this.faults.delayPushesMs > 0) this.timers.after(this.faults.delayPushesMs, emit);
      else emit();
    };
    if (this.faults.reorderNext && !this.held) {
      this.faults.reorderNext = false;
      this.held = delayed;
      this.heldTimer = this.timers.after(REORDER_FLUSH_MS, () => this.flushHeld());
      return;
    }
    delayed();
    this.flushHeld();
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = undefined;
    this.timers.cancel(this.heldTimer);
    this.heldTimer = undefined;
    held?.();
  }

  private emitNow(target: Target, frame: object): void {
    const session = target.session?.open ? target.session : this.posSessions.get(target.apiKey);
    if (session && !session.superseded && session.send(frame)) return;
    if (!target.replayable || !this.config.replayOnReconnect) return;
    const list = this.undelivered.get(target.apiKey) ?? [];
    list.push(frame);
    if (list.length > MAX_UNDELIVERED_PER_KEY) list.splice(0, list.length - MAX_UNDELIVERED_PER_KEY);
    this.undelivered.set(target.apiKey, list);
  }
}
