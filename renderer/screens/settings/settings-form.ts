import type { SettingsInput, SettingsView } from '../../../shared/ipc';

/** The editable form state: secrets start empty ("keep what is stored"). */
export interface SettingsFormState extends Omit<SettingsInput, 'apiKey' | 'apiSecret' | 'amountEntry'> {
  amountEntry: NonNullable<SettingsInput['amountEntry']>;
  apiKey: string;
  apiSecret: string;
}

export function formFromView(view: SettingsView): SettingsFormState {
  return {
    endpoint: view.endpoint,
    groupId: view.groupId,
    apiKey: '',
    apiSecret: '',
    storeName: view.storeName,
    storeAddress: view.storeAddress,
    currency: view.currency,
    amountEntry: view.amountEntry ?? 'cash-register',
    printer: { ...view.printer },
    autoPrint: view.autoPrint,
    updatesEnabled: view.updatesEnabled,
    // This till's terminal and the terminal methods (till3).
    tillTerminal: view.tillTerminal ?? '',
    terminalMethods: [...(view.terminalMethods ?? [])],
    // People (absent from an older host: the defaults).
    idleLockMinutes: view.idleLockMinutes ?? 5,
    receiptCashierName: view.receiptCashierName ?? 'first',
    // basket: the store's catalogue file (absent from older hosts: left out, so kept).
    ...(view.catalogPath !== undefined ? { catalogPath: view.catalogPath } : {}),
    // The till's locale ('' = the OS's; absent from older hosts: left out, so kept).
    ...(view.locale !== undefined ? { locale: view.locale } : {}),
  };
}

/** An empty secret field means "keep the stored one", so it is left out of the request. */
export function inputFromForm(form: SettingsFormState): SettingsInput {
  const { apiKey, apiSecret, ...rest } = form;
  return {
    ...rest,
    currency: rest.currency.trim().toUpperCase(),
    ...(rest.locale !== undefined ? { locale: rest.locale.trim() } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(apiSecret ? { apiSecret } : {}),
  };
}
