import type { CommandResult, PosEvent, Snapshot } from '../../shared/ipc';
import type { RendererBridge } from '../bridge/types';
import type { PosStore } from './create-store';

export interface SyncOptions {
  /** Wait before asking again when a snapshot request fails. */
  retryMs?: number;
}

/**
 * Feeds the store from the bridge only: one snapshot, then deltas. An event whose seq is not
 * exactly last+1 means we missed something, so we ask for a fresh snapshot and replay whatever
 * arrived meanwhile; events we already have (seq <= last) are ignored. Returns a stop function.
 */
export function startSync(bridge: RendererBridge, store: PosStore, options: SyncOptions = {}): () => void {
  const retryMs = options.retryMs ?? 1000;
  let stopped = false;
  let resyncing = false;
  let queued: PosEvent[] = [];
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const handle = (event: PosEvent): void => {
    if (stopped) return;
    if (resyncing) {
      queued.push(event);
      return;
    }
    const { seq, synced } = store.getState();
    if (synced && event.seq <= seq) return;
    if (synced && event.seq === seq + 1) {
      store.getState().applyEvent(event);
      return;
    }
    queued.push(event);
    void resync();
  };

  const resync = async (): Promise<void> => {
    if (resyncing || stopped) return;
    resyncing = true;
    let result: CommandResult<Snapshot>;
    try {
      result = await bridge.getSnapshot({});
    } catch (error) {
      result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
    if (stopped) return;
    if (!result.ok) {
      store.getState().setSyncError(result.error.message);
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
