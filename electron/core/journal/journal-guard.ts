import { DEFAULT_CORE_TUNING, type CoreTuning } from '../core-tuning';
import type { Clock, Logger, TimerHandle } from '../ports';
import { journalFailureReason } from './journal-fs';
import type { Journal, JournalRecord } from './journal';
import type { Emitter } from '../../../shared/emitter';
import { loggedEmitter } from '../log/logged-emitter';

/**
 * A failing disk never goes unnoticed (money-truth rule 8, money-safety rule 12). Between the
 * ledger and the journal:
 * - `appendNow` is the start of a payment: the record is durable when it returns, or it throws
 *   and the caller sends nothing.
 * - `appendOrKeep` is every later change: if the disk refuses, the record is kept in memory (the
 *   ledger's state is already right), new payments are paused, and the kept records are written
 *   again, in order, with growing pauses, until the disk takes them.
 */
export interface JournalHealth {
  writable: boolean;
  /** "disk full", "disk error", … (from the OS error code). */
  reason?: string;
  /** Records held in memory that the journal could not take yet. */
  pendingRecords: number;
  /** Epoch ms of the first failure of the current outage. */
  since?: number;
}

export class JournalUnavailableError extends Error {
  readonly code = 'payments_paused';
  constructor(readonly reason: string) {
    super(`The till cannot record payments: ${reason}. Payments are paused.`);
  }
}

export type JournalRetryTimings = Pick<CoreTuning, 'journalRetryBaseMs' | 'journalRetryCapMs'>;

export class JournalGuard {
  private pending: JournalRecord[] = [];
  private failure: { reason: string; since: number } | undefined;
  private retryTimer: TimerHandle | undefined;
  private retryMs: number;

  constructor(
    private readonly journal: Journal,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timings: JournalRetryTimings = DEFAULT_CORE_TUNING,
  ) {
    this.retryMs = timings.journalRetryBaseMs;
    this.healthChanges = loggedEmitter(logger, 'journal.listener_failed');
  }

  private readonly healthChanges: Emitter<JournalHealth>;

  onHealth(listener: (health: JournalHealth) => void): () => void {
    return this.healthChanges.on(listener);
  }

  health(): JournalHealth {
    return {
      writable: this.failure === undefined,
      ...(this.failure ? { reason: this.failure.reason, since: this.failure.since } : {}),
      pendingRecords: this.pending.length,
    };
  }

  /** Durable on return, or throws JournalUnavailableError: then nothing may be sent. */
  appendNow(record: JournalRecord): void {
    if (this.pending.length > 0 && !this.flush()) throw new JournalUnavailableError(this.failure!.reason);
    try {
      this.journal.append(record);
    } catch (err) {
      this.fail(err, 'payment_start');
      throw new JournalUnavailableError(this.failure!.reason);
    }
    this.recovered();
  }

  /** Never throws: a refused write is kept and retried, and payments pause meanwhile. */
  appendOrKeep(record: JournalRecord): void {
    if (this.pending.length > 0) {
      this.pending.push(record); // behind the older ones: replay is "last record wins"
      return;
    }
    try {
      this.journal.append(record);
    } catch (err) {
      this.pending.push(record);
      this.fail(err, 'state_change');
    }
  }

  dispose(): void {
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Writes the kept records in order; true when none is left. */
  private flush(): boolean {
    while (this.pending.length > 0) {
      try {
        this.journal.append(this.pending[0]!);
      } catch (err) {
        this.fail(err, 'retry');
        return false;
      }
      this.pending.shift();
    }
    return true;
  }

  private fail(err: unknown, during: 'payment_start' | 'state_change' | 'retry'): void {
    const reason = journalFailureReason(err);
    const first = this.failure === undefined;
    this.failure = { reason, since: this.failure?.since ?? this.clock.now() };
    // The journal may hold a half-written line now; the next open starts on a fresh one.
    this.journal.close();
    if (first || during !== 'retry') {
      this.logger.error('journal.write_failed', {
        reason,
        code: (err as NodeJS.ErrnoException | undefined)?.code,
        during,
        pendingRecords: this.pending.length,
      });
    }
    if (first) this.emit();
    this.scheduleRetry();
  }

  private recovered(): void {
    if (!this.failure) return;
    this.logger.info('journal.write_recovered', { reason: this.failure.reason, downMs: this.clock.now() - this.failure.since });
    this.failure = undefined;
    this.retryMs = this.timings.journalRetryBaseMs;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.emit();
  }

  /** Kept records are written again; with none kept, a probe shows whether the disk is back. */
  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.timings.journalRetryCapMs);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      const ok = this.pending.length > 0 ? this.flush() : this.probe();
      if (ok) this.recovered();
    }, wait);
  }

  private probe(): boolean {
    try {
      this.journal.probe();
      return true;
    } catch (err) {
      this.fail(err, 'retry');
      return false;
    }
  }

  private emit(): void {
    this.healthChanges.emit(this.health());
  }
}
