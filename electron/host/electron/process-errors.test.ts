import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../core/log/logger';
import { FakeClock } from '../../core/testing/fake-clock';
import { RESTART_MARKER, installProcessErrorHandlers, restartAfterError, startCrashReporter } from './process-errors';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'checkstand-process-errors-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function setup() {
  const proc = new EventEmitter();
  const app = { relaunch: vi.fn(), exit: vi.fn() };
  const logger = createMemoryLogger();
  const order: string[] = [];
  const flush = vi.fn(async () => {
    order.push('flush');
  });
  app.relaunch.mockImplementation(() => order.push('relaunch'));
  app.exit.mockImplementation(() => order.push('exit'));
  const clock = new FakeClock();
  const handlers = installProcessErrorHandlers({ process: proc as never, app, logger, flush, dataDir, clock });
  return { proc, app, logger, flush, order, clock, handlers };
}

describe('main-process errors', () => {
  it('an uncaught exception is logged, the journal flushed, and the app relaunched', async () => {
    const { proc, logger, order, handlers } = setup();
    proc.emit('uncaughtException', new Error('boom in main'), 'uncaughtException');
    await handlers.settled();
    expect(logger.lines.find((l) => l.event === 'main.uncaught_exception')).toMatchObject({ level: 'error', message: 'boom in main' });
    expect(order).toEqual(['flush', 'relaunch', 'exit']);
    expect(JSON.parse(readFileSync(join(dataDir, RESTART_MARKER), 'utf8'))).toMatchObject({ message: 'boom in main' });
  });

  it('an unhandled rejection is logged and the till carries on', async () => {
    const { proc, logger, app, handlers } = setup();
    proc.emit('unhandledRejection', new Error('lost promise'), Promise.resolve());
    await handlers.settled();
    expect(logger.lines.find((l) => l.event === 'main.unhandled_rejection')).toMatchObject({ level: 'error', message: 'Error: lost promise' });
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('stops relaunching after repeated errors close together, and says so', async () => {
    for (let i = 0; i < 3; i += 1) {
      const { proc, handlers } = setup();
      proc.emit('uncaughtException', new Error(`boom ${i}`), 'uncaughtException');
      await handlers.settled();
    }
    const { proc, app, handlers, logger } = setup();
    proc.emit('uncaughtException', new Error('boom again'), 'uncaughtException');
    await handlers.settled();
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(logger.lines.some((l) => l.event === 'main.relaunch_refused')).toBe(true);
  });

  it('after the relaunch, says so once: in the log (and so in Diagnostics) and to the caller', async () => {
    const { proc, handlers } = setup();
    proc.emit('uncaughtException', new Error('boom in main'), 'uncaughtException');
    await handlers.settled();
    const logger = createMemoryLogger();
    const notice = restartAfterError(dataDir, logger);
    expect(notice?.message).toBe('boom in main');
    expect(logger.lines.find((l) => l.event === 'app.restarted_after_error')).toMatchObject({ level: 'warn', message: 'boom in main' });
    expect(restartAfterError(dataDir, createMemoryLogger())).toBeUndefined();
  });
});

describe('crash reporter', () => {
  it('keeps minidumps in the data directory and uploads nothing', () => {
    const app = { setPath: vi.fn() };
    const crashReporter = { start: vi.fn() };
    const dir = startCrashReporter({ app, crashReporter, dataDir });
    expect(dir).toBe(join(dataDir, 'crash-dumps'));
    expect(app.setPath).toHaveBeenCalledWith('crashDumps', dir);
    expect(crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false, productName: 'Checkstand' }));
    expect(existsSync(dir)).toBe(true);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(crashReporter.start.mock.invocationCallOrder[0]!);
  });
});
