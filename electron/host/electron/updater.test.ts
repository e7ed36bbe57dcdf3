import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger, PosCore, Settings } from '../../core/ports';
import type { ServiceContext } from '../compose';
import type { UpdaterEvent } from '../../core/updates';

/** electron-updater's autoUpdater as far as the adapter uses it; the spies record what it was told. */
const fake = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    updater: undefined as unknown as Record<string, unknown> & {
      emit(event: string, ...args: unknown[]): boolean;
      checkForUpdates: ReturnType<typeof import('vitest').vi.fn>;
      quitAndInstall: ReturnType<typeof import('vitest').vi.fn>;
      isUpdaterActive: ReturnType<typeof import('vitest').vi.fn>;
    },
  };
  return state;
});

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return fake.isPackaged;
    },
  },
}));

vi.mock('electron-updater', () => ({
  get autoUpdater() {
    return fake.updater;
  },
}));

const { createElectronUpdater, createElectronUpdates } = await import('./updater');

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  const emitter = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    isUpdaterActive: vi.fn(() => true),
  });
  fake.updater = emitter as unknown as typeof fake.updater;
  fake.isPackaged = true;
  writeFeed('https://updates.checkstand.invalid/stable');
});

/** A packaged app's resources/app-update.yml, as electron-builder writes it. */
function writeFeed(url: string): void {
  const resources = mkdtempSync(join(tmpdir(), 'checkstand-resources-'));
  writeFileSync(join(resources, 'app-update.yml'), `provider: generic\nurl: ${url}\nchannel: latest\nupdaterCacheDirName: checkstand-updater\n`);
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
}

describe('electron-updater adapter', () => {
  it('downloads in the background and leaves installing on quit to the policy', () => {
    createElectronUpdater({ logger });
    expect(fake.updater.autoDownload).toBe(true);
    expect(fake.updater.autoInstallOnAppQuit).toBe(false);
    expect(fake.updater.allowDowngrade).toBe(false);
    expect(fake.updater.allowPrerelease).toBe(false);
  });

  it('does not touch the staged-rollout decision', () => {
    createElectronUpdater({ logger });
    expect(Object.keys(fake.updater)).not.toContain('isUserWithinRollout');
  });

  it('maps electron-updater events to the port', () => {
    const port = createElectronUpdater({ logger });
    const seen: UpdaterEvent[] = [];
    port.on((e) => seen.push(e));
    fake.updater.emit('checking-for-update');
    fake.updater.emit('update-available', { version: '1.3.0', files: [], path: '', sha512: '', releaseDate: '' });
    fake.updater.emit('download-progress', { percent: 42.5, bytesPerSecond: 1, total: 10, transferred: 4, delta: 1 });
    fake.updater.emit('update-downloaded', { version: '1.3.0', downloadedFile: '/tmp/x', files: [], path: '', sha512: '', releaseDate: '' });
    fake.updater.emit('update-not-available', { version: '1.3.0' });
    fake.updater.emit('error', new Error('HttpError: 404'), 'Cannot find latest.yml');
    expect(seen).toEqual([
      { type: 'checking' },
      { type: 'available', version: '1.3.0' },
      { type: 'progress', percent: 42.5 },
      { type: 'downloaded', version: '1.3.0' },
      { type: 'not-available' },
      { type: 'error', message: 'Cannot find latest.yml' },
    ]);
  });

  it('switches install-on-quit and installs silently, restarting the app', () => {
    const port = createElectronUpdater({ logger });
    port.setInstallOnQuit(true);
    expect(fake.updater.autoInstallOnAppQuit).toBe(true);
    port.quitAndInstall();
    expect(fake.updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('checks the feed in a packaged app', async () => {
    const port = createElectronUpdater({ logger });
    await port.checkForUpdates();
    expect(fake.updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('outside a packaged app it does not ask the feed and reports no update', async () => {
    fake.isPackaged = false;
    const port = createElectronUpdater({ logger });
    const seen: UpdaterEvent[] = [];
    port.on((e) => seen.push(e));
    await port.checkForUpdates();
    expect(fake.updater.checkForUpdates).not.toHaveBeenCalled();
    expect(seen).toEqual([{ type: 'not-available' }]);
  });

  it.each(['http://updates.checkstand.invalid/stable', 'http://10.0.0.5/feed', 'ftp://updates.checkstand.invalid/'])(
    'never asks a feed that is not HTTPS (%s): an error the Updates panel shows instead',
    async (url) => {
      writeFeed(url);
      const port = createElectronUpdater({ logger });
      const seen: UpdaterEvent[] = [];
      port.on((e) => seen.push(e));
      await port.checkForUpdates();
      expect(fake.updater.checkForUpdates).not.toHaveBeenCalled();
      expect(seen).toEqual([{ type: 'error', message: expect.stringMatching(/HTTPS/) as string }]);
    },
  );

  it('asks a plain-http feed on this machine only (release tests against a local server)', async () => {
    writeFeed('http://127.0.0.1:8765/feed');
    await createElectronUpdater({ logger }).checkForUpdates();
    expect(fake.updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('a failing check rejects (the policy turns it into an error state)', async () => {
    fake.updater.checkForUpdates.mockRejectedValueOnce(new Error('ENOTFOUND'));
    const port = createElectronUpdater({ logger });
    await expect(port.checkForUpdates()).rejects.toThrow('ENOTFOUND');
  });
});

describe('createElectronUpdates (what main.ts wires into compose)', () => {
  function context(busy: { payment: boolean; alert: boolean }, settings: { updatesEnabled: boolean }) {
    const settingsListeners: ((s: Settings) => void)[] = [];
    const core = { hasPaymentInFlight: () => busy.payment, hasOpenAlerts: () => busy.alert } as unknown as PosCore;
    const ctx = {
      logger,
      dataDir: '/tmp/x',
      core: () => core,
      settings: {
        current: () => settings as Settings,
        onChange: (l: (s: Settings) => void) => {
          settingsListeners.push(l);
          return () => {};
        },
      },
    } as unknown as ServiceContext;
    return { ctx, changeSettings: () => settingsListeners.forEach((l) => l(settings as Settings)) };
  }

  it('asks the core whether a payment or a void alert is open before installing', async () => {
    const busy = { payment: true, alert: false };
    const { ctx } = context(busy, { updatesEnabled: true });
    const policy = createElectronUpdates(ctx, {});
    fake.updater.emit('update-downloaded', { version: '2.0.0', downloadedFile: '/tmp/x', files: [], path: '', sha512: '', releaseDate: '' });
    const view = await policy.installNow();
    expect(view.blockedBy).toEqual(['payment_in_flight']);
    expect(fake.updater.quitAndInstall).not.toHaveBeenCalled();
    busy.payment = false;
    busy.alert = true;
    policy.refresh();
    expect(fake.updater.quitAndInstall).not.toHaveBeenCalled();
    busy.alert = false;
    policy.refresh();
    expect(fake.updater.quitAndInstall).toHaveBeenCalledWith(true, true);
    policy.onQuit();
  });

  it('follows the updatesEnabled setting when it changes', () => {
    const settings = { updatesEnabled: true };
    const { ctx, changeSettings } = context({ payment: false, alert: false }, settings);
    const policy = createElectronUpdates(ctx, {});
    fake.updater.emit('update-downloaded', { version: '2.0.0', downloadedFile: '/tmp/x', files: [], path: '', sha512: '', releaseDate: '' });
    expect(fake.updater.autoInstallOnAppQuit).toBe(true);
    settings.updatesEnabled = false;
    changeSettings();
    expect(fake.updater.autoInstallOnAppQuit).toBe(false);
    expect(policy.view().phase).toBe('disabled');
    policy.onQuit();
  });
});
