import { Emitter } from '../../../shared/emitter';
import type { SettingsView } from '../../../shared/ipc';
import type { Settings, SettingsService } from '../ports';

/**
 * An in-memory SettingsService for core tests and benchmarks (the real one, with encryption
 * and validation, belongs to the settings module and is not what these tests are about).
 */
export function memorySettings(initial: Partial<Settings>): SettingsService & { set(patch: Partial<Settings>): void } {
  let current: Settings = {
    endpoint: '',
    groupId: '',
    apiKey: '',
    apiSecret: '',
    storeName: 'Test store',
    storeAddress: '',
    currency: 'USD',
    amountEntry: 'cash-register',
    printer: { kind: 'none', systemName: '', host: '', port: 9100, paperWidthMm: 80 },
    autoPrint: false,
    updatesEnabled: false,
    kiosk: false,
    registerCode: 'R1',
    startAtLogin: false,
    idleLockMinutes: 5,
    receiptCashierName: 'first',
    ...initial,
  };
  const changes = new Emitter<Settings>((error) => {
    throw error;
  });
  const hint = (v: string) => (v ? { set: true, hint: `•••• ${v.slice(-4)}` } : { set: false });
  const view = (): SettingsView => ({
    endpoint: current.endpoint,
    groupId: current.groupId,
    apiKey: hint(current.apiKey),
    apiSecret: hint(current.apiSecret),
    storeName: current.storeName,
    storeAddress: current.storeAddress,
    currency: current.currency,
    amountEntry: current.amountEntry,
    printer: current.printer,
    autoPrint: current.autoPrint,
    updatesEnabled: current.updatesEnabled,
    lockedFields: [],
  });
  return {
    current: () => current,
    view,
    save: async () => ({ saved: true, settings: view() }),
    onChange: (listener) => changes.on(listener),
    set(patch) {
      current = { ...current, ...patch };
      changes.emit(current);
    },
  };
}
