import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../core/ports';
import { denyPermissions, hardenWebContents } from './security';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (e) => lines.push(e), warn: (e) => lines.push(e), error: (e) => lines.push(e) };
}

function fakeContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    handlers,
    open: (url: string) => openHandler!({ url }),
    on: (name: string, fn: (...args: unknown[]) => void) => {
      handlers.set(name, fn);
    },
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
  };
}

describe('navigation, new windows and permissions', () => {
  it('denies every navigation and redirect away from the app, and logs it', () => {
    const contents = fakeContents();
    const logger = recordingLogger();
    hardenWebContents(contents as never, { logger });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.handlers.get(name)!(event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(logger.lines).toEqual(['security.navigation_denied', 'security.redirect_denied', 'security.webview_denied']);
  });

  it('hands a plain link to the loopback control page to the system browser, never this window', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { logger: recordingLogger(), openExternal });
    const event = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')!(event, 'http://127.0.0.1:4321/__sim/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('http://127.0.0.1:4321/__sim/');
    contents.handlers.get('will-navigate')!({ preventDefault: vi.fn() }, 'https://evil.example/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('never opens a window; a loopback control-page link goes to the system browser instead', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { logger: recordingLogger(), openExternal });
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.open('http://127.0.0.1:4321/__sim/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('http://127.0.0.1:4321/__sim/');
  });

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyPermissions(
      {
        setPermissionRequestHandler: (fn: never) => (request = fn),
        setPermissionCheckHandler: (fn: never) => (check = fn),
        setDevicePermissionHandler: (fn: never) => (device = fn),
      } as never,
      recordingLogger(),
    );
    for (const permission of ['media', 'notifications', 'geolocation', 'serial']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
  });

  it('lets the page write to the clipboard ("Copy for support") but never read it', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    denyPermissions(
      {
        setPermissionRequestHandler: (fn: never) => (request = fn),
        setPermissionCheckHandler: (fn: never) => (check = fn),
        setDevicePermissionHandler: () => {},
      } as never,
      recordingLogger(),
    );
    const write = vi.fn();
    request!({}, 'clipboard-sanitized-write', write);
    expect(write).toHaveBeenCalledWith(true);
    expect(check!({}, 'clipboard-sanitized-write')).toBe(true);
    const read = vi.fn();
    request!({}, 'clipboard-read', read);
    expect(read).toHaveBeenCalledWith(false);
    expect(check!({}, 'clipboard-read')).toBe(false);
  });
});
