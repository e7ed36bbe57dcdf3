import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CoreDeps, Logger, PosCore } from '../../core/ports';
import type { SimulatorHandle, SimulatorOptions, StartSimulator } from '../demo-mode';
import { compose, type ComposeOptions, type Composition } from '../compose';
import { createDevVault } from './dev-vault';
import { startBridgeServer, type HttpRoute } from './server';

/**
 * The browser host: the same composition as Electron (settings → demo simulator → core), served
 * to a browser on 127.0.0.1 instead of a BrowserWindow. Developers without Electron and the
 * end-to-end tests use it.
 */
export interface BrowserHostOptions {
  /** Default: CHECKSTAND_DATA_DIR or ~/.checkstand. Tests pass a temp dir. */
  dataDir?: string;
  /** 0 = a free port (default: CHECKSTAND_PORT or 0). */
  port?: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /**
   * Environment the settings read (provisioning, e.g. CHECKSTAND_ENDPOINT for an external
   * gateway). Default process.env; tests pass their own object so nothing leaks between them.
   */
  env?: NodeJS.ProcessEnv;
  /** Demo-mode simulator options (tests make delays and timeouts small). */
  simulator?: SimulatorOptions;
  /** Fixed bridge token (tests); otherwise random per launch. */
  token?: string;
  /** Default: the core's file logger in <dataDir>/logs (see compose). */
  logger?: Logger;
  /** Echo log lines to stderr. */
  echoLog?: boolean;
  version?: string;
  coreDeps?: ComposeOptions['coreDeps'];
  receipts?: ComposeOptions['receipts'];
  updates?: ComposeOptions['updates'];
  /** Token-guarded HTTP routes, made once the composition exists (e.g. the receipt route). */
  httpRoutes?: (composition: Composition) => HttpRoute[];
}

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  core: PosCore;
  composition: Composition;
  /** The demo simulator, when running (tests drive it through `control`). */
  simulator(): SimulatorHandle | undefined;
  close(): Promise<void>;
}

export interface BrowserHostParts {
  createCore: (deps: CoreDeps) => PosCore;
  startSimulator: StartSimulator;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHECKSTAND_DATA_DIR || join(homedir(), '.checkstand');
}

export async function createBrowserHost(options: BrowserHostOptions, parts: BrowserHostParts): Promise<BrowserHost> {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? defaultDataDir(env);
  const composition = await compose({
    host: 'browser',
    version: options.version ?? '0.0.0-dev',
    dataDir,
    vault: createDevVault(dataDir),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.echoLog ? { echoLog: true } : {}),
    env,
    createCore: parts.createCore,
    startSimulator: parts.startSimulator,
    ...(options.simulator ? { simulatorOptions: options.simulator } : {}),
    ...(options.coreDeps ? { coreDeps: options.coreDeps } : {}),
    ...(options.receipts ? { receipts: options.receipts } : {}),
    ...(options.updates ? { updates: options.updates } : {}),
  });
  const { logger } = composition;
  logger.warn('browser_host.dev_vault', {
    note: 'Browser host: API key and secret are encrypted with a key file in the data dir (developer use only).',
  });
  let server;
  try {
    server = await startBridgeServer({
      handler: composition.core,
      rendererDir: options.rendererDir,
      logger,
      port: options.port ?? Number(env.CHECKSTAND_PORT ?? 0),
      ...(options.token ? { token: options.token } : {}),
      ...(options.httpRoutes ? { routes: options.httpRoutes(composition) } : {}),
    });
  } catch (error) {
    await composition.stop();
    throw error;
  }
  const bridge = server;
  let closing: Promise<void> | undefined;
  return {
    url: bridge.url,
    token: bridge.token,
    port: bridge.port,
    core: composition.core,
    composition,
    simulator: composition.simulator,
    close: () =>
      (closing ??= (async () => {
        await bridge.close();
        await composition.stop();
      })()),
  };
}
