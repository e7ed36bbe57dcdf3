import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger } from '../log/logger';
import { FakeClock } from '../testing/fake-clock';
import { readProvisioning } from './provisioning';
import { openSettingsStore } from './store';
import type { SecretVault } from './vault';

/**
 * A provisioning file that store IT broke while typing the secret in must not carry the secret
 * into the problem text, the log file or the console: the parser's own message quotes the bytes
 * around the error, which is exactly where the secret is.
 */
const SECRET = 'sk9f8e7d';
const BROKEN_FILES = [
  `{"apiKey": "desk-key-1", "apiSecret": ${SECRET}}`, // unquoted: "Unexpected token 's', …"
  `{"apiSecret": '${SECRET}'}`, // single quotes
  `{"apiSecret": "${SECRET}" "x"}`, // missing comma
  `{\n  "endpoint": "wss://gw.example/v1",\n  "apiSecret": "${SECRET}`, // unterminated
];

const vault: SecretVault = { available: () => ({ ok: true }), encrypt: (s) => s, decrypt: (s) => s };

describe('a provisioning file that does not parse', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'checkstand-prov-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(BROKEN_FILES)('is reported by where it breaks, never by what it says: %s', async (text) => {
    const file = join(dir, 'provisioning.json');
    await writeFile(file, text);
    const { problems, values } = await readProvisioning({ dataDir: dir, env: {} });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toMatch(/not valid JSON/);
    expect(problems[0]).not.toContain(SECRET.slice(0, 4));
    expect(values).toEqual({});
  });

  it('says on which line and column it breaks', async () => {
    await writeFile(join(dir, 'provisioning.json'), BROKEN_FILES[3]!);
    const { problems } = await readProvisioning({ dataDir: dir, env: {} });
    expect(problems[0]).toMatch(/line 3, column \d+/);
  });

  it('never reaches the log file or the console', async () => {
    const printed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    await writeFile(join(dir, 'provisioning.json'), BROKEN_FILES[0]!);
    const logger = createFileLogger({ dir: join(dir, 'logs'), clock: new FakeClock(), secrets: () => [], echo: true });
    const store = await openSettingsStore({ dataDir: dir, vault, env: {}, logger });
    expect(store.problems().join('\n')).toMatch(/not valid JSON/);
    const log = await readFile(logger.file, 'utf8');
    expect(log).toMatch(/settings\.problem/);
    expect(log).not.toContain(SECRET.slice(0, 4));
    expect(printed.join('\n')).toMatch(/not valid JSON/);
    expect(printed.join('\n')).not.toContain(SECRET.slice(0, 4));
  });
});
