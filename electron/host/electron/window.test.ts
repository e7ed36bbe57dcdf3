import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

const constructed: BrowserWindowConstructorOptions[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: BrowserWindowConstructorOptions) {
      constructed.push(options);
    }
    once() {}
  },
}));

const { createMainWindow, devToolsAllowed } = await import('./window');

describe('main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security on', () => {
    createMainWindow('/app/dist/electron/preload.cjs', { devTools: false, kiosk: false });
    const prefs = constructed.at(-1)!.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Nothing that would weaken the above may sneak in.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(constructed.at(-1)!.show).toBe(false);
  });

  it('has DevTools only when asked for (development, or the documented support flag)', () => {
    createMainWindow('/p.cjs', { devTools: false, kiosk: false });
    expect(constructed.at(-1)!.webPreferences!.devTools).toBe(false);
    createMainWindow('/p.cjs', { devTools: true, kiosk: false });
    expect(constructed.at(-1)!.webPreferences!.devTools).toBe(true);
  });

  it('opens full screen without window controls in kiosk mode only', () => {
    createMainWindow('/p.cjs', { devTools: false, kiosk: true });
    expect(constructed.at(-1)).toMatchObject({ kiosk: true, fullscreen: true });
    createMainWindow('/p.cjs', { devTools: false, kiosk: false });
    expect(constructed.at(-1)).toMatchObject({ kiosk: false, fullscreen: false });
  });
});

describe('DevTools policy', () => {
  it('is off in a packaged app unless store IT sets the support flag', () => {
    expect(devToolsAllowed({ isPackaged: true, env: {} })).toBe(false);
    expect(devToolsAllowed({ isPackaged: true, env: { CHECKSTAND_SUPPORT_DEVTOOLS: '0' } })).toBe(false);
    expect(devToolsAllowed({ isPackaged: true, env: { CHECKSTAND_SUPPORT_DEVTOOLS: '1' } })).toBe(true);
    expect(devToolsAllowed({ isPackaged: false, env: {} })).toBe(true);
  });
});
