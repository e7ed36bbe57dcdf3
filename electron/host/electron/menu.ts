import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';
import { translatorFor } from '../../core/i18n/core-translator';

/**
 * A minimal application menu. Electron's default one has View → Reload (Ctrl+R), Force Reload
 * and Toggle Developer Tools (Ctrl+Shift+I): a customer pressing them at the counter would blank
 * or inspect the till. Only what a cashier needs stays — editing keys for the text fields, and
 * Quit, which goes through the quit guard like closing the window.
 */
export function appMenuTemplate(platform: NodeJS.Platform, locale?: string): MenuItemConstructorOptions[] {
  const t = translatorFor(locale);
  const edit: MenuItemConstructorOptions = {
    label: t.t('services.menu.edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  if (platform === 'darwin') {
    return [
      {
        label: 'Checkstand',
        submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
      },
      edit,
      { label: t.t('services.menu.window'), submenu: [{ role: 'minimize' }] },
    ];
  }
  return [{ label: t.t('services.menu.file'), submenu: [{ role: 'quit' }] }, edit];
}

/** Built at start in the till's locale then; a language changed in Settings shows after a restart. */
export function installAppMenu(
  Menu: Pick<typeof MenuType, 'buildFromTemplate' | 'setApplicationMenu'>,
  platform: NodeJS.Platform = process.platform,
  locale?: string,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, locale)));
}
