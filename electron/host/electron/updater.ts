import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app } from 'electron';
import { autoUpdater, type AppUpdater, type ProgressInfo, type UpdateDownloadedEvent, type UpdateInfo } from 'electron-updater';
import { loggedEmitter } from '../../core/log/logged-emitter';
import { systemClock, type Logger } from '../../core/ports';
import { createUpdatePolicy, feedUrlFromUpdateConfig, updateFeedProblem, type UpdatePolicy, type UpdaterEvent, type UpdaterPort } from '../../core/updates';
import type { ServiceContext } from '../compose';

/**
 * The thin electron-updater adapter behind the core's update policy (electron/core/updates).
 * electron-updater downloads in the background as soon as it finds an update; whether and when to
 * install is decided by the policy, which switches `autoInstallOnAppQuit` on and off and calls
 * `quitAndInstall` only when the till is idle and someone agreed.
 *
 * Staged rollout: electron-updater compares the feed's `stagingPercentage` with a random id it
 * keeps per install. Nothing here overrides `isUserWithinRollout`, allows downgrades or
 * pre-releases, so the rollout decided on the server is the one the till follows.
 */
export function createElectronUpdater(options: { logger: Logger; updater?: AppUpdater }): UpdaterPort {
  const updater = options.updater ?? autoUpdater;
  const { logger } = options;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false; // the policy turns it on when installing on quit is safe
  updater.autoRunAppAfterInstall = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.fullChangelog = false;
  updater.logger = {
    info: (m?: unknown) => logger.info('updater.log', { message: String(m) }),
    warn: (m?: unknown) => logger.warn('updater.log', { message: String(m) }),
    error: (m?: unknown) => logger.error('updater.log', { message: String(m) }),
    debug: () => {},
  };

  const events = loggedEmitter<UpdaterEvent>(logger, 'updater.listener_failed');
  const emit = (e: UpdaterEvent) => events.emit(e);
  updater.on('checking-for-update', () => emit({ type: 'checking' }));
  updater.on('update-available', (info: UpdateInfo) => emit({ type: 'available', version: info.version }));
  updater.on('update-not-available', () => emit({ type: 'not-available' }));
  updater.on('download-progress', (p: ProgressInfo) => emit({ type: 'progress', percent: p.percent }));
  updater.on('update-downloaded', (e: UpdateDownloadedEvent) => emit({ type: 'downloaded', version: e.version }));
  updater.on('error', (err: Error, message?: string) => emit({ type: 'error', message: message ?? err?.message ?? String(err) }));

  return {
    async checkForUpdates() {
      // Not packaged (npm start, tests): there is no app-update.yml and nothing to update.
      if (!app.isPackaged || !updater.isUpdaterActive()) {
        logger.info('update.check_skipped', { reason: 'not a packaged app' });
        emit({ type: 'not-available' });
        return;
      }
      const problem = updateFeedProblem(await packagedFeedUrl());
      if (problem) {
        logger.error('update.feed_refused', { message: problem });
        emit({ type: 'error', message: problem });
        return;
      }
      await updater.checkForUpdates();
    },
    setInstallOnQuit(on) {
      updater.autoInstallOnAppQuit = on;
    },
    quitAndInstall() {
      // Silent (no installer wizard in front of the cashier), and start Checkstand again after.
      updater.quitAndInstall(true, true);
    },
    on: (listener) => events.on(listener),
  };
}

/** The feed baked into the packaged app (electron-updater reads the same file). */
async function packagedFeedUrl(): Promise<string | undefined> {
  const text = await readFile(join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(() => '');
  return feedUrlFromUpdateConfig(text);
}

/**
 * What electron/host/electron/main.ts passes to `compose({ updates })`. Keep the returned policy:
 * call `policy.onQuit()` from `app.on('will-quit')` (after the quit guard let the app quit) and
 * `policy.refresh()` when settings change.
 */
export function createElectronUpdates(ctx: ServiceContext, env: NodeJS.ProcessEnv = process.env): UpdatePolicy {
  const policy = createUpdatePolicy({
    updater: createElectronUpdater({ logger: ctx.logger }),
    clock: systemClock,
    isBusy: () => {
      const core = ctx.core();
      return { paymentInFlight: core.hasPaymentInFlight(), voidAlertOpen: core.hasOpenAlerts() };
    },
    settings: () => ctx.settings.current(),
    env,
    logger: ctx.logger,
  });
  ctx.settings.onChange(() => policy.refresh());
  policy.start();
  return policy;
}
