import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, CrashReporter } from 'electron';
import type { Clock, Logger } from '../../core/ports';

/**
 * The main process's safety nets (after Signal's app/global_errors.main.ts). An uncaught
 * exception leaves main in a state nobody can vouch for — a half-done journal write, a socket
 * handler gone — so it is logged, the core stopped (socket closed, journal flushed) and the app
 * relaunched; the next start says so. A rejected promise did not unwind anything, so it is
 * logged and the till carries on. Relaunching stops after a few in a row: a loop would hide the
 * fault and keep a store's till flickering.
 */
export const RESTART_MARKER = 'restart-after-error.json';
const RELAUNCH_LIMIT = { count: 3, windowMs: 10 * 60_000 };
/** A flush that hangs must not keep a broken process alive. */
const FLUSH_TIMEOUT_MS = 5_000;

interface Marker {
  at: number;
  message: string;
  relaunches: number[];
  reported: boolean;
}

export interface ProcessErrorDeps {
  process: Pick<NodeJS.Process, 'on'>;
  app: Pick<App, 'relaunch' | 'exit'>;
  logger: Logger;
  /** Stops the core: socket closed cleanly, journal flushed. */
  flush: () => Promise<void>;
  dataDir: string;
  clock: Clock;
}

export function installProcessErrorHandlers(deps: ProcessErrorDeps): { settled(): Promise<void> } {
  let handling: Promise<void> = Promise.resolve();
  let fatal = false;

  deps.process.on('uncaughtException', (error: Error, origin: string) => {
    deps.logger.error('main.uncaught_exception', { message: error.message, origin, stack: String(error.stack ?? '').slice(0, 4000) });
    if (fatal) return; // a second error while shutting down: already on the way out
    fatal = true;
    handling = relaunchAfter(deps, error.message);
  });
  deps.process.on('unhandledRejection', (reason: unknown) => {
    const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    deps.logger.error('main.unhandled_rejection', { message, stack: reason instanceof Error ? String(reason.stack ?? '').slice(0, 4000) : '' });
  });
  return { settled: () => handling };
}

async function relaunchAfter(deps: ProcessErrorDeps, message: string): Promise<void> {
  const now = deps.clock.now();
  const relaunches = [...(readMarker(deps.dataDir)?.relaunches ?? []).filter((at) => now - at < RELAUNCH_LIMIT.windowMs), now];
  const relaunch = relaunches.length <= RELAUNCH_LIMIT.count;
  writeMarker(deps.dataDir, { at: now, message, relaunches, reported: false });
  await Promise.race([
    deps.flush().catch((error: Error) => deps.logger.error('main.flush_failed', { message: error.message })),
    new Promise<void>((resolve) => deps.clock.setTimeout(resolve, FLUSH_TIMEOUT_MS)),
  ]);
  if (relaunch) {
    deps.logger.error('main.relaunching', { reason: message });
    deps.app.relaunch();
  } else {
    deps.logger.error('main.relaunch_refused', { reason: message, relaunches: relaunches.length, windowMs: RELAUNCH_LIMIT.windowMs });
  }
  deps.app.exit(1);
}

/**
 * Called at start: when the last run ended by relaunching after an error, logs it (so it is in
 * Diagnostics' recent errors) and returns what to tell the person at the till — once.
 */
export function restartAfterError(dataDir: string, logger: Logger): { at: number; message: string } | undefined {
  const marker = readMarker(dataDir);
  if (!marker || marker.reported) return undefined;
  writeMarker(dataDir, { ...marker, reported: true });
  logger.warn('app.restarted_after_error', { message: marker.message, at: new Date(marker.at).toISOString() });
  return { at: marker.at, message: marker.message };
}

function readMarker(dataDir: string): Marker | undefined {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, RESTART_MARKER), 'utf8')) as Partial<Marker>;
    if (typeof value.at !== 'number' || typeof value.message !== 'string') return undefined;
    return {
      at: value.at,
      message: value.message,
      relaunches: (value.relaunches ?? []).filter((n) => typeof n === 'number'),
      reported: value.reported === true,
    };
  } catch {
    return undefined;
  }
}

function writeMarker(dataDir: string, marker: Marker): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, RESTART_MARKER), JSON.stringify(marker), { mode: 0o600 });
  } catch {
    // Best effort: the relaunch matters more than the note about it.
  }
}

/**
 * Native crashes (renderer, GPU, main) leave a minidump for store IT or us to read — locally:
 * nothing is uploaded anywhere. Must run before `app.whenReady()`.
 */
export function startCrashReporter(deps: { app: Pick<App, 'setPath'>; crashReporter: Pick<CrashReporter, 'start'>; dataDir: string }): string {
  const dir = join(deps.dataDir, 'crash-dumps');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  deps.app.setPath('crashDumps', dir);
  deps.crashReporter.start({ productName: 'Checkstand', uploadToServer: false, compress: true, ignoreSystemCrashHandler: true });
  return dir;
}
