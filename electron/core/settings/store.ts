import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FieldError, SettingsInput, SettingsView } from '../../../shared/ipc';
import type { GatewaySettingProblem, Logger, Settings, SettingsService } from '../ports';
import { writeFileAtomic } from './atomic-write';
import { loadStored } from './stored-file';
import { readProvisioning, type Provisioning } from './provisioning';
import { PlainSettings, SecretValue, SETTINGS_FIELDS, fieldErrors, splitEndpointKey, toView, type SettingsField } from './schema';
import { maskSecret, type SecretVault } from './vault';
import { dropSecretsForOtherServer, gatewayServer, KEY_CLEARED, secretsForNewServer } from './key-follows-address';
import { loggedEmitter } from '../log/logged-emitter';
import { fieldError, gatewayProblem, lockedError } from './setting-sources';
import { msg } from '../../../shared/i18n/message';

/**
 * The settings service: `settings.json` in the data dir (non-secret fields in clear, the API key
 * and secret only as vault ciphertext), overlaid with provisioning (file, then environment).
 * Secrets leave this module only through `current()`, which only main-process code calls.
 */

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore extends SettingsService {
  /** Problems found while loading (bad provisioning value, undecryptable secret, broken file). */
  problems(): string[];
  /** Invalid gateway settings from any source: they block payments and rule out demo mode. */
  gatewayProblems(): GatewaySettingProblem[];
  /** Where the settings file lives (diagnostics). */
  readonly file: string;
  /** People: the provisioning file's `roles` and `people` (checked by the people service). */
  provisionedPeople(): Provisioning['people'];
}

export interface SettingsStoreOptions {
  dataDir: string;
  vault: SecretVault;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

type Stored = Settings;

/** What the till runs with: the stored settings, with every provisioned value on top. */
function withProvisioning(base: Stored, provisioning: Provisioning): Settings {
  const p = provisioning.values;
  return { ...base, ...withoutPrinter(p), printer: { ...base.printer, ...p.printer } };
}

/** The saved settings, without secrets saved for another server than the one the till now runs with. */
async function loadForServer(
  file: string,
  vault: SecretVault,
  provisioning: Provisioning,
  problems: string[],
  gateway: GatewaySettingProblem[],
): Promise<Stored> {
  const loaded = await loadStored(file, vault, problems, gateway);
  const dropped = dropSecretsForOtherServer(loaded.settings, loaded.keyServer, withProvisioning(loaded.settings, provisioning).endpoint);
  if (dropped) {
    problems.push(dropped.problem);
    gateway.push(dropped);
  }
  return loaded.settings;
}

export async function openSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const { dataDir, vault } = options;
  const env = options.env ?? process.env;
  const file = join(dataDir, SETTINGS_FILE);
  const problems: string[] = [];
  // 0700 when we create it: the journal, logs and (encrypted) settings are this user's business.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });

  const provisioning: Provisioning = await readProvisioning({ dataDir, env });
  problems.push(...provisioning.problems);
  /** Saved gateway values that did not load; a successful save from the form replaces them. */
  let savedGateway: GatewaySettingProblem[] = [];
  let stored: Stored = await loadForServer(file, vault, provisioning, problems, savedGateway);
  useEndpointKey(provisioning, stored, options.logger);
  const changes = loggedEmitter<Settings>(options.logger, 'settings.listener_failed');
  let saving: Promise<unknown> = Promise.resolve();

  for (const problem of problems) options.logger?.warn('settings.problem', { problem });

  const locked = (): SettingsField[] => SETTINGS_FIELDS.filter((f) => provisioning.sources[f] !== undefined);

  const current = (): Settings => withProvisioning(stored, provisioning);

  function gatewayProblems(): GatewaySettingProblem[] {
    const out = [...provisioning.gatewayProblems, ...savedGateway];
    const s = current();
    if (s.endpoint !== '' && s.apiKey === '' && !out.some((p) => p.field === 'apiKey')) {
      out.push(gatewayProblem('apiKey', readableSource(provisioning.sources.endpoint), msg('services.settings.api_key_missing')));
    }
    return out;
  }

  function view(): SettingsView {
    return toView(current(), locked(), maskSecret);
  }

  async function doSave(input: SettingsInput): Promise<Awaited<ReturnType<SettingsService['save']>>> {
    const lockedNow = new Set(locked());
    const errors = lockedFieldErrors(input, current(), lockedNow, provisioning);
    // The vendor's `?x-api-key=` address form: the key leaves the address here (rule 1).
    const split = splitEndpointKey(input.endpoint);
    const plain = parsePlain(input, lockedNow.has('endpoint') ? input.endpoint : split.endpoint, stored);
    if (!plain.success) errors.push(...fieldErrors(plain.error).filter((e) => !lockedNow.has(e.field.split('.')[0] as SettingsField)));
    const secrets = parseSecrets(input, stored, lockedNow, vault, errors);
    const movedFrom = gatewayServer(current().endpoint);
    const movedProblem = plain.success ? secretsForNewServer(input, secrets, { from: movedFrom, to: plain.data.endpoint, locked: lockedNow }) : undefined;
    if (movedProblem) errors.push(movedProblem);
    if (split.keyFromUrl && !lockedNow.has('endpoint') && !lockedNow.has('apiKey')) {
      if (input.apiKey || (input.apiKey === undefined && secrets.apiKey))
        options.logger?.warn('settings.endpoint_key_ignored', { source: 'the settings form' });
      else if (!vault.available().ok) errors.push({ field: 'apiKey', message: (vault.available() as { message: string }).message });
      else secrets.apiKey = split.keyFromUrl;
    }
    if (errors.length > 0 || !plain.success) return { saved: false, errors };

    const next: Stored = { ...plain.data, ...secrets };
    // Provisioned fields keep what was saved before; the overlay supplies their value.
    for (const field of lockedNow) (next as unknown as Record<string, unknown>)[field] = stored[field];
    const merged = withProvisioning(next, provisioning);
    if (merged.endpoint !== '' && merged.apiKey === '') {
      const cleared = movedFrom !== '' && gatewayServer(merged.endpoint) !== movedFrom;
      return { saved: false, errors: [fieldError('apiKey', cleared ? KEY_CLEARED : 'services.settings.api_key_needed')] };
    }

    await writeFileAtomic(file, serialize(next, vault, gatewayServer(merged.endpoint)));
    stored = next;
    savedGateway = [];
    options.logger?.info('settings.saved', { endpoint: merged.endpoint, apiKeySet: merged.apiKey !== '', apiSecretSet: merged.apiSecret !== '' });
    changes.emit(merged);
    return { saved: true, settings: view() };
  }

  return {
    file,
    current,
    view,
    problems: () => [...problems],
    provisionedPeople: () => provisioning.people,
    gatewayProblems,
    save(input) {
      // One save at a time: two quick clicks must not interleave their writes.
      const run = saving.then(() => doSave(input));
      saving = run.catch(() => undefined);
      return run;
    },
    onChange: (listener) => changes.on(listener),
  };
}

/** Deep equality for plain JSON values, ignoring key order (the form may rebuild the printer object). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function withoutPrinter(p: Provisioning['values']): Omit<Provisioning['values'], 'printer'> {
  const { printer: _printer, ...rest } = p;
  return rest;
}

function serialize(settings: Stored, vault: SecretVault, server: string): string {
  const { apiKey, apiSecret, ...plain } = settings;
  const secrets: { apiKey?: string; apiSecret?: string; server?: string } = {};
  if (apiKey) secrets.apiKey = vault.encrypt(apiKey);
  if (apiSecret) secrets.apiSecret = vault.encrypt(apiSecret);
  if (apiKey || apiSecret) secrets.server = server;
  return `${JSON.stringify({ version: 1, settings: plain, secrets }, null, 2)}\n`;
}

/** A key taken out of a provisioned address: the key when none is set, else ignored with a warning. */
function useEndpointKey(provisioning: Provisioning, stored: Stored, logger: Logger | undefined): void {
  const found = provisioning.endpointKey;
  if (!found) return;
  if (provisioning.values.apiKey || stored.apiKey) {
    logger?.warn('settings.endpoint_key_ignored', { source: found.source });
    return;
  }
  provisioning.values.apiKey = found.key;
  if (provisioning.sources.endpoint) provisioning.sources.apiKey = provisioning.sources.endpoint;
}

function readableSource(source: string | undefined): string {
  if (!source) return 'the settings form';
  return source.startsWith('provisioning file') ? source.replace(/, "[^"]*"$/, '') : `environment variable ${source}`;
}

type FieldErrorItem = z.infer<typeof FieldError>;

/** A provisioned field may be sent back unchanged (the form shows it); changing it is refused. */
function lockedFieldErrors(input: SettingsInput, now: Settings, lockedNow: Set<SettingsField>, provisioning: Provisioning): FieldErrorItem[] {
  const errors: FieldErrorItem[] = [];
  for (const field of lockedNow) {
    const locked = lockedError(field, provisioning.sources[field]);
    if (field === 'apiKey' || field === 'apiSecret') {
      if (input[field] !== undefined) errors.push(locked);
    } else if (input[field] !== undefined && !sameValue(input[field], now[field])) {
      errors.push(locked);
    }
  }
  return errors;
}

function parsePlain(input: SettingsInput, endpoint: string | undefined, stored: Stored) {
  return PlainSettings.safeParse({
    endpoint,
    groupId: input.groupId,
    storeName: input.storeName,
    storeAddress: input.storeAddress,
    currency: input.currency,
    amountEntry: input.amountEntry ?? stored.amountEntry,
    printer: input.printer,
    autoPrint: input.autoPrint,
    updatesEnabled: input.updatesEnabled,
    // Not on the form: omitted means keep what is stored.
    kiosk: input.kiosk ?? stored.kiosk,
    registerCode: input.registerCode ?? stored.registerCode,
    startAtLogin: input.startAtLogin ?? stored.startAtLogin,
    tillTerminal: input.tillTerminal ?? stored.tillTerminal ?? '',
    terminalMethods: input.terminalMethods ?? stored.terminalMethods ?? [],
    idleLockMinutes: input.idleLockMinutes ?? stored.idleLockMinutes,
    receiptCashierName: input.receiptCashierName ?? stored.receiptCashierName,
    catalogPath: input.catalogPath ?? stored.catalogPath ?? '',
    locale: input.locale ?? stored.locale ?? '',
  });
}

/** The key and secret to store: typed ones that pass and can be encrypted, else what is stored. */
function parseSecrets(input: SettingsInput, stored: Stored, lockedNow: Set<SettingsField>, vault: SecretVault, errors: FieldErrorItem[]) {
  const secrets: { apiKey: string; apiSecret: string } = { apiKey: stored.apiKey, apiSecret: stored.apiSecret };
  for (const field of ['apiKey', 'apiSecret'] as const) {
    const value = input[field];
    if (value === undefined || lockedNow.has(field)) continue;
    const parsed = SecretValue.safeParse(value);
    if (!parsed.success) {
      errors.push(
        ...fieldErrors(parsed.error)
          .slice(0, 1)
          .map((e) => ({ ...e, field })),
      );
      continue;
    }
    const availability = parsed.data !== '' ? vault.available() : { ok: true as const };
    if (!availability.ok) errors.push({ field, message: availability.message });
    else secrets[field] = parsed.data;
  }
  return secrets;
}
