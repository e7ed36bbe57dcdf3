import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { Clock, Logger, TimerHandle } from '../../core/ports';

/**
 * A crashed, hung or unloadable renderer must never leave a blank till (after Signal's and VS
 * Code's window error handling). The renderer holds no state of its own — it resyncs from the
 * core's snapshot — so the cure is to log and load the till again. A renderer that keeps failing
 * would reload for ever, so after a few failures close together the recovery screen (plain HTML
 * from main: what to do, and any open void alert) is shown, and the till is tried again later.
 */
export const RECOVERY_LIMITS = {
  /** This many failures within `windowMs` show the recovery screen instead of another reload. */
  failures: 3,
  windowMs: 5 * 60_000,
  /** From the recovery screen, try the till again after this long. */
  retryAfterMs: 2 * 60_000,
  /** A renderer unresponsive this long is killed (and so reloaded): a cashier cannot wait longer. */
  hangMs: 15_000,
  /** A failed load is retried after this pause, not in a hot loop. */
  reloadDelayMs: 2_000,
} as const;

/** Chromium's net::ERR_ABORTED: a navigation replaced by another, not a failure. */
const ERR_ABORTED = -3;

export interface RendererWatchdogDeps {
  contents: Pick<WebContents, 'on' | 'loadURL' | 'forcefullyCrashRenderer' | 'isDestroyed'>;
  clock: Clock;
  logger: Logger;
  entryUrl: string;
  /** Loads the recovery screen into `contents`. */
  showRecovery: () => Promise<void>;
}

export function watchRenderer(deps: RendererWatchdogDeps): void {
  const { contents, clock, logger } = deps;
  let failures: number[] = [];
  let hangTimer: TimerHandle | undefined;
  let retryTimer: TimerHandle | undefined;
  let recovering = false;

  const loadTill = () => {
    if (contents.isDestroyed()) return;
    recovering = false;
    contents.loadURL(deps.entryUrl).catch((error: Error) => logger.error('renderer.reload_failed', { message: error.message }));
  };

  /** Counts a failure and brings the till back, or the recovery screen when it keeps failing. */
  function recover(after: number): void {
    const now = clock.now();
    failures = [...failures.filter((at) => now - at < RECOVERY_LIMITS.windowMs), now];
    if (!recovering && failures.length < RECOVERY_LIMITS.failures) {
      if (after === 0) loadTill();
      else clock.setTimeout(loadTill, after);
      return;
    }
    recovering = true;
    logger.error('renderer.recovery_screen', { failures: failures.length, retryInMs: RECOVERY_LIMITS.retryAfterMs });
    deps.showRecovery().catch((error: Error) => logger.error('renderer.recovery_failed', { message: error.message }));
    clock.clearTimeout(retryTimer);
    retryTimer = clock.setTimeout(() => {
      failures = [];
      logger.info('renderer.retry_after_recovery');
      loadTill();
    }, RECOVERY_LIMITS.retryAfterMs);
  }

  contents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    clock.clearTimeout(hangTimer);
    if (details.reason === 'clean-exit') {
      logger.info('renderer.exited', { exitCode: details.exitCode });
      return;
    }
    logger.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    recover(0);
  });

  contents.on('unresponsive', () => {
    logger.warn('renderer.unresponsive', { killAfterMs: RECOVERY_LIMITS.hangMs });
    clock.clearTimeout(hangTimer);
    hangTimer = clock.setTimeout(() => {
      logger.error('renderer.hang_killed', { afterMs: RECOVERY_LIMITS.hangMs });
      // 'render-process-gone' follows (reason "killed") and reloads the till.
      contents.forcefullyCrashRenderer();
    }, RECOVERY_LIMITS.hangMs);
  });

  contents.on('responsive', () => {
    clock.clearTimeout(hangTimer);
    logger.info('renderer.responsive');
  });

  contents.on('did-fail-load', (_event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    logger.error('renderer.load_failed', { errorCode, message: errorDescription, url: validatedURL.slice(0, 200) });
    recover(RECOVERY_LIMITS.reloadDelayMs);
  });
}
