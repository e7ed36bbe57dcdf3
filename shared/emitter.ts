/**
 * The one listener list of the app (core services, hosts and the renderer's bridge). A listener
 * that throws must not stop the others hearing the event — a broken screen or log sink must never
 * keep the payment ledger's news from the journal's or the cashier's — so each throw goes to
 * `onListenerError` (a log line in the main process, console.error in the renderer) and the emit
 * goes on.
 */
export type Unsubscribe = () => void;

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  /** Adds a listener (once, however often it is passed); returns the function that removes it. */
  on(listener: (value: T) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls every listener; one that was unsubscribed meanwhile (even during this emit) is skipped. */
  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
