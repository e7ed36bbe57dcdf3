import type { UpdateView } from '../../../shared/ipc';
import type { Emitter } from '../../../shared/emitter';
import { loggedEmitter } from '../log/logged-emitter';
import type { Clock, Logger, TimerHandle, UpdateService } from '../ports';
import { UpdateGates, type BusyState } from './update-gates';
import { said, UpdateProgress } from './update-progress';
import { english } from '../i18n/english';
import { msg } from '../../../shared/i18n/message';
import type { UpdaterEvent, UpdaterPort } from './updater-port';

export { killSwitchOn, UPDATES_ENV, type BusyState } from './update-gates';

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

const HOURS = 60 * 60 * 1000;

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  return new Policy(options);
}

class Policy implements UpdatePolicy {
  private readonly updater: UpdaterPort;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly firstCheckDelayMs: number;
  private readonly checkIntervalMs: number;
  private readonly idlePollMs: number;
  private readonly gates: UpdateGates;
  private readonly progress: UpdateProgress;
  private readonly changes: Emitter<UpdateView>;
  private readonly unsubscribe: () => void;
  /** A cashier or manager agreed to install; carried out when the till is idle. */
  private consented = false;
  private installing = false;
  private started = false;
  private checkTimer: TimerHandle | undefined;
  private idleTimer: TimerHandle | undefined;
  private lastEmitted = '';
  /** Whether updates were off at the last start/refresh, to notice them being switched back on. */
  private wasOff = false;

  constructor(options: UpdatePolicyOptions) {
    ({ updater: this.updater, clock: this.clock, logger: this.logger } = options);
    this.firstCheckDelayMs = options.firstCheckDelayMs ?? 30_000;
    this.checkIntervalMs = options.checkIntervalMs ?? 4 * HOURS;
    this.idlePollMs = options.idlePollMs ?? 2_000;
    this.gates = new UpdateGates(options);
    this.progress = new UpdateProgress(options.logger);
    this.changes = loggedEmitter(options.logger, 'update.listener_failed');
    this.unsubscribe = this.updater.on((event) => {
      try {
        this.onEvent(event);
      } catch (err) {
        this.logger.error('update.event_failed', { error: String(err) });
      }
    });
  }

  view = (): UpdateView => {
    const off = this.gates.disabledReason();
    return off ? { phase: 'disabled', ...said(off), blockedBy: [] } : this.progress.view(() => this.gates.blockedBy());
  };

  installNow = async (): Promise<UpdateView> => {
    const ready = this.progress.readyVersion;
    if (this.gates.disabledReason()) return this.view();
    if (ready === undefined) {
      const v = this.view();
      return v.message ? v : { ...v, ...said(msg('core.update.none_ready')) };
    }
    this.consented = true;
    this.logger.info('update.consent', { version: ready, blockedBy: this.gates.blockedBy() });
    this.tryInstall();
    this.emit();
    const v = this.view();
    if (!this.installing && v.blockedBy.length > 0) return { ...v, ...said(msg('core.update.installs_when_free', { version: ready })) };
    return v;
  };

  onChange = (listener: (view: UpdateView) => void): (() => void) => this.changes.on(listener);

  start = (): void => {
    if (this.started) return;
    this.started = true;
    const off = this.gates.disabledReason();
    this.wasOff = off !== undefined;
    this.syncInstallOnQuit();
    if (off) this.logger.info('update.disabled', { reason: english(off) });
    // Scheduled even when disabled: the setting may be switched back on while the app runs.
    this.scheduleCheck(this.firstCheckDelayMs);
    this.emit();
  };

  stop = (): void => {
    this.started = false;
    this.clock.clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
    this.stopIdleWait();
  };

  refresh = (): void => {
    const off = this.gates.disabledReason() !== undefined;
    // Switched back on: look soon rather than at the next 4-hour tick.
    if (this.started && this.wasOff && !off) this.scheduleCheck(this.firstCheckDelayMs);
    this.wasOff = off;
    this.syncInstallOnQuit();
    if (this.consented) this.tryInstall();
    this.emit();
  };

  checkNow = async (): Promise<void> => {
    if (this.gates.disabledReason() || this.installing) return;
    try {
      await this.updater.checkForUpdates();
    } catch (err) {
      this.onEvent({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  onQuit = (): { installOnQuit: boolean } => {
    const installOnQuit = this.syncInstallOnQuit();
    const ready = this.progress.readyVersion;
    if (ready !== undefined) {
      const off = this.gates.disabledReason();
      this.logger.info('update.on_quit', { version: ready, installOnQuit, blockedBy: this.gates.blockedBy(), disabled: off ? english(off) : false });
    }
    this.stop();
    this.unsubscribe();
    return { installOnQuit };
  };

  lastError = (): string | undefined => this.progress.lastError;

  private onEvent(event: UpdaterEvent): void {
    if (this.installing) return;
    this.progress.apply(event);
    this.syncInstallOnQuit();
    if (this.consented) this.tryInstall();
    this.emit();
  }

  private emit(): void {
    const v = this.view();
    const key = JSON.stringify(v);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.changes.emit(v);
  }

  /** Keeps electron-updater's install-on-quit in line with the policy at every change. */
  private syncInstallOnQuit(): boolean {
    const allowed = this.progress.readyVersion !== undefined && !this.gates.disabledReason() && this.gates.blockedBy().length === 0;
    try {
      this.updater.setInstallOnQuit(allowed);
    } catch (err) {
      this.logger.error('update.set_install_on_quit_failed', { error: String(err) });
    }
    return allowed;
  }

  private scheduleCheck(delayMs: number): void {
    this.clock.clearTimeout(this.checkTimer);
    this.checkTimer = this.clock.setTimeout(() => {
      this.checkTimer = undefined;
      if (!this.started) return;
      void this.checkNow();
      this.scheduleCheck(this.checkIntervalMs);
    }, delayMs);
  }

  private stopIdleWait(): void {
    this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Installs if agreed, ready, enabled and idle; otherwise keeps looking while agreement stands. */
  private tryInstall(): void {
    const ready = this.progress.readyVersion;
    if (!this.consented || this.installing) return;
    if (ready === undefined || this.gates.disabledReason()) {
      this.consented = false;
      this.stopIdleWait();
      return;
    }
    if (this.gates.blockedBy().length > 0) {
      this.idleTimer ??= this.clock.setTimeout(() => {
        this.idleTimer = undefined;
        this.tryInstall();
        this.emit();
      }, this.idlePollMs);
      return;
    }
    this.stopIdleWait();
    this.installing = true;
    this.logger.info('update.installing', { version: ready });
    this.progress.message = msg('core.update.installing', { version: ready });
    try {
      this.updater.quitAndInstall();
    } catch (err) {
      this.installing = false;
      this.consented = false;
      this.progress.fail(english(msg('core.update.installer_failed', { problem: err instanceof Error ? err.message : String(err) })));
    }
  }
}
