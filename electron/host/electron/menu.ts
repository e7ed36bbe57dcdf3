import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu. Electron's default one has View → Reload (Ctrl+R), Force Reload
 * and Toggle Developer Tools (Ctrl+Shift+I): a customer pressing them at the counter would blank
 * or inspect the till. Only what a cashier needs stays — editing keys for the text fields, and
 * Quit, which goes through the quit guard like closing the window.
 */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  if (platform === 'darwin') {
    return [
      {
        label: 'Checkstand',
        submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
      },
      edit,
      { label: 'Window', submenu: [{ role: 'minimize' }] },
    ];
  }
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit];
}

export function installAppMenu(Menu: Pick<typeof MenuType, 'buildFromTemplate' | 'setApplicationMenu'>, platform: NodeJS.Platform = process.platform): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform)));
}
