import type { App } from 'electron';

/**
 * One till, one process: two instances would open two gateway sockets with the same key and
 * displace each other (docs/protocol.md, displacement). A second launch focuses the first.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, focusFirst: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusFirst());
  return true;
}
