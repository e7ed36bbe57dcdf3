import type { App, BrowserWindow, Dialog } from 'electron';
import type { Logger, PosCore } from '../../core/ports';

/**
 * Quitting mid-payment is how a till loses track of money: the terminal may approve after the
 * app is gone. So quit (menu, Alt+F4, window close, OS logout) asks first while a payment is in
 * flight, and always closes the gateway socket cleanly and flushes the journal before exiting.
 */
export interface QuitGuardDeps {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  core: Pick<PosCore, 'hasPaymentInFlight' | 'stop'>;
  getWindow: () => BrowserWindow | undefined;
  logger: Logger;
}

export const QUIT_BUTTONS = ['Keep Checkstand open', 'Quit anyway'] as const;

export interface QuitGuard {
  /** Call from the window's 'close' event: turns a close into a guarded quit. */
  onWindowClose(event: { preventDefault(): void }): void;
  /** Resolves once the decision is taken and (if quitting) the core has stopped. */
  settled(): Promise<void>;
}

export function installQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let allowed = false;
  let deciding: Promise<void> | undefined;

  async function decide(): Promise<void> {
    if (deps.core.hasPaymentInFlight()) {
      const window = deps.getWindow();
      const options = {
        type: 'warning' as const,
        title: 'A payment is in progress',
        message: 'A payment is still in progress on a terminal.',
        detail:
          'If you quit now, Checkstand cannot show the result when the terminal answers. Wait for the payment to finish, or quit anyway and check it on the next start.',
        buttons: [...QUIT_BUTTONS],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const { response } = window ? await deps.dialog.showMessageBox(window, options) : await deps.dialog.showMessageBox(options);
      if (response !== 1) {
        deps.logger.info('quit.cancelled', { reason: 'payment_in_flight' });
        return;
      }
      deps.logger.warn('quit.confirmed_with_payment_in_flight');
    }
    try {
      await deps.core.stop();
    } catch (error) {
      deps.logger.error('quit.core_stop_failed', { message: (error as Error).message });
    }
    allowed = true;
    deps.app.quit();
  }

  function request(): void {
    deciding ??= decide().finally(() => {
      deciding = undefined;
    });
  }

  deps.app.on('before-quit', (event) => {
    if (allowed) return;
    event.preventDefault();
    request();
  });

  return {
    onWindowClose(event) {
      if (allowed) return;
      event.preventDefault();
      request();
    },
    settled: () => deciding ?? Promise.resolve(),
  };
}
