import type { App, BrowserWindow, Dialog } from 'electron';
import { translatorFor } from '../../core/i18n/core-translator';
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
  /** The till's locale in effect, for the dialog's words (absent: English). */
  locale?: () => string;
}

/** The buttons in English: "Keep open" first, the safe default and the Escape answer. */
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
      const t = translatorFor(deps.locale?.());
      const options = {
        type: 'warning' as const,
        title: t.t('services.quit.title'),
        message: t.t('services.quit.message'),
        detail: t.t('services.quit.detail'),
        buttons: [t.t('services.quit.keep_open'), t.t('services.quit.quit_anyway')],
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
