import { BrowserWindow } from 'electron';

/**
 * The main window. The options are written literally inside `new BrowserWindow({...})` so that
 * Electronegativity (which reads the call site) sees every security flag, and a unit test pins
 * exactly what the constructor receives (Electron security checklist: isolation, sandbox, no
 * Node, web security on, no middle-click auxclick).
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
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
      devTools: true,
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
