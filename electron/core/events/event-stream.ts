import type { PosEvent } from '../../../shared/ipc';
import type { Logger } from '../ports';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PosEventBody = DistributiveOmit<PosEvent, 'seq'>;

/**
 * Snapshot + deltas (issue item 7): every delta gets the next sequence number; the snapshot
 * carries the current one, so a renderer that reloads or sees a gap asks for a snapshot and
 * continues from there.
 */
export class EventStream {
  private seq = 0;
  private listeners = new Set<(e: PosEvent) => void>();

  constructor(private readonly logger: Logger) {}

  current(): number {
    return this.seq;
  }

  emit(body: PosEventBody): PosEvent {
    this.seq += 1;
    const event = { ...body, seq: this.seq } as PosEvent;
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.error('events.listener_failed', { message: String(err) });
      }
    }
    return event;
  }

  subscribe(listener: (e: PosEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
