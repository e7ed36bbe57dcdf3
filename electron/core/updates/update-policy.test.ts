import { describe, expect, it } from 'vitest';
import type { UpdateView } from '../../../shared/ipc';
import type { Logger } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { createUpdatePolicy, type BusyState, type UpdatePolicyOptions } from './update-policy';
import type { UpdaterEvent, UpdaterPort } from './updater-port';

/**
 * The update policy against a fake updater (what electron-updater would report) and a fake clock.
 * The fake records what the policy asked electron-updater to do: check, install now, install on quit.
 */
class FakeUpdater implements UpdaterPort {
  checks = 0;
  installs = 0;
  installOnQuit: boolean | undefined;
  failNextCheck: Error | undefined;
  private listeners = new Set<(e: UpdaterEvent) => void>();

  async checkForUpdates(): Promise<void> {
    this.checks++;
    if (this.failNextCheck) {
      const err = this.failNextCheck;
      this.failNextCheck = undefined;
      throw err;
    }
  }
  setInstallOnQuit(on: boolean): void {
    this.installOnQuit = on;
  }
  quitAndInstall(): void {
    this.installs++;
  }
  on(listener: (e: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: UpdaterEvent): void {
    for (const l of this.listeners) l(event);
  }
  /** A full background download of `version`, as electron-updater reports it. */
  deliver(version: string): void {
    this.emit({ type: 'checking' });
    this.emit({ type: 'available', version });
    this.emit({ type: 'progress', percent: 12.4 });
    this.emit({ type: 'progress', percent: 57.6 });
    this.emit({ type: 'downloaded', version });
  }
}

function setup(overrides: Partial<UpdatePolicyOptions> & { enabled?: boolean } = {}) {
  const updater = new FakeUpdater();
  const clock = new FakeClock();
  const state: BusyState = { paymentInFlight: false, voidAlertOpen: false };
  const settings = { updatesEnabled: overrides.enabled ?? true };
  const logs: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (event, fields) => logs.push({ level: 'info', event, fields }),
    warn: (event, fields) => logs.push({ level: 'warn', event, fields }),
    error: (event, fields) => logs.push({ level: 'error', event, fields }),
  };
  const policy = createUpdatePolicy({
    updater,
    clock,
    isBusy: () => ({ ...state }),
    settings: () => settings,
    env: {},
    logger,
    firstCheckDelayMs: 30_000,
    idlePollMs: 1_000,
    ...overrides,
  });
  const views: UpdateView[] = [];
  policy.onChange((v) => views.push(v));
  return { updater, clock, state, settings, logs, policy, views };
}

describe('update policy: schedule', () => {
  it('checks shortly after start and then every 4 hours', () => {
    const { updater, clock, policy } = setup();
    policy.start();
    clock.advance(29_999);
    expect(updater.checks).toBe(0);
    clock.advance(1);
    expect(updater.checks).toBe(1);
    clock.advance(4 * 3600_000 - 1);
    expect(updater.checks).toBe(1);
    clock.advance(1);
    expect(updater.checks).toBe(2);
    clock.advance(8 * 3600_000);
    expect(updater.checks).toBe(4);
    policy.stop();
    clock.advance(24 * 3600_000);
    expect(updater.checks).toBe(4);
  });

  it('shows available, downloading with percent, then ready', () => {
    const { updater, policy, views } = setup();
    policy.start();
    updater.deliver('1.2.0');
    const phases = views.map((v) => [v.phase, v.version, v.percent]);
    expect(phases).toEqual([
      ['idle', undefined, undefined],
      ['checking', undefined, undefined],
      ['available', '1.2.0', undefined],
      ['downloading', '1.2.0', 12],
      ['downloading', '1.2.0', 58],
      ['ready', '1.2.0', undefined],
    ]);
    expect(policy.view()).toEqual({ phase: 'ready', version: '1.2.0', blockedBy: [] });
  });

  it('a till outside the staged rollout hears "no update" and stays idle (nothing overrides it)', () => {
    const { updater, clock, policy } = setup();
    policy.start();
    clock.advance(30_000);
    updater.emit({ type: 'checking' });
    updater.emit({ type: 'not-available' });
    expect(policy.view()).toEqual({ phase: 'idle', blockedBy: [] });
    expect(updater.installs).toBe(0);
  });
});

describe('update policy: never during a payment or an open void alert', () => {
  it('agreement given during a payment waits, then installs once the payment is over', () => {
    const { updater, clock, state, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    state.paymentInFlight = true;
    expect(policy.view().blockedBy).toEqual(['payment_in_flight']);

    return policy.installNow().then((v) => {
      expect(updater.installs).toBe(0);
      expect(v.phase).toBe('ready');
      expect(v.blockedBy).toEqual(['payment_in_flight']);
      expect(v.message).toMatch(/as soon as the till is free/);
      clock.advance(60_000);
      expect(updater.installs).toBe(0);

      state.paymentInFlight = false;
      clock.advance(1_000);
      expect(updater.installs).toBe(1);
    });
  });

  it('an unacknowledged void alert blocks installing until it is acknowledged', async () => {
    const { updater, clock, state, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    state.voidAlertOpen = true;
    await policy.installNow();
    clock.advance(10 * 60_000);
    expect(updater.installs).toBe(0);
    expect(policy.view().blockedBy).toEqual(['void_alert_open']);
    state.voidAlertOpen = false;
    policy.refresh();
    expect(updater.installs).toBe(1);
  });

  it('does not install on quit while a payment is in flight or an alert is open', () => {
    const { updater, state, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    expect(updater.installOnQuit).toBe(true);
    state.paymentInFlight = true;
    expect(policy.onQuit()).toEqual({ installOnQuit: false });
    expect(updater.installOnQuit).toBe(false);
    expect(updater.installs).toBe(0);
  });

  it('when the core cannot say whether it is busy, it counts as busy', async () => {
    const { updater, clock, policy } = setup({
      isBusy: () => {
        throw new Error('core not created yet');
      },
    });
    policy.start();
    updater.deliver('1.2.0');
    await policy.installNow();
    clock.advance(10_000);
    expect(updater.installs).toBe(0);
    expect(policy.onQuit()).toEqual({ installOnQuit: false });
  });
});

describe('update policy: installs when it may', () => {
  it('installs at once after agreement when the till is idle', async () => {
    const { updater, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    const v = await policy.installNow();
    expect(updater.installs).toBe(1);
    expect(v).toMatchObject({
      message: expect.stringMatching(/Installing 1\.2\.0/),
      messageMsg: { key: 'core.update.installing', values: { version: '1.2.0' } },
    });
  });

  it('never installs without agreement while running, however long it waits', () => {
    const { updater, clock, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    clock.advance(48 * 3600_000);
    expect(updater.installs).toBe(0);
    expect(policy.view().phase).toBe('ready');
  });

  it('installs on quit when a downloaded update waits and the till is idle', () => {
    const { updater, policy } = setup();
    policy.start();
    expect(updater.installOnQuit).toBe(false);
    updater.deliver('1.2.0');
    expect(policy.onQuit()).toEqual({ installOnQuit: true });
    expect(updater.installOnQuit).toBe(true);
  });

  it('asking to install with nothing downloaded installs nothing and says so', async () => {
    const { updater, policy } = setup();
    policy.start();
    const v = await policy.installNow();
    expect(updater.installs).toBe(0);
    expect(v).toMatchObject({ message: 'No update is ready to install yet.', messageMsg: { key: 'core.update.none_ready' } });
  });
});

describe('update policy: kill switch', () => {
  it('CHECKSTAND_UPDATES=off: never checks, never installs, shows disabled', async () => {
    const { updater, clock, policy } = setup({ env: { CHECKSTAND_UPDATES: 'off' } });
    policy.start();
    clock.advance(24 * 3600_000);
    expect(updater.checks).toBe(0);
    await policy.checkNow();
    expect(updater.checks).toBe(0);
    const off = { key: 'core.update.off_env', values: { variable: 'CHECKSTAND_UPDATES', value: 'off' } };
    expect(policy.view()).toEqual({ phase: 'disabled', message: 'Updates are turned off (CHECKSTAND_UPDATES=off).', messageMsg: off, blockedBy: [] });
    expect(policy.onQuit()).toEqual({ installOnQuit: false });
  });

  it('the setting turns updates off, even for an update already downloaded', async () => {
    const { updater, clock, settings, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    settings.updatesEnabled = false;
    policy.refresh();
    expect(policy.view().phase).toBe('disabled');
    expect(updater.installOnQuit).toBe(false);
    await policy.installNow();
    expect(updater.installs).toBe(0);
    const before = updater.checks;
    clock.advance(8 * 3600_000);
    expect(updater.checks).toBe(before);
  });

  it('switching the setting back on checks soon and resumes the schedule', () => {
    const { updater, clock, settings, policy } = setup({ enabled: false });
    policy.start();
    clock.advance(3600_000);
    expect(updater.checks).toBe(0);
    expect(policy.view().phase).toBe('disabled');
    settings.updatesEnabled = true;
    policy.refresh();
    expect(policy.view().phase).toBe('idle');
    clock.advance(30_000);
    expect(updater.checks).toBe(1);
    clock.advance(4 * 3600_000);
    expect(updater.checks).toBe(2);
  });

  it('turning updates off cancels an agreement that was waiting for the till', async () => {
    const { updater, clock, state, settings, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    state.paymentInFlight = true;
    await policy.installNow();
    settings.updatesEnabled = false;
    state.paymentInFlight = false;
    clock.advance(5_000);
    expect(updater.installs).toBe(0);
  });
});

describe('update policy: errors', () => {
  it('a failed check is logged and shown, never thrown, and the next check still happens', async () => {
    const { updater, clock, logs, policy } = setup();
    policy.start();
    updater.failNextCheck = new Error('getaddrinfo ENOTFOUND updates.example');
    clock.advance(30_000);
    await Promise.resolve();
    await Promise.resolve();
    const failed = { key: 'core.update.check_failed', values: { problem: 'getaddrinfo ENOTFOUND updates.example' } };
    expect(policy.view()).toMatchObject({ phase: 'error', message: 'Update check failed: getaddrinfo ENOTFOUND updates.example', messageMsg: failed });
    expect(policy.lastError()).toBe('getaddrinfo ENOTFOUND updates.example');
    expect(logs).toContainEqual({ level: 'error', event: 'update.error', fields: { message: 'getaddrinfo ENOTFOUND updates.example' } });
    clock.advance(4 * 3600_000);
    expect(updater.checks).toBe(2);
  });

  it('an error event during a download shows the error; a downloaded update survives a later error', () => {
    const { updater, policy } = setup();
    policy.start();
    updater.emit({ type: 'available', version: '1.2.0' });
    updater.emit({ type: 'progress', percent: 40 });
    updater.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(policy.view()).toMatchObject({ phase: 'error', message: 'Update check failed: sha512 checksum mismatch' });

    updater.deliver('1.2.1');
    updater.emit({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(policy.view()).toMatchObject({ phase: 'ready', version: '1.2.1' });
    expect(policy.lastError()).toBe('net::ERR_INTERNET_DISCONNECTED');
    expect(policy.onQuit()).toEqual({ installOnQuit: true });
  });

  it('an installer that fails to start is reported and the till keeps working', async () => {
    const { updater, policy } = setup();
    policy.start();
    updater.deliver('1.2.0');
    updater.quitAndInstall = () => {
      throw new Error('EACCES');
    };
    const v = await policy.installNow();
    expect(v.phase).toBe('ready');
    expect(policy.lastError()).toBe('Could not start the installer: EACCES');
  });

  it('a listener that throws does not stop the policy', () => {
    const { updater, policy } = setup();
    policy.onChange(() => {
      throw new Error('renderer gone');
    });
    policy.start();
    updater.deliver('1.2.0');
    expect(policy.view().phase).toBe('ready');
  });
});
