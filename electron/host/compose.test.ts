import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../core/log/logger';
import { createPosCore } from '../core/pos-core';
import { createDevVault } from './web/dev-vault';
import { compose, type Composition } from './compose';

let dataDir: string;
let composition: Composition | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'checkstand-compose-'));
});
afterEach(async () => {
  await composition?.stop();
  composition = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('compose', () => {
  it('still starts the till when the demo simulator cannot start, and says why in the log', async () => {
    const logger = createMemoryLogger();
    composition = await compose({
      host: 'browser',
      version: '1.2.3',
      dataDir,
      vault: createDevVault(dataDir),
      logger,
      env: {},
      createCore: createPosCore,
      startSimulator: async () => {
        throw new Error('EADDRINUSE');
      },
    });
    expect(composition.appInfo).toMatchObject({ version: '1.2.3', host: 'browser', demo: { enabled: false } });
    expect(logger.lines.some((l) => l.event === 'demo.start_failed' && l.message === 'EADDRINUSE')).toBe(true);
    const snapshot = await composition.core.invoke('getSnapshot', {});
    expect(snapshot.ok).toBe(true);
  });
});
