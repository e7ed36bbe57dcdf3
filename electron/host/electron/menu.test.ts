import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, installAppMenu } from './menu';

/** Every item of a template, submenus included. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('on %s has no Reload, DevTools or zoom, and no accelerator for them', (platform) => {
    const items = flatten(appMenuTemplate(platform));
    const roles = items.map((i) => String(i.role ?? '').toLowerCase());
    for (const forbidden of ['reload', 'forcereload', 'toggledevtools', 'zoomin', 'zoomout', 'resetzoom', 'viewmenu']) {
      expect(roles).not.toContain(forbidden);
    }
    const accelerators = items.map((i) => String(i.accelerator ?? '').toLowerCase());
    for (const a of accelerators) expect(a).not.toMatch(/^(cmdorctrl\+r|ctrl\+r|f5|f12|cmdorctrl\+shift\+i|ctrl\+shift\+i|alt\+cmd\+i)$/);
    // What a cashier does need: copy/paste in the amount and settings fields, and Quit (which the quit guard guards).
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectall', 'undo', 'quit']));
  });

  it("is installed as the application menu (replacing Electron's default, which has Reload and DevTools)", () => {
    const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
    installAppMenu(Menu as never, 'win32');
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ template: appMenuTemplate('win32') });
  });

  it("labels its menus in the till's language (roles are Electron's own, localised by the OS)", () => {
    expect(appMenuTemplate('win32', 'de-DE').map((m) => m.label)).toEqual(['Datei', 'Bearbeiten']);
    expect(appMenuTemplate('darwin', 'ja-JP').map((m) => m.label)).toEqual(['Checkstand', '編集', 'ウインドウ']);
  });
});
