import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { summarizeIssues } from '../shared/protocol';
import type { KeyEntry, SimulatorConfigFile } from './api';

/** Schema of the JSON config file (`{ "keys": { "<apiKey>": KeyEntry } }`), strict so typos show. */
export const KeyEntrySchema = z.strictObject({
  role: z.enum(['desktop', 'terminal']),
  groupId: z.string().min(1).max(200),
  deviceId: z.string().min(1).max(200).optional(),
  apiSecret: z.string().min(1).max(500).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  autoConnect: z.boolean().optional(),
});

export const ConfigFileSchema = z.strictObject({
  keys: z.record(z.string().min(1).max(500), KeyEntrySchema),
});

export function parseConfig(value: unknown, source = 'config'): SimulatorConfigFile {
  const parsed = ConfigFileSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source}: ${summarizeIssues(parsed.error)}`);
  const seen = new Map<string, string>();
  for (const [key, entry] of Object.entries(parsed.data.keys)) {
    if (!entry.deviceId) continue;
    const other = seen.get(entry.deviceId);
    if (other) throw new Error(`${source}: deviceId ${entry.deviceId} is used by two keys`);
    seen.set(entry.deviceId, key);
  }
  return parsed.data;
}

export function loadConfigFile(path: string): SimulatorConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read config file ${path}: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`config file ${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return parseConfig(json, path);
}

/** The built-in demo registry: works with nothing configured (demo mode, tests, training). */
export const DEFAULT_POS_KEY = 'sim-pos-key-0001';
export const DEFAULT_POS_SECRET = 'sim-pos-secret-0001';

export function defaultConfig(): SimulatorConfigFile {
  return {
    keys: {
      [DEFAULT_POS_KEY]: { role: 'desktop', groupId: 'group-1', apiSecret: DEFAULT_POS_SECRET },
      'sim-term-key-001': { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-001', metadata: { label: 'Lane 1' } },
      'sim-term-key-002': { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-002', metadata: { label: 'Lane 2' } },
      'sim-term-key-003': { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-003', metadata: { label: 'Lane 3' } },
      'sim-term-key-004': { role: 'terminal', groupId: 'group-1', metadata: { label: 'Counter (no deviceId)' } },
      'sim-term-key-901': { role: 'terminal', groupId: 'group-2', deviceId: 'TERM-901', metadata: { label: 'Other store' } },
    },
  };
}

/** Key registry: apiKey → entry. Keys can be added at run time (control API addTerminal). */
export class KeyRegistry {
  private readonly keys = new Map<string, KeyEntry>();

  constructor(config: SimulatorConfigFile) {
    for (const [key, entry] of Object.entries(config.keys)) this.keys.set(key, { ...entry });
  }

  get(key: string | undefined): KeyEntry | undefined {
    return key === undefined ? undefined : this.keys.get(key);
  }

  add(key: string, entry: KeyEntry): void {
    this.keys.set(key, entry);
  }

  entries(): [string, KeyEntry][] {
    return [...this.keys.entries()];
  }

  all(): Record<string, KeyEntry> {
    return Object.fromEntries(this.entries().map(([k, e]) => [k, { ...e }]));
  }

  firstDesktopKey(): string | undefined {
    return this.entries().find(([, e]) => e.role === 'desktop')?.[0];
  }
}
