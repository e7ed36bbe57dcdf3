import type { SettingsInput } from '../../../shared/ipc';

/** What the settings form sends for a plain store with no printer (tests override what they are about). */
export function settingsInput(patch: Partial<SettingsInput> = {}): SettingsInput {
  return {
    endpoint: 'wss://gateway.example.com/v1',
    groupId: '',
    storeName: '',
    storeAddress: '',
    currency: 'EUR',
    printer: { kind: 'none', systemName: '', host: '', port: 9100, paperWidthMm: 80 },
    autoPrint: false,
    updatesEnabled: false,
    ...patch,
  };
}
