import type { UpdateView } from '../../../shared/ipc';
import { msg, type Msg } from '../../../shared/i18n/message';
import type { Logger } from '../ports';

export interface BusyState {
  paymentInFlight: boolean;
  voidAlertOpen: boolean;
}

export const UPDATES_ENV = 'CHECKSTAND_UPDATES';
const OFF_VALUES = new Set(['off', '0', 'false', 'no', 'disabled']);

/** True when the environment's kill switch is thrown (CHECKSTAND_UPDATES=off|0|false|no|disabled). */
export function killSwitchOn(env: Record<string, string | undefined> | undefined): boolean {
  const v = env?.[UPDATES_ENV];
  return v !== undefined && OFF_VALUES.has(v.trim().toLowerCase());
}

export interface UpdateGatesOptions {
  isBusy: () => BusyState;
  settings: () => { updatesEnabled: boolean };
  env?: Record<string, string | undefined>;
  logger: Logger;
}

/** Whether updates may run at all (kill switch, setting) and whether the till is free to install. */
export class UpdateGates {
  constructor(private readonly options: UpdateGatesOptions) {}

  disabledReason(): Msg | undefined {
    const { env, logger } = this.options;
    if (killSwitchOn(env)) return msg('core.update.off_env', { variable: UPDATES_ENV, value: String(env?.[UPDATES_ENV]) });
    try {
      if (!this.options.settings().updatesEnabled) return msg('core.update.off_settings');
    } catch (err) {
      logger.error('update.settings_unreadable', { error: String(err) });
      return msg('core.update.settings_unreadable');
    }
    return undefined;
  }

  /** Unknown is busy: if the core cannot answer, installing is not safe. */
  busy(): BusyState {
    try {
      const b = this.options.isBusy();
      return { paymentInFlight: !!b.paymentInFlight, voidAlertOpen: !!b.voidAlertOpen };
    } catch (err) {
      this.options.logger.warn('update.busy_state_unknown', { error: String(err) });
      return { paymentInFlight: true, voidAlertOpen: true };
    }
  }

  blockedBy(b: BusyState = this.busy()): UpdateView['blockedBy'] {
    const reasons: UpdateView['blockedBy'] = [];
    if (b.paymentInFlight) reasons.push('payment_in_flight');
    if (b.voidAlertOpen) reasons.push('void_alert_open');
    return reasons;
  }
}
