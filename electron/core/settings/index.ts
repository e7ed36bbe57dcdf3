export { openSettingsStore, SETTINGS_FILE, type SettingsStore, type SettingsStoreOptions } from './store';
export { maskSecret, type SecretVault } from './vault';
export { readProvisioning, ENV as SETTINGS_ENV, CONFIG_FILE_ENV, DEFAULT_PROVISIONING_FILE, type Provisioning } from './provisioning';
export { DEFAULT_SETTINGS, PlainSettings, SETTINGS_FIELDS, endpointProblem, type SettingsField } from './schema';
export { writeFileAtomic } from './atomic-write';
