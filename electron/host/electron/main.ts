import { join } from 'node:path';
import { BrowserWindow, Menu, app, crashReporter, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { createPosCore } from '../../core/pos-core';
import { systemClock } from '../../core/ports';
import { startSimulator } from '../demo-mode';
import { compose, type Composition } from '../compose';
import { APP_ENTRY_URL, installAppProtocol, registerAppScheme } from './app-protocol';
import { forwardEvents, registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { watchPowerAndNetwork } from './power';
import { installProcessErrorHandlers, restartAfterError, startCrashReporter } from './process-errors';
import { tillLocale } from '../../core/i18n/till-locale';
import { installQuitGuard } from './quit-guard';
import { createElectronReceipts } from './printing-receipts';
import { recoveryPageUrl } from './recovery-page';
import { RECOVERY_LIMITS, watchRenderer } from './renderer-watchdog';
import { createSafeStorageVault } from './safe-storage-vault';
import { applyTillMode } from './till-mode';
import { createElectronUpdates } from './updater';
import type { UpdatePolicy } from '../../core/updates';
import { denyPermissions, hardenWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, devToolsAllowed, focusWindow } from './window';

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
  // Before anything else can crash: minidumps go to <data>/crash-dumps and nowhere else.
  const crashDumpDir = startCrashReporter({ app, crashReporter, dataDir });
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
        osLocale: app.getSystemLocale(),
        dataDir,
        crashDumpDir,
        vault: createSafeStorageVault(safeStorage),
        echoLog: !app.isPackaged,
        createCore: createPosCore,
        startSimulator,
        receipts: (ctx) => createElectronReceipts(ctx, { BrowserWindow }),
        updates: (ctx) => (updates = createElectronUpdates(ctx)),
      });
      const running = composition;
      installProcessErrorHandlers({ process, app, logger: running.logger, flush: () => running.stop(), dataDir, clock: systemClock });
      await openTill(running);
      const restarted = restartAfterError(dataDir, running.logger);
      if (restarted && window) void dialog.showMessageBox(window, restartNotice(restarted.at));
    })
    .catch((error: Error) => {
      composition?.logger.error('app.start_failed', { message: error.message });
      dialog.showErrorBox('Checkstand could not start', error.message);
      app.exit(1);
    });
}

async function openTill(composition: Composition): Promise<void> {
  const { core, logger, settings } = composition;
  installAppMenu(Menu, process.platform, tillLocale(() => settings.current(), app.getSystemLocale())());
  // Every web contents ever created (including any a bug might open) is locked down first.
  app.on(
    'web-contents-created',
    (_event, contents) =>
      // hardenWebContents only ever passes loopback http URLs (the demo control page) to openExternal.
      hardenWebContents(contents, { logger, openExternal: (url) => void shell.openExternal(url) }), // eng-disable OPEN_EXTERNAL_JS_CHECK
  );
  denyPermissions(session.defaultSession, logger);
  installAppProtocol(protocol, rendererDir);
  registerIpc(ipcMain, core, logger);

  const till = createMainWindow(preloadPath, { devTools: devToolsAllowed({ isPackaged: app.isPackaged, env: process.env }), kiosk: settings.current().kiosk });
  window = till;
  forwardEvents(core, till.webContents);
  watchRenderer({
    contents: till.webContents,
    clock: systemClock,
    logger,
    entryUrl: APP_ENTRY_URL,
    // Void alerts come from the core, not the crashed page: rule 6 holds on the recovery screen.
    showRecovery: async () => {
      const snapshot = await core.invoke('getSnapshot', {});
      const alerts = snapshot.ok ? snapshot.value.alerts : [];
      const locale = snapshot.ok ? snapshot.value.app.locale : undefined;
      await till.loadURL(
        recoveryPageUrl({ alerts, logDir: composition.appInfo.logDir, retryInMinutes: RECOVERY_LIMITS.retryAfterMs / 60_000, ...(locale ? { locale } : {}) }),
      );
    },
  });
  applyTillMode({ app, getWindow: () => window, settings, logger });
  // Quitting stops the core (socket closed, journal flushed) and then the demo simulator.
  const guard = installQuitGuard({
    app,
    dialog,
    core: { hasPaymentInFlight: () => core.hasPaymentInFlight(), stop: () => composition.stop() },
    getWindow: () => window,
    logger,
    locale: tillLocale(() => settings.current(), app.getSystemLocale()),
  });
  till.on('close', (event) => guard.onWindowClose(event));
  till.on('closed', () => {
    window = undefined;
  });
  watchPowerAndNetwork({ powerMonitor, isOnline: () => net.isOnline(), core });
  await till.loadURL(APP_ENTRY_URL);
}

function restartNotice(at: number): Electron.MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Checkstand restarted',
    message: `Checkstand restarted itself after an unexpected error at ${new Date(at).toLocaleTimeString()}.`,
    detail: 'If a payment was in progress, check its result on the terminal and in History. Diagnostics lists the error for support.',
    buttons: ['OK'],
    noLink: true,
  };
}
