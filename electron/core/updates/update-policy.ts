import type { UpdateView } from '../../../shared/ipc';
import type { Clock, Logger, TimerHandle, UpdateService } from '../ports';
import type { UpdaterEvent, UpdaterPort } from './updater-port';
import { loggedEmitter } from '../log/logged-emitter';

/**
 * When Checkstand looks for, downloads and installs updates. A till must never restart in the
 * middle of a payment, never pester the cashier, and an update problem must never get in the way
 * of taking money:
 *
 * - checks shortly after start, then every 4 hours; electron-updater downloads in the background;
 * - installs only (a) when the app quits anyway, or (b) after a cashier or manager agreed
 *   (`installNow`), and in both cases only while no payment is in flight and no void alert waits;
 *   agreement given while busy is remembered and carried out as soon as the till is idle;
 * - kill switch: CHECKSTAND_UPDATES=off in the environment, or the `updatesEnabled` setting;
 * - staged rollout is electron-updater's `stagingPercentage` in the feed: the policy only asks
 *   "is there an update?" and never overrides the answer, so a till outside the rollout simply
 *   hears "no update";
 * - errors are logged and shown (phase "error", diagnostics); they never throw into the caller.
 */

export interface BusyState {
  paymentInFlight: boolean;
  voidAlertOpen: boolean;
}

export interface UpdatePolicyOptions {
  updater: UpdaterPort;
  clock: Clock;
  isBusy: () => BusyState;
  settings: () => { updatesEnabled: boolean };
  env?: Record<string, string | undefined>;
  logger: Logger;
  /** First check after `start()` (default 30 s: after the window is up and the gateway connected). */
  firstCheckDelayMs?: number;
  /** Between checks (default 4 hours). */
  checkIntervalMs?: number;
  /** While agreement waits for the till to be idle, how often to look again (default 2 s). */
  idlePollMs?: number;
}

export interface UpdatePolicy extends UpdateService {
  /** Starts the check schedule. */
  start(): void;
  /** Stops every timer (app shutdown, tests). */
  stop(): void;
  /** Re-reads settings and the busy state (call on settings change); emits a change if any. */
  refresh(): void;
  /** Check now (diagnostics "Check for updates"); no-op when disabled. */
  checkNow(): Promise<void>;
  /** The app is quitting: decides whether a downloaded update installs now. Also stops timers. */
  onQuit(): { installOnQuit: boolean };
  /** The last update error, for diagnostics, even after a later state replaced it. */
  lastError(): string | undefined;
}

export const UPDATES_ENV = 'CHECKSTAND_UPDATES';
const OFF_VALUES = new Set(['off', '0', 'false', 'no', 'disabled']);
const HOURS = 60 * 60 * 1000;

/** True when the environment's kill switch is thrown (CHECKSTAND_UPDATES=off|0|false|no|disabled). */
export function killSwitchOn(env: Record<string, string | undefined> | undefined): boolean {
  const v = env?.[UPDATES_ENV];
  return v !== undefined && OFF_VALUES.has(v.trim().toLowerCase());
}

type Phase = UpdateView['phase'];

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { updater, clock, logger } = options;
  const firstCheckDelayMs = options.firstCheckDelayMs ?? 30_000;
  const checkIntervalMs = options.checkIntervalMs ?? 4 * HOURS;
  const idlePollMs = options.idlePollMs ?? 2_000;

  let phase: Exclude<Phase, 'disabled'> = 'idle';
  let version: string | undefined;
  let percent: number | undefined;
  let message: string | undefined;
  let lastError: string | undefined;
  /** A downloaded update waits; survives later check errors (the download is still on disk). */
  let readyVersion: string | undefined;
  /** A cashier or manager agreed to install; carried out when the till is idle. */
  let consented = false;
  let installing = false;
  let started = false;
  let checkTimer: TimerHandle | undefined;
  let idleTimer: TimerHandle | undefined;
  const changes = loggedEmitter<UpdateView>(logger, 'update.listener_failed');
  let lastEmitted = '';
  /** Whether updates were off at the last start/refresh, to notice them being switched back on. */
  let wasOff = false;

  function disabledReason(): string | undefined {
    if (killSwitchOn(options.env)) return `Updates are turned off (${UPDATES_ENV}=${options.env?.[UPDATES_ENV]}).`;
    try {
      if (!options.settings().updatesEnabled) return 'Updates are turned off in Settings.';
    } catch (err) {
      logger.error('update.settings_unreadable', { error: String(err) });
      return 'Updates are paused: the settings could not be read.';
    }
    return undefined;
  }

  /** Unknown is busy: if the core cannot answer, installing is not safe. */
  function busy(): BusyState {
    try {
      const b = options.isBusy();
      return { paymentInFlight: !!b.paymentInFlight, voidAlertOpen: !!b.voidAlertOpen };
    } catch (err) {
      logger.warn('update.busy_state_unknown', { error: String(err) });
      return { paymentInFlight: true, voidAlertOpen: true };
    }
  }

  function blockedBy(b: BusyState = busy()): UpdateView['blockedBy'] {
    const reasons: UpdateView['blockedBy'] = [];
    if (b.paymentInFlight) reasons.push('payment_in_flight');
    if (b.voidAlertOpen) reasons.push('void_alert_open');
    return reasons;
  }

  function view(): UpdateView {
    const off = disabledReason();
    if (off) return { phase: 'disabled', message: off, blockedBy: [] };
    const v: UpdateView = { phase, blockedBy: phase === 'ready' ? blockedBy() : [] };
    if (version !== undefined) v.version = version;
    if (percent !== undefined && phase === 'downloading') v.percent = percent;
    if (message !== undefined) v.message = message;
    return v;
  }

  function emit(): void {
    const v = view();
    const key = JSON.stringify(v);
    if (key === lastEmitted) return;
    lastEmitted = key;
    changes.emit(v);
  }

  /** Keeps electron-updater's install-on-quit in line with the policy at every change. */
  function syncInstallOnQuit(): boolean {
    const allowed = readyVersion !== undefined && !disabledReason() && blockedBy().length === 0;
    try {
      updater.setInstallOnQuit(allowed);
    } catch (err) {
      logger.error('update.set_install_on_quit_failed', { error: String(err) });
    }
    return allowed;
  }

  function onError(text: string): void {
    lastError = text;
    logger.error('update.error', { message: text });
    if (readyVersion !== undefined) {
      // The downloaded update is still good: stay ready, keep the error for diagnostics.
      phase = 'ready';
      version = readyVersion;
      message = `Update ${readyVersion} is ready. (A later check failed: ${text})`;
    } else {
      phase = 'error';
      percent = undefined;
      message = `Update check failed: ${text}`;
    }
  }

  function onEvent(event: UpdaterEvent): void {
    if (installing) return;
    switch (event.type) {
      case 'checking':
        if (readyVersion === undefined) {
          phase = 'checking';
          message = undefined;
        }
        break;
      case 'not-available':
        if (readyVersion === undefined) {
          phase = 'idle';
          version = undefined;
          message = undefined;
        }
        break;
      case 'available':
        if (readyVersion !== event.version) {
          phase = 'available';
          version = event.version;
          percent = 0;
          message = undefined;
        }
        break;
      case 'progress':
        if (phase === 'available' || phase === 'downloading') {
          phase = 'downloading';
          percent = Math.max(0, Math.min(100, Math.round(event.percent)));
        }
        break;
      case 'downloaded':
        readyVersion = event.version;
        phase = 'ready';
        version = event.version;
        percent = undefined;
        message = undefined;
        logger.info('update.ready', { version: event.version });
        break;
      case 'error':
        onError(event.message);
        break;
    }
    syncInstallOnQuit();
    if (consented) tryInstall();
    emit();
  }

  const unsubscribe = updater.on((event) => {
    try {
      onEvent(event);
    } catch (err) {
      logger.error('update.event_failed', { error: String(err) });
    }
  });

  async function check(): Promise<void> {
    if (disabledReason() || installing) return;
    try {
      await updater.checkForUpdates();
    } catch (err) {
      onEvent({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  function scheduleCheck(delayMs: number): void {
    clock.clearTimeout(checkTimer);
    checkTimer = clock.setTimeout(() => {
      checkTimer = undefined;
      if (!started) return;
      void check();
      scheduleCheck(checkIntervalMs);
    }, delayMs);
  }

  function stopIdleWait(): void {
    clock.clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  /** Installs if agreed, ready, enabled and idle; otherwise keeps looking while agreement stands. */
  function tryInstall(): void {
    if (!consented || installing) return;
    if (readyVersion === undefined || disabledReason()) {
      consented = false;
      stopIdleWait();
      return;
    }
    const reasons = blockedBy();
    if (reasons.length > 0) {
      if (!idleTimer) {
        idleTimer = clock.setTimeout(() => {
          idleTimer = undefined;
          tryInstall();
          emit();
        }, idlePollMs);
      }
      return;
    }
    stopIdleWait();
    installing = true;
    logger.info('update.installing', { version: readyVersion });
    message = `Installing ${readyVersion}: Checkstand restarts in a moment.`;
    try {
      updater.quitAndInstall();
    } catch (err) {
      installing = false;
      consented = false;
      onError(`Could not start the installer: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return {
    view,

    async installNow() {
      const off = disabledReason();
      if (off) return view();
      if (readyVersion === undefined) {
        const v = view();
        return { ...v, message: v.message ?? 'No update is ready to install yet.' };
      }
      consented = true;
      logger.info('update.consent', { version: readyVersion, blockedBy: blockedBy() });
      tryInstall();
      emit();
      const v = view();
      if (!installing && v.blockedBy.length > 0) {
        return { ...v, message: `Update ${readyVersion} installs as soon as the till is free.` };
      }
      return v;
    },

    onChange: (listener) => changes.on(listener),

    start() {
      if (started) return;
      started = true;
      wasOff = disabledReason() !== undefined;
      syncInstallOnQuit();
      if (disabledReason()) logger.info('update.disabled', { reason: disabledReason() });
      // Scheduled even when disabled: the setting may be switched back on while the app runs.
      scheduleCheck(firstCheckDelayMs);
      emit();
    },

    stop() {
      started = false;
      clock.clearTimeout(checkTimer);
      checkTimer = undefined;
      stopIdleWait();
    },

    refresh() {
      const off = disabledReason() !== undefined;
      // Switched back on: look soon rather than at the next 4-hour tick.
      if (started && wasOff && !off) scheduleCheck(firstCheckDelayMs);
      wasOff = off;
      syncInstallOnQuit();
      if (consented) tryInstall();
      emit();
    },

    checkNow: check,

    onQuit() {
      const installOnQuit = syncInstallOnQuit();
      if (readyVersion !== undefined) {
        logger.info('update.on_quit', { version: readyVersion, installOnQuit, blockedBy: blockedBy(), disabled: disabledReason() ?? false });
      }
      started = false;
      clock.clearTimeout(checkTimer);
      stopIdleWait();
      unsubscribe();
      return { installOnQuit };
    },

    lastError: () => lastError,
  };
}
