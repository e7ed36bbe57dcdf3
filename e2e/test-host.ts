import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../electron/host/web/start-host';
import type { CoreTuning, SocketFactory } from '../electron/core/ports';
import type { SimulatorHandle, SimulatorOptions } from '../simulator/api';

/**
 * Starting the browser host for the e2e specs, the screenshot tour and bench/ui.bench.ts (no
 * Playwright import here, so plain `tsx` scripts can use it).
 */

const root = path.resolve(import.meta.dirname, '..');

export const FAST_SIM: SimulatorOptions = { defaultDelayMs: 300, gracePeriodMs: 3_000, paymentTimeoutMs: 10_000 };

/** Small core timings: fast error window and reconnects; grace copied from the simulator. */
export function coreTuning(sim: SimulatorOptions, tuning: Partial<CoreTuning>): Partial<CoreTuning> {
  return {
    errorWindowMs: 400,
    backoffBaseMs: 100,
    backoffCapMs: 1_000,
    ...(sim.gracePeriodMs !== undefined ? { terminalGraceMs: sim.gracePeriodMs } : {}),
    ...tuning,
  };
}

export function provisioningEnv(sim: SimulatorHandle, dataDir: string): Record<string, string> {
  const entry = sim.apiKeys.all[sim.apiKeys.pos];
  return {
    CHECKSTAND_DATA_DIR: dataDir,
    CHECKSTAND_ENDPOINT: sim.url,
    CHECKSTAND_API_KEY: sim.apiKeys.pos,
    CHECKSTAND_API_SECRET: sim.apiKeys.posSecret,
    ...(entry?.groupId ? { CHECKSTAND_GROUP_ID: entry.groupId } : {}),
    // The e2e run must never look for updates on the internet.
    CHECKSTAND_UPDATES: 'off',
  };
}

/** Starts the browser host the way the e2e specs and the screenshot/bench scripts want it. */
export async function startTestHost(input: {
  dataDir: string;
  gateway: 'demo' | 'provisioned';
  simOptions: SimulatorOptions;
  tuning: Partial<CoreTuning>;
  externalSim?: SimulatorHandle;
  /** Wraps the core's gateway socket (the UI benchmark timestamps frames as the core gets them). */
  socketFactory?: SocketFactory;
  /** People: cashier sign-in (CHECKSTAND_ROLES); off unless a spec turns it on, so older specs run as before. */
  roles?: 'on' | 'off';
  /** The till's locale (CHECKSTAND_LOCALE, e.g. 'ar-KW'); unset or '' = the OS's, as before. */
  locale?: string;
}): Promise<BrowserHost> {
  const gatewayEnv = input.externalSim ? provisioningEnv(input.externalSim, input.dataDir) : { CHECKSTAND_UPDATES: 'off' };
  const env = { ...gatewayEnv, CHECKSTAND_ROLES: input.roles ?? 'off', ...(input.locale ? { CHECKSTAND_LOCALE: input.locale } : {}) };
  return startBrowserHost({
    dataDir: input.dataDir,
    port: 0,
    rendererDir: path.join(root, 'dist', 'renderer'),
    env,
    ...(input.externalSim ? {} : { simulator: input.simOptions }),
    coreDeps: {
      tuning: coreTuning(input.simOptions, input.tuning),
      ...(input.socketFactory ? { socketFactory: input.socketFactory } : {}),
    },
  });
}
