import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { createPosCore } from '../../core/pos-core';
import { startSimulator } from '../../../simulator/index';
import { compose, type Composition } from '../compose';
import { APP_ENTRY_URL, installAppProtocol, registerAppScheme } from './app-protocol';
import { forwardEvents, registerIpc } from './ipc';
import { watchPowerAndNetwork } from './power';
import { installQuitGuard } from './quit-guard';
import { createElectronReceipts } from './printing-receipts';
import { createSafeStorageVault } from './safe-storage-vault';
import { createElectronUpdates } from './updater';
import type { UpdatePolicy } from '../../core/updates';
import { denyPermissions, hardenWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, focusWindow } from './window';

/**
 * The Electron composition root: it only wires. Every decision lives in the module it names.
 * Built to dist/electron/main.cjs, next to preload.cjs; the renderer is dist/renderer.
 */
const distDir = join(__dirname, '..');
const preloadPath = join(__dirname, 'preload.cjs');
const rendererDir = join(distDir, 'renderer');

let window: BrowserWindow | undefined;

registerAppScheme(protocol);
app.enableSandbox();

if (claimSingleInstance(app, () => focusWindow(window))) {
  const dataDir = app.getPath('userData');
  let composition: Composition | undefined;
  let updates: UpdatePolicy | undefined;
  // 'will-quit', not 'before-quit': the quit guard may still refuse in before-quit, and the
  // policy only lets electron-updater install on quit when no payment or void alert is open.
  app.on('will-quit', () => updates?.onQuit());
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      composition = await compose({
        host: 'electron',
        version: app.getVersion(),
        dataDir,
        vault: createSafeStorageVault(safeStorage),
        echoLog: !app.isPackaged,
        createCore: createPosCore,
        startSimulator,
        receipts: (ctx) => createElectronReceipts(ctx, { BrowserWindow }),
        updates: (ctx) => (updates = createElectronUpdates(ctx)),
      });
      const { core, logger } = composition;
      // Every web contents ever created (including any a bug might open) is locked down first.
      app.on('web-contents-created', (_event, contents) =>
        // hardenWebContents only ever passes loopback http URLs (the demo control page) to openExternal.
        hardenWebContents(contents, { logger, openExternal: (url) => void shell.openExternal(url) }), // eng-disable OPEN_EXTERNAL_JS_CHECK
      );
      denyPermissions(session.defaultSession, logger);
      installAppProtocol(protocol, rendererDir);
      registerIpc(ipcMain, core, logger);

      window = createMainWindow(preloadPath);
      forwardEvents(core, window.webContents);
      const running = composition;
      // Quitting stops the core (socket closed, journal flushed) and then the demo simulator.
      const guard = installQuitGuard({
        app,
        dialog,
        core: { hasPaymentInFlight: () => core.hasPaymentInFlight(), stop: () => running.stop() },
        getWindow: () => window,
        logger,
      });
      window.on('close', (event) => guard.onWindowClose(event));
      window.on('closed', () => {
        window = undefined;
      });
      watchPowerAndNetwork({ powerMonitor, isOnline: () => net.isOnline(), core });
      await window.loadURL(APP_ENTRY_URL);
    })
    .catch((error: Error) => {
      composition?.logger.error('app.start_failed', { message: error.message });
      dialog.showErrorBox('Checkstand could not start', error.message);
      app.exit(1);
    });
}
