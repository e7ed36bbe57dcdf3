import type { Session, WebContents } from 'electron';
import type { Logger } from '../../core/ports';

/**
 * Deny by default (Electron security checklist 12-14, 17): the page never navigates away from
 * app://checkstand, never opens windows, never attaches a <webview>, and never gets a permission
 * (camera, notifications, serial…). Links to the simulator control page open in the system
 * browser only when they point at loopback http.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  options: { logger: Logger; openExternal?: (url: string) => void },
): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    // A plain link to the demo control page still works: in the system browser, not in this window.
    if (options.openExternal && isLoopbackHttp(url))
      options.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only loopback http (the demo control page), checked by isLoopbackHttp
    else options.logger.warn('security.navigation_denied', { url: String(url).slice(0, 200) });
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    options.logger.warn('security.redirect_denied', { url: String(url).slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.logger.warn('security.webview_denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (options.openExternal && isLoopbackHttp(url))
      options.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only loopback http (the demo control page), checked by isLoopbackHttp
    else options.logger.warn('security.window_open_denied', { url: String(url).slice(0, 200) });
    return { action: 'deny' };
  });
}

/** The demo's simulator control page lives on http://127.0.0.1:PORT/__sim/. */
export function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Writing (never reading) the clipboard: Diagnostics' "Copy for support" button. */
const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write']);

export function denyPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  logger: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    if (ALLOWED_PERMISSIONS.has(permission)) return callback(true);
    logger.warn('security.permission_denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  // WebUSB/WebHID/Web Serial: terminals and printers are driven from main, never from the page.
  session.setDevicePermissionHandler(() => false);
}
