import type { PosEvent } from '../../../shared/ipc';
import type { Logger } from '../ports';
import type { Emitter } from '../../../shared/emitter';
import { loggedEmitter } from '../log/logged-emitter';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PosEventBody = DistributiveOmit<PosEvent, 'seq'>;

/**
 * Snapshot + deltas (a renderer that reloads or misses an event resyncs): every delta gets the next sequence number; the snapshot
 * carries the current one, so a renderer that reloads or sees a gap asks for a snapshot and
 * continues from there.
 */
export class EventStream {
  private seq = 0;
  private readonly listeners: Emitter<PosEvent>;

  constructor(logger: Logger) {
    this.listeners = loggedEmitter(logger, 'events.listener_failed');
  }

  current(): number {
    return this.seq;
  }

  emit(body: PosEventBody): PosEvent {
    this.seq += 1;
    const event = { ...body, seq: this.seq } as PosEvent;
    this.listeners.emit(event);
    return event;
  }

  subscribe(listener: (e: PosEvent) => void): () => void {
    return this.listeners.on(listener);
  }
}
