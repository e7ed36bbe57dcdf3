import { BrowserWindow } from 'electron';

/**
 * The main window. The options are written literally inside `new BrowserWindow({...})` so that
 * Electronegativity (which reads the call site) sees every security flag, and a unit test pins
 * exactly what the constructor receives (Electron security checklist: isolation, sandbox, no
 * Node, web security on, no middle-click auxclick).
 */
export interface MainWindowOptions {
  /** `devToolsAllowed()`: never in a packaged app unless store IT set the support flag. */
  devTools: boolean;
  /** Dedicated till (the `kiosk` setting): full screen, no window controls. */
  kiosk: boolean;
}

export function createMainWindow(preloadPath: string, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Checkstand',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // Our own single-file preload, sandboxed, exposing only the contract's named functions.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  // Shown once painted: no white flash, and never shown before the CSP'd page is there.
  window.once('ready-to-show', () => window.show());
  return window;
}

/** A second launch brings the running till to the front instead of opening another. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Store IT's support flag: lets a technician open DevTools on a packaged till (README "Security"). */
export const SUPPORT_DEVTOOLS_ENV = 'CHECKSTAND_SUPPORT_DEVTOOLS';

/** A curious customer at the counter gets no DevTools: off in packaged builds unless the flag is set. */
export function devToolsAllowed(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): boolean {
  return !options.isPackaged || options.env[SUPPORT_DEVTOOLS_ENV] === '1';
}
