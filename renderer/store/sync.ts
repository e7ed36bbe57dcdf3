import type { CommandResult, PosEvent, Snapshot } from '../../shared/ipc';
import type { RendererBridge } from '../bridge/types';
import type { PosStore } from './create-store';
import { countdownEnds, countdowns as windowCountdowns, type CountdownClock } from '../clock/countdowns';

/** Runs `flush` later; consecutive events accepted before it runs are applied together. */
export type FlushScheduler = (flush: () => void) => void;

export interface SyncOptions {
  /** Wait before asking again when a snapshot request fails. */
  retryMs?: number;
  /**
   * When to apply accepted events. Without one, each event is applied the moment it arrives
   * (tests rely on that). The app passes `nextFrame`: a burst of bridge messages becomes one
   * store update and one render per animation frame instead of one per message.
   */
  schedule?: FlushScheduler;
  /**
   * With a scheduler: at most this many events per flush; the rest wait for the next one. A
   * gateway burst can deliver hundreds of events in one frame, and re-rendering hundreds of
   * terminal cards at once is a long task that blocks the cashier's input.
   */
  maxPerFlush?: number;
  /**
   * Where countdown ends are placed the moment they arrive (not when first drawn: a screen shown
   * after the PC's clock was set would count from the new wall clock). The window's own by default.
   */
  countdowns?: CountdownClock;
}

/**
 * Before the next paint, or after `fallbackMs` when no frame comes (a minimised window gets no
 * animation frames, and payment events must still reach the store).
 */
export function nextFrame(flush: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, fallbackMs);
}

function placeCountdownEnds(countdowns: CountdownClock, from: PosEvent | Snapshot): void {
  for (const endsAt of countdownEnds(from)) countdowns.see(endsAt);
}

/** A snapshot, its countdown ends placed as it arrives; or why there is none. */
async function fetchSnapshot(bridge: RendererBridge, countdowns: CountdownClock): Promise<CommandResult<Snapshot>> {
  try {
    const result = await bridge.getSnapshot({});
    if (result.ok) placeCountdownEnds(countdowns, result.value);
    return result;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Feeds the store from the bridge only: one snapshot, then deltas. An event whose seq is not
 * exactly last+1 means we missed something, so we ask for a fresh snapshot and replay whatever
 * arrived meanwhile; events we already have (seq <= last) are ignored. "Last" counts events
 * accepted but not applied yet (waiting for the scheduled flush), so batching never changes
 * which events are applied. A `settings` event is followed by a snapshot too: the app info
 * (demo mode, the "No real card is charged" ribbon) is only sent in snapshots, and settings
 * change rarely. Returns a stop function.
 */
export function startSync(bridge: RendererBridge, store: PosStore, options: SyncOptions = {}): () => void {
  const retryMs = options.retryMs ?? 1000;
  const schedule = options.schedule;
  const maxPerFlush = options.maxPerFlush ?? Infinity;
  const countdowns = options.countdowns ?? windowCountdowns;
  let stopped = false;
  let resyncing = false;
  /** Arrived while a snapshot was on its way: checked again once it is applied. */
  let queued: PosEvent[] = [];
  /** Accepted (in seq order, no gaps) and waiting for the scheduled flush. */
  let pending: PosEvent[] = [];
  let flushScheduled = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    flushScheduled = false;
    if (stopped || pending.length === 0) return;
    const batch = pending.length > maxPerFlush ? pending.slice(0, maxPerFlush) : pending;
    pending = pending.length > maxPerFlush ? pending.slice(maxPerFlush) : [];
    store.getState().applyEvents(batch);
    if (pending.length > 0) scheduleFlush();
    if (batch.some((event) => event.type === 'settings')) void resync();
  };

  const scheduleFlush = (): void => {
    if (!schedule) return flush();
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(flush);
  };

  const accept = (event: PosEvent): void => {
    pending.push(event);
    scheduleFlush();
  };

  const handle = (event: PosEvent): void => {
    if (stopped) return;
    placeCountdownEnds(countdowns, event);
    if (resyncing) {
      queued.push(event);
      return;
    }
    const { seq: appliedSeq, synced } = store.getState();
    const seq = pending.at(-1)?.seq ?? appliedSeq;
    if (synced && event.seq <= seq) return;
    if (synced && event.seq === seq + 1) return accept(event);
    queued.push(event);
    void resync();
  };

  const resync = async (): Promise<void> => {
    if (resyncing || stopped) return;
    resyncing = true;
    // Whatever was accepted before the request is at most as new as the snapshot: the snapshot
    // will contain it, so it must not land on top of the snapshot later.
    pending = [];
    const result = await fetchSnapshot(bridge, countdowns);
    if (stopped) return;
    if (!result.ok) {
      store.getState().setSyncError(result.error.message, result.error.msg);
      retryTimer = setTimeout(() => {
        resyncing = false;
        void resync();
      }, retryMs);
      return;
    }
    store.getState().applySnapshot(result.value);
    resyncing = false;
    const replay = queued.sort((a, b) => a.seq - b.seq);
    queued = [];
    for (const event of replay) handle(event);
  };

  const unsubscribe = bridge.on(handle);
  const unlink = bridge.onLinkChange?.((linked) => {
    store.getState().setBridgeLinked(linked);
    // Whatever happened while the link was down is only in a fresh snapshot.
    if (linked) void resync();
  });
  void resync();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    unsubscribe();
    unlink?.();
  };
}
