import { describe, expect, it, vi } from 'vitest';

const constructed: unknown[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      constructed.push(options);
    }
    once() {}
  },
}));

const { mainWindowOptions, createMainWindow } = await import('./window');

describe('main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security on', () => {
    const prefs = mainWindowOptions('/app/dist/electron/preload.cjs').webPreferences!;
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
    });
    // Nothing that would weaken the above may sneak in.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('creates the window with exactly those options', () => {
    createMainWindow('/p.cjs');
    expect(constructed.at(-1)).toEqual(mainWindowOptions('/p.cjs'));
  });
});
