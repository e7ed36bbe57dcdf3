import type { App, BrowserWindow } from 'electron';
import type { Logger, SettingsService } from '../../core/ports';

/**
 * Settings for a dedicated till, set by store IT (provisioning file or environment):
 * `startAtLogin` registers Checkstand with the OS to start when the user signs in, `kiosk`
 * keeps it full screen without window controls (the window is created that way; a change is
 * applied to the open window). Only a packaged app registers a login item: `npm start` would
 * register the development Electron binary.
 */
export interface TillModeDeps {
  app: Pick<App, 'isPackaged' | 'setLoginItemSettings'>;
  getWindow: () => Pick<BrowserWindow, 'setKiosk' | 'isKiosk' | 'isDestroyed'> | undefined;
  settings: Pick<SettingsService, 'current' | 'onChange'>;
  logger: Logger;
  platform?: NodeJS.Platform;
}

export function applyTillMode(deps: TillModeDeps): void {
  const platform = deps.platform ?? process.platform;
  let loginItem: boolean | undefined;

  function applyLoginItem(openAtLogin: boolean): void {
    if (openAtLogin === loginItem || !deps.app.isPackaged) return;
    loginItem = openAtLogin;
    if (platform !== 'win32' && platform !== 'darwin') {
      // Electron has no login items on Linux; a desktop autostart entry does it (README "Deploying").
      if (openAtLogin) deps.logger.warn('till.login_item_unsupported', { platform, message: 'Start at login needs an autostart entry on Linux.' });
      return;
    }
    deps.app.setLoginItemSettings({ openAtLogin });
    deps.logger.info('till.login_item', { openAtLogin });
  }

  function applyKiosk(kiosk: boolean): void {
    const window = deps.getWindow();
    if (!window || window.isDestroyed() || window.isKiosk() === kiosk) return;
    window.setKiosk(kiosk);
    deps.logger.info('till.kiosk', { kiosk });
  }

  applyLoginItem(deps.settings.current().startAtLogin);
  deps.settings.onChange((s) => {
    applyLoginItem(s.startAtLogin);
    applyKiosk(s.kiosk);
  });
}
