import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import type { GatewaySettingProblem, Settings } from '../ports';
import { DEFAULT_SETTINGS, PlainSettings, issueMsg, issueText } from './schema';
import { gatewayProblem } from './setting-sources';
import type { SecretVault } from './vault';

/** settings.json as read back: plain fields in clear, the API key and secret as vault ciphertext. */

type Stored = Settings;

export const StoredFile = z.object({
  version: z.literal(1),
  settings: z.record(z.string(), z.unknown()),
  /** `server`: the gateway server (origin) the key and secret were entered for (key-follows-address.ts). */
  secrets: z.object({ apiKey: z.string().optional(), apiSecret: z.string().optional(), server: z.string().optional() }).default({}),
});

const SAVED_SOURCE = 'the saved settings (settings.json)';

/** The saved settings, and the server their key was entered for (undefined: a file from before that was recorded). */
export async function loadStored(
  file: string,
  vault: SecretVault,
  problems: string[],
  gateway: GatewaySettingProblem[],
): Promise<{ settings: Stored; keyServer?: string }> {
  const parsed = await readStoredFile(file, problems, gateway);
  if (!parsed) return { settings: structuredClone(DEFAULT_SETTINGS) };
  const settings = decodeStored(parsed, vault, problems, gateway);
  return parsed.secrets.server !== undefined ? { settings, keyServer: parsed.secrets.server } : { settings };
}

async function readStoredFile(file: string, problems: string[], gateway: GatewaySettingProblem[]): Promise<z.infer<typeof StoredFile> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`Settings could not be read (${(error as Error).message}); using defaults.`);
    return undefined;
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
    return undefined;
  }

  return parsed;
}

function decodeStored(parsed: z.infer<typeof StoredFile>, vault: SecretVault, problems: string[], gateway: GatewaySettingProblem[]): Stored {
  const result: Stored = structuredClone(DEFAULT_SETTINGS);
  const shape = PlainSettings.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in parsed.settings)) continue;
    const field = shape[key].safeParse(parsed.settings[key]);
    if (field.success) (result as unknown as Record<string, unknown>)[key] = field.data;
    else {
      problems.push(`Saved setting "${key}" is not valid (${field.error.issues[0] ? issueText(field.error.issues[0]) : ''}); the default is used.`);
      if (key === 'endpoint' || key === 'groupId')
        gateway.push(gatewayProblem(key, SAVED_SOURCE, field.error.issues[0] ? issueMsg(field.error.issues[0]) : { key: 'services.settings.invalid' }));
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
