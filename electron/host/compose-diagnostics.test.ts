import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../shared/ipc';
import { createMemoryLogger } from '../core/log/logger';
import { createPosCore } from '../core/pos-core';
import { createDevVault } from './web/dev-vault';
import { compose, type ComposeOptions, type Composition } from './compose';

/**
 * Diagnostics' "Recent errors" is what store IT reads first. Every warning and error logged
 * anywhere — by the core, by the settings store, by a host adapter (security denials, crash
 * handlers) — must reach it, redacted, whichever logger the host brought.
 */
let dataDir: string;
let composition: Composition | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'checkstand-diag-'));
});
afterEach(async () => {
  await composition?.stop();
  composition = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const KEY = 'desk-key-0123456789';

async function start(extra: Partial<ComposeOptions> = {}): Promise<Composition> {
  composition = await compose({
    host: 'browser',
    version: '1.2.3',
    dataDir,
    vault: createDevVault(dataDir),
    // A bad provisioned value: the settings store warns about it while starting.
    env: { CHECKSTAND_ENDPOINT: 'ws://127.0.0.1:9/v1', CHECKSTAND_API_KEY: KEY, CHECKSTAND_CURRENCY: 'euro' },
    createCore: createPosCore,
    startSimulator: async () => {
      throw new Error('not used: a gateway is configured');
    },
    ...extra,
  });
  return composition;
}

async function diagnostics(c: Composition): Promise<Diagnostics> {
  const result = await c.core.invoke('getDiagnostics', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe.each([
  ['the default file logger', {}],
  ['a logger the host brought', { logger: createMemoryLogger() }],
])('recent errors with %s', (_name, extra) => {
  it('lists warnings from settings and the host, redacted, and leaves info lines out', async () => {
    const c = await start(extra);
    c.logger.warn('security.navigation_denied', { message: `blocked https://evil.example/?k=${KEY}` });
    c.logger.info('payment.started', { message: 'not an error' });
    const messages = (await diagnostics(c)).recentErrors.map((e) => e.message);
    expect(messages.some((m) => m.startsWith('settings.problem'))).toBe(true);
    expect(messages).toContain('security.navigation_denied: blocked https://evil.example/?k=[redacted]');
    expect(messages.join('\n')).not.toContain(KEY);
    expect(messages.join('\n')).not.toContain('not an error');
  });
});

describe('what store IT and support get', () => {
  it('lists the crash dumps in the data directory, newest first', async () => {
    const crashDumpDir = join(dataDir, 'crash-dumps');
    await mkdir(join(crashDumpDir, 'completed'), { recursive: true });
    await writeFile(join(crashDumpDir, 'completed', 'a1b2.dmp'), Buffer.alloc(2048));
    await writeFile(join(crashDumpDir, 'settings.dat'), 'not a dump');
    const diag = await diagnostics(await start({ crashDumpDir }));
    expect(diag.crashDumpDir).toBe(crashDumpDir);
    expect(diag.crashDumps).toEqual([{ file: join('completed', 'a1b2.dmp'), bytes: 2048, at: expect.any(Number) as number }]);
  });

  it('bundles the last log lines, versions and settings for "copy for support", without a secret', async () => {
    const c = await start();
    c.logger.warn('security.navigation_denied', { message: `key ${KEY}` });
    const diag = await diagnostics(c);
    expect(diag.support?.versions).toMatchObject({ app: '1.2.3', node: process.versions.node, platform: process.platform });
    expect(diag.support?.settings).toMatchObject({ endpoint: 'ws://127.0.0.1:9/v1', apiKey: 'set', apiSecret: 'not set', currency: 'EUR' });
    expect(diag.support?.logTail.some((line) => line.includes('security.navigation_denied'))).toBe(true);
    expect(JSON.stringify(diag)).not.toContain(KEY);
  });
});
