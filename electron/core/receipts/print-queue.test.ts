import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../../shared/ipc';
import { systemClock, type Logger } from '../ports';
import { PrintError } from './print-error';
import { createPrintQueue } from './print-queue';

const logs: { level: string; event: string }[] = [];
const logger: Logger = {
  info: (event) => logs.push({ level: 'info', event }),
  warn: (event) => logs.push({ level: 'warn', event }),
  error: (event) => logs.push({ level: 'error', event }),
};

describe('print queue', () => {
  it('prints jobs one after another, in the order they came', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger, retryDelaysMs: [5] });
    const order: string[] = [];
    let active = 0;
    let maxActive = 0;
    const task = (name: string) => ({
      kind: 'receipt' as const,
      run: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 10));
        order.push(name);
        active -= 1;
      },
    });
    queue.enqueue(task('a'));
    queue.enqueue(task('b'));
    queue.enqueue(task('c'));
    await queue.idle();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(maxActive).toBe(1);
    expect(queue.jobs().map((j) => j.state)).toEqual(['done', 'done', 'done']);
  });

  it('does not retry an error that another attempt cannot fix', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger, maxAttempts: 5, retryDelaysMs: [5] });
    let calls = 0;
    queue.enqueue({
      kind: 'receipt',
      run: async () => {
        calls += 1;
        throw new PrintError('The printer "X" is not installed.', false);
      },
    });
    await queue.idle();
    expect(calls).toBe(1);
    expect(queue.jobs()[0]).toMatchObject({ state: 'failed', attempts: 1, error: 'The printer "X" is not installed.' });
  });

  it('turns an unexpected exception into a failed job with a readable message, never a throw', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger, maxAttempts: 2, retryDelaysMs: [5] });
    const view = queue.enqueue({ kind: 'test_page', run: () => Promise.reject(new TypeError('boom')) });
    expect(view.state).toBe('queued');
    await queue.idle();
    expect(queue.jobs()[0]).toMatchObject({ state: 'failed', attempts: 2 });
    expect(queue.jobs()[0]!.error).toContain('boom');
  });

  it('is bounded: when too many jobs wait, a new one fails at once instead of piling up', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger, maxPending: 2, retryDelaysMs: [5] });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    queue.enqueue({ kind: 'receipt', run: () => gate });
    queue.enqueue({ kind: 'receipt', run: () => gate });
    const third = queue.enqueue({ kind: 'receipt', transactionId: 't3', run: async () => {} });
    expect(third).toMatchObject({ state: 'failed', transactionId: 't3' });
    expect(third.error).toMatch(/Too many receipts are waiting/);
    release();
    await queue.idle();
    expect(queue.jobs().filter((j) => j.state === 'done')).toHaveLength(2);
  });

  it('keeps only the most recent finished jobs', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger, keepFinished: 3 });
    for (let i = 0; i < 10; i += 1) queue.enqueue({ kind: 'receipt', transactionId: `t${i}`, run: async () => {} });
    await queue.idle();
    expect(queue.jobs().map((j) => j.transactionId)).toEqual(['t7', 't8', 't9']);
  });

  it('a listener that throws does not stop printing', async () => {
    const queue = createPrintQueue({ clock: systemClock, logger });
    const seen: PrintJobView[] = [];
    queue.onJob(() => {
      throw new Error('bad listener');
    });
    queue.onJob((j) => seen.push(j));
    queue.enqueue({ kind: 'receipt', run: async () => {} });
    await queue.idle();
    expect(seen.at(-1)?.state).toBe('done');
    expect(logs.some((l) => l.event === 'print.listener_failed')).toBe(true);
  });
});
