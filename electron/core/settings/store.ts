import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FieldError, SettingsInput, SettingsView } from '../../../shared/ipc';
import type { GatewaySettingProblem, Logger, Settings, SettingsService } from '../ports';
import { writeFileAtomic } from './atomic-write';
import { readProvisioning, type Provisioning } from './provisioning';
import { DEFAULT_SETTINGS, PlainSettings, SecretValue, SETTINGS_FIELDS, fieldErrors, splitEndpointKey, toView, type SettingsField } from './schema';
import { maskSecret, type SecretVault } from './vault';
import { loggedEmitter } from '../log/logged-emitter';

/**
 * The settings service: `settings.json` in the data dir (non-secret fields in clear, the API key
 * and secret only as vault ciphertext), overlaid with provisioning (file, then environment).
 * Secrets leave this module only through `current()`, which only main-process code calls.
 */

export const SETTINGS_FILE = 'settings.json';

const StoredFile = z.object({
  version: z.literal(1),
  settings: z.record(z.string(), z.unknown()),
  secrets: z.object({ apiKey: z.string().optional(), apiSecret: z.string().optional() }).default({}),
});

export interface SettingsStore extends SettingsService {
  /** Problems found while loading (bad provisioning value, undecryptable secret, broken file). */
  problems(): string[];
  /** Invalid gateway settings from any source: they block payments and rule out demo mode. */
  gatewayProblems(): GatewaySettingProblem[];
  /** Where the settings file lives (diagnostics). */
  readonly file: string;
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
  let stored: Stored = await loadStored(file, vault, problems, savedGateway);
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
      out.push({
        field: 'apiKey',
        source: readableSource(provisioning.sources.endpoint),
        problem: 'No API key is set for this gateway address. Enter the desktop key from the gateway portal.',
      });
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
      return { saved: false, errors: [{ field: 'apiKey', message: 'Enter the API key for this gateway (the desktop key from the gateway portal).' }] };
    }

    await writeFileAtomic(file, serialize(next, vault));
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

function sourceLabel(source: string | undefined): string {
  if (!source) return 'provisioning';
  return source.startsWith('provisioning file') ? 'provisioning file' : `environment variable ${source}`;
}

function serialize(settings: Stored, vault: SecretVault): string {
  const { apiKey, apiSecret, ...plain } = settings;
  const secrets: { apiKey?: string; apiSecret?: string } = {};
  if (apiKey) secrets.apiKey = vault.encrypt(apiKey);
  if (apiSecret) secrets.apiSecret = vault.encrypt(apiSecret);
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

const SAVED_SOURCE = 'the saved settings (settings.json)';

async function loadStored(file: string, vault: SecretVault, problems: string[], gateway: GatewaySettingProblem[]): Promise<Stored> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`Settings could not be read (${(error as Error).message}); using defaults.`);
    return structuredClone(DEFAULT_SETTINGS);
  }
  let parsed: z.infer<typeof StoredFile>;
  try {
    parsed = StoredFile.parse(JSON.parse(text));
  } catch {
    // Keep the damaged file for a technician instead of overwriting it on the next save.
    const aside = `${file}.broken-${Date.now()}`;
    await rename(file, aside).catch(() => undefined);
    problems.push(`The settings file was damaged and has been kept as ${aside}; defaults are used until settings are saved again.`);
    // It may have named a gateway: falling back to demo mode could fake approvals (rule 1).
    gateway.push({ field: 'settings', source: SAVED_SOURCE, problem: `The file was damaged and has been kept as ${aside}. Enter the gateway settings again.` });
    return structuredClone(DEFAULT_SETTINGS);
  }

  const result: Stored = structuredClone(DEFAULT_SETTINGS);
  const shape = PlainSettings.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in parsed.settings)) continue;
    const field = shape[key].safeParse(parsed.settings[key]);
    if (field.success) (result as unknown as Record<string, unknown>)[key] = field.data;
    else {
      problems.push(`Saved setting "${key}" is not valid (${field.error.issues[0]?.message}); the default is used.`);
      if (key === 'endpoint' || key === 'groupId') gateway.push({ field: key, source: SAVED_SOURCE, problem: field.error.issues[0]?.message ?? 'Not valid.' });
    }
  }
  for (const key of ['apiKey', 'apiSecret'] as const) {
    const cipher = parsed.secrets[key];
    if (!cipher) continue;
    const label = key === 'apiKey' ? 'API key' : 'API secret';
    const availability = vault.available();
    if (!availability.ok) {
      problems.push(`The saved ${label} cannot be read: ${availability.message}`);
      gateway.push({ field: key, source: SAVED_SOURCE, problem: `The saved ${label} cannot be read: ${availability.message}` });
      continue;
    }
    try {
      result[key] = vault.decrypt(cipher);
    } catch {
      const problem = `The saved ${label} could not be decrypted (was the settings file copied from another computer or user?). Enter it again.`;
      problems.push(problem);
      gateway.push({ field: key, source: SAVED_SOURCE, problem });
    }
  }
  return result;
}

type FieldErrorItem = z.infer<typeof FieldError>;

/** A provisioned field may be sent back unchanged (the form shows it); changing it is refused. */
function lockedFieldErrors(input: SettingsInput, now: Settings, lockedNow: Set<SettingsField>, provisioning: Provisioning): FieldErrorItem[] {
  const errors: FieldErrorItem[] = [];
  for (const field of lockedNow) {
    const message = `This setting is provisioned by store IT (${sourceLabel(provisioning.sources[field])}) and cannot be changed here.`;
    if (field === 'apiKey' || field === 'apiSecret') {
      if (input[field] !== undefined) errors.push({ field, message });
    } else if (input[field] !== undefined && !sameValue(input[field], now[field])) {
      errors.push({ field, message });
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
    catalogPath: input.catalogPath ?? stored.catalogPath ?? '',
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
      errors.push({ field, message: parsed.error.issues[0]?.message ?? 'This key is not valid.' });
      continue;
    }
    const availability = parsed.data !== '' ? vault.available() : { ok: true as const };
    if (!availability.ok) errors.push({ field, message: availability.message });
    else secrets[field] = parsed.data;
  }
  return secrets;
}
