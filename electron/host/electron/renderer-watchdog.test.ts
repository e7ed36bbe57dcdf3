import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../core/log/logger';
import { FakeClock } from '../../core/testing/fake-clock';
import { RECOVERY_LIMITS, watchRenderer } from './renderer-watchdog';

/** The window's webContents as far as the watchdog uses it: Electron's events, spied methods. */
function fakeContents() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    loadURL: vi.fn(async () => {}),
    forcefullyCrashRenderer: vi.fn(),
    isDestroyed: () => false,
  });
}

function setup() {
  const contents = fakeContents();
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const showRecovery = vi.fn(async () => {});
  watchRenderer({ contents: contents as never, clock, logger, entryUrl: 'app://checkstand/index.html', showRecovery });
  const events = () => logger.lines.map((l) => `${String(l.level)} ${String(l.event)}`);
  return { contents, clock, logger, showRecovery, events };
}

const gone = (reason: string, exitCode = 1) => [{}, { reason, exitCode }] as const;

describe('renderer watchdog: a crashed or hung till is never left blank', () => {
  it('reloads the till after the renderer crashes, and logs why', () => {
    const { contents, events } = setup();
    contents.emit('render-process-gone', ...gone('crashed', 139));
    expect(contents.loadURL).toHaveBeenCalledWith('app://checkstand/index.html');
    expect(events()).toContain('error renderer.gone');
  });

  it('leaves a clean exit alone (the window is closing)', () => {
    const { contents, events } = setup();
    contents.emit('render-process-gone', ...gone('clean-exit', 0));
    expect(contents.loadURL).not.toHaveBeenCalled();
    expect(events()).not.toContain('error renderer.gone');
  });

  it(`shows the recovery screen after ${RECOVERY_LIMITS.failures} failures close together, then tries the till again later`, () => {
    const { contents, clock, showRecovery } = setup();
    for (let i = 0; i < RECOVERY_LIMITS.failures - 1; i += 1) {
      contents.emit('render-process-gone', ...gone('oom'));
      clock.advance(1_000);
    }
    expect(contents.loadURL).toHaveBeenCalledTimes(RECOVERY_LIMITS.failures - 1);
    expect(showRecovery).not.toHaveBeenCalled();
    contents.emit('render-process-gone', ...gone('crashed'));
    expect(showRecovery).toHaveBeenCalledOnce();
    expect(contents.loadURL).toHaveBeenCalledTimes(RECOVERY_LIMITS.failures - 1);
    clock.advance(RECOVERY_LIMITS.retryAfterMs);
    expect(contents.loadURL).toHaveBeenCalledTimes(RECOVERY_LIMITS.failures);
  });

  it('forgets failures that are far apart', () => {
    const { contents, clock, showRecovery } = setup();
    for (let i = 0; i < RECOVERY_LIMITS.failures * 2; i += 1) {
      contents.emit('render-process-gone', ...gone('crashed'));
      clock.advance(RECOVERY_LIMITS.windowMs);
    }
    expect(showRecovery).not.toHaveBeenCalled();
  });

  it('waits for a hung renderer, then kills it so it is reloaded; one that recovers is left alone', () => {
    const { contents, clock, events } = setup();
    contents.emit('unresponsive');
    clock.advance(RECOVERY_LIMITS.hangMs - 1);
    contents.emit('responsive');
    clock.advance(RECOVERY_LIMITS.hangMs);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(events()).toEqual(['warn renderer.unresponsive', 'info renderer.responsive']);

    contents.emit('unresponsive');
    clock.advance(RECOVERY_LIMITS.hangMs);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(events()).toContain('error renderer.hang_killed');
  });

  it('retries a failed load of the main frame after a pause, and ignores sub-frames and aborted loads', () => {
    const { contents, clock, events } = setup();
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://checkstand/index.html', true);
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x.invalid/', false);
    expect(events()).toEqual([]);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://checkstand/index.html', true);
    expect(events()).toEqual(['error renderer.load_failed']);
    expect(contents.loadURL).not.toHaveBeenCalled();
    clock.advance(RECOVERY_LIMITS.reloadDelayMs);
    expect(contents.loadURL).toHaveBeenCalledWith('app://checkstand/index.html');
  });
});
