import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PosEvent, Snapshot } from '../../../shared/ipc';
import { systemClock, type CoreDeps, type CoreTuning, type Logger, type PosCore, type Settings } from '../ports';
import { createPosCore } from '../pos-core';
import { rememberingLogger } from '../log/log-memory';
import { createMemoryLogger } from '../log/logger';
import { memorySettings } from './memory-settings';

/**
 * A core wired to a temp data dir and in-memory settings, with helpers to wait for what a
 * cashier would see. Used by the integration tests (against the real simulator) and benches.
 */
export interface CoreHarness {
  core: PosCore;
  dataDir: string;
  settings: ReturnType<typeof memorySettings>;
  events: PosEvent[];
  logger: ReturnType<typeof createMemoryLogger>;
  snapshot(): Promise<Snapshot>;
  waitFor<T>(probe: (s: Snapshot) => T | undefined | false, timeoutMs?: number): Promise<T>;
  dispose(options?: { keepDir?: boolean }): Promise<void>;
}

export const FAST_TUNING: Partial<CoreTuning> = {
  pingIntervalMs: 1_000,
  pongTimeoutMs: 500,
  checkNowTimeoutMs: 300,
  handshakeTimeoutMs: 2_000,
  backoffBaseMs: 50,
  backoffCapMs: 500,
  errorWindowMs: 300,
  paymentDeadlineMs: 5_000,
  terminalGraceMs: 1_000,
  replayWindowMs: 300,
  abandonedRecheckMs: 300,
  authRetryMs: 60_000,
};

export async function createHarness(options: {
  settings: Partial<Settings>;
  tuning?: Partial<CoreTuning>;
  dataDir?: string;
  /** A plain `logger` here (a counting one, say) still feeds Diagnostics, as in compose. */
  deps?: Partial<Omit<CoreDeps, 'logger'>> & { logger?: Logger };
  start?: boolean;
}): Promise<CoreHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'checkstand-core-'));
  const settings = memorySettings(options.settings);
  const secrets = () => [settings.current().apiKey, settings.current().apiSecret];
  const logger = createMemoryLogger(secrets);
  const { logger: ownLogger, ...deps } = options.deps ?? {};
  const core = createPosCore({
    dataDir,
    settings,
    logger: ownLogger ? rememberingLogger(ownLogger, { clock: deps.clock ?? systemClock, secrets }) : logger,
    appInfo: {
      version: '0.0.0-test',
      host: 'browser',
      demo: { enabled: false },
      logDir: path.join(dataDir, 'logs'),
      journalDir: path.join(dataDir, 'journal'),
    },
    tuning: { ...FAST_TUNING, ...options.tuning },
    ...deps,
  });
  const events: PosEvent[] = [];
  core.subscribe((e) => events.push(e));
  if (options.start !== false) await core.start();
  const snapshot = async () => {
    const r = await core.invoke('getSnapshot', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return {
    core,
    dataDir,
    settings,
    events,
    logger,
    snapshot,
    async waitFor(probe, timeoutMs = 8_000) {
      const end = Date.now() + timeoutMs;
      let last: Snapshot | undefined;
      for (;;) {
        last = await snapshot();
        const v = probe(last);
        if (v !== undefined && v !== false) return v as never;
        if (Date.now() > end) {
          throw new Error(
            `waitFor timed out; connection=${last.connection.state} terminals=${JSON.stringify(last.terminals.map((t) => [t.id, t.presence]))} payments=${JSON.stringify(last.payments.map((p) => [p.transactionId.slice(-6), p.state, p.detail]))}`,
          );
        }
        await new Promise((r) => setTimeout(r, 15));
      }
    },
    async dispose(opts) {
      await core.stop();
      if (!opts?.keepDir && !options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
