import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../core/log/logger';
import type { Settings } from '../../core/ports';
import { applyTillMode } from './till-mode';

function setup(options: { platform: NodeJS.Platform; isPackaged?: boolean; kiosk?: boolean; startAtLogin?: boolean }) {
  let settings = { kiosk: options.kiosk ?? false, startAtLogin: options.startAtLogin ?? false } as Settings;
  const listeners: ((s: Settings) => void)[] = [];
  const app = { isPackaged: options.isPackaged ?? true, setLoginItemSettings: vi.fn() };
  let kiosk = options.kiosk ?? false;
  const window = { setKiosk: vi.fn((on: boolean) => void (kiosk = on)), isKiosk: () => kiosk, isDestroyed: () => false };
  const logger = createMemoryLogger();
  applyTillMode({
    app,
    getWindow: () => window as never,
    settings: { current: () => settings, onChange: (l) => (listeners.push(l), () => {}) },
    logger,
    platform: options.platform,
  });
  const change = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    listeners.forEach((l) => l(settings));
  };
  return { app, window, logger, change };
}

describe('dedicated-till mode: start at login and kiosk', () => {
  it.each(['win32', 'darwin'] as const)('registers or removes the login item on %s as the setting says', (platform) => {
    const { app, change } = setup({ platform, startAtLogin: true });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
    change({ startAtLogin: false });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
  });

  it('does not register the development binary (npm start) as a login item', () => {
    const { app } = setup({ platform: 'win32', isPackaged: false, startAtLogin: true });
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it("on Linux says that the desktop's autostart is the way, instead of pretending", () => {
    const { app, logger } = setup({ platform: 'linux', startAtLogin: true });
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(logger.lines.find((l) => l.event === 'till.login_item_unsupported')).toMatchObject({ level: 'warn' });
  });

  it('turns kiosk on and off on the open window when the setting changes', () => {
    const { window, change } = setup({ platform: 'win32' });
    change({ kiosk: true });
    expect(window.setKiosk).toHaveBeenLastCalledWith(true);
    change({ kiosk: false });
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
  });
});
