import type { PrintJobView } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import type { Clock, Logger } from '../ports';
import { asPrintError, printError, type PrintError } from './print-error';
import { loggedEmitter } from '../log/logged-emitter';

/**
 * One printer, one job at a time, in order. A job that fails with a transient error (printer off,
 * cable out) is retried with a growing delay; the caller only ever gets a job id back, never an
 * exception and never a wait, so printing cannot hold up checkout. Every change of a job is
 * published as a PrintJobView for the UI.
 */

export interface PrintTask {
  kind: PrintJobView['kind'];
  transactionId?: string;
  /** Does the printing; throws a PrintError (or anything) on failure. */
  run(): Promise<void>;
}

export interface PrintQueueOptions {
  clock: Clock;
  logger: Logger;
  /** Attempts per job, the first included. */
  maxAttempts?: number;
  /** Delay before retry n (1-based); the last value repeats. */
  retryDelaysMs?: number[];
  /** Jobs waiting or printing at once; beyond this a new job fails at once instead of piling up. */
  maxPending?: number;
  /** Finished jobs kept for `jobs()`. */
  keepFinished?: number;
}

export interface PrintQueue {
  enqueue(task: PrintTask): PrintJobView;
  jobs(): PrintJobView[];
  onJob(listener: (job: PrintJobView) => void): () => void;
  /** Resolves when nothing is queued or printing (tests, orderly shutdown). */
  idle(): Promise<void>;
}

interface Entry {
  view: PrintJobView;
  task: PrintTask;
}

export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const { clock, logger } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const delays = options.retryDelaysMs?.length ? options.retryDelaysMs : [1000, 3000, 8000];
  const maxPending = options.maxPending ?? 20;
  const keepFinished = options.keepFinished ?? 50;

  const pending: Entry[] = [];
  const finished: PrintJobView[] = [];
  const jobChanges = loggedEmitter<PrintJobView>(logger, 'print.listener_failed');
  let running = false;
  let idleWaiters: (() => void)[] = [];

  const publish = (entry: Entry, patch: Partial<PrintJobView>) => {
    entry.view = { ...entry.view, ...patch, at: clock.now() };
    jobChanges.emit(entry.view);
  };

  const retire = (entry: Entry) => {
    finished.push(entry.view);
    if (finished.length > keepFinished) finished.splice(0, finished.length - keepFinished);
  };

  const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let entry = pending[0]; entry; entry = pending[0]) {
        await runWithRetries(entry, { publish, logger, maxAttempts, delays, wait });
        pending.shift();
        retire(entry);
      }
    } finally {
      running = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  return {
    enqueue(task) {
      const entry: Entry = {
        task,
        view: {
          id: uuidv7(),
          kind: task.kind,
          state: 'queued',
          attempts: 0,
          at: clock.now(),
          ...(task.transactionId ? { transactionId: task.transactionId } : {}),
        },
      };
      if (pending.length >= maxPending) {
        const full = printError('receipts.error.too_many_waiting', undefined, false);
        publish(entry, { state: 'failed', error: full.message, ...errorMsgOf(full) });
        retire(entry);
        return entry.view;
      }
      pending.push(entry);
      publish(entry, {});
      // Start after the caller has its job id: enqueue itself never does printer work.
      queueMicrotask(() => void drain());
      return entry.view;
    },
    jobs() {
      return [...finished, ...pending.map((e) => e.view)];
    },
    onJob: (listener) => jobChanges.on(listener),
    idle() {
      if (!running && pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

interface RetryContext {
  publish(entry: Entry, patch: Partial<PrintJobView>): void;
  logger: Logger;
  maxAttempts: number;
  delays: readonly number[];
  wait(ms: number): Promise<void>;
}

/** One job: retried after a retryable failure (paper out, printer busy) up to `maxAttempts`. */
async function runWithRetries(entry: Entry, ctx: RetryContext): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    ctx.publish(entry, { state: 'printing', attempts: attempt });
    try {
      await entry.task.run();
      ctx.publish(entry, { state: 'done', error: undefined, errorMsg: undefined });
      ctx.logger.info('print.done', { jobId: entry.view.id, kind: entry.view.kind, transactionId: entry.view.transactionId, attempts: attempt });
      return;
    } catch (raw) {
      const err = asPrintError(raw);
      const last = attempt >= ctx.maxAttempts || !err.retryable;
      ctx.logger.warn('print.attempt_failed', { jobId: entry.view.id, kind: entry.view.kind, attempt, final: last, error: err.message });
      if (last) {
        ctx.publish(entry, { state: 'failed', error: err.message, ...errorMsgOf(err) });
        return;
      }
      ctx.publish(entry, { state: 'retrying', error: err.message, ...errorMsgOf(err) });
      await ctx.wait(ctx.delays[Math.min(attempt - 1, ctx.delays.length - 1)]!);
    }
  }
}

/** The failure as a code beside its English (the screens show the code in the till's language). */
function errorMsgOf(err: PrintError): Pick<PrintJobView, 'errorMsg'> {
  return { errorMsg: err.msg };
}
