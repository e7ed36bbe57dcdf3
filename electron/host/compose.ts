import { tillLocale } from '../core/i18n/till-locale';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc';
import { rememberingLogger } from '../core/log/log-memory';
import { createFileLogger } from '../core/log/logger';
import { systemClock, type CoreDeps, type DiagnosticLogger, type Logger, type PosCore, type ReceiptService, type UpdateService } from '../core/ports';
import { openSettingsStore, type SecretVault, type SettingsStore } from '../core/settings';
import { createDemoMode, type SimulatorHandle, type SimulatorOptions, type StartSimulator } from './demo-mode';

/**
 * The one wiring both hosts share: settings store → demo mode → core. It only connects parts;
 * each host passes what differs (vault, data dir, how the core and simulator are made).
 */
export interface ComposeOptions {
  host: AppInfo['host'];
  version: string;
  dataDir: string;
  /** Electron's crash-dump folder, listed in Diagnostics (the browser host has none). */
  crashDumpDir?: string;
  vault: SecretVault;
  /**
   * Default: the core's rotating file logger in <dataDir>/logs, masking the current API key and
   * secret (and the demo key) inside any string as well as by field name. A logger passed here
   * still feeds Diagnostics (its lines are remembered, redacted, on the way through).
   */
  logger?: Logger;
  /** Also print log lines to stderr (development). */
  echoLog?: boolean;
  /** Defaults to process.env; tests pass their own (provisioning). */
  env?: NodeJS.ProcessEnv;
  /** The OS's locale (Electron: app.getSystemLocale()); default Node's Intl default, which follows LANG. */
  osLocale?: string;
  createCore: (deps: CoreDeps) => PosCore;
  startSimulator: StartSimulator;
  simulatorOptions?: SimulatorOptions;
  /**
   * Receipts and updates are optional: the lead wires them here. They get the settings and a
   * getter for the core (the receipt service needs `paymentDetails`, the core needs receipts).
   */
  receipts?: (context: ServiceContext) => ReceiptService;
  updates?: (context: ServiceContext) => UpdateService;
  /** Extra core deps (clock, socketFactory, fetch) for tests. */
  coreDeps?: Partial<Pick<CoreDeps, 'clock' | 'socketFactory' | 'fetch' | 'tuning'>>;
}

export interface ServiceContext {
  settings: SettingsStore;
  dataDir: string;
  logger: Logger;
  appInfo: AppInfo;
  /** The till's locale in effect (the setting, else the OS's): receipts and pages are made in it. */
  locale: () => string;
  core: () => PosCore;
}

export interface Composition {
  core: PosCore;
  settings: SettingsStore;
  appInfo: AppInfo;
  /** The one logger of the app: every line also feeds Diagnostics. Hosts log through it too. */
  logger: DiagnosticLogger;
  simulator(): SimulatorHandle | undefined;
  /** Stops the core (socket closed cleanly, journal flushed), then the demo simulator. */
  stop(): Promise<void>;
}

export async function compose(options: ComposeOptions): Promise<Composition> {
  const { dataDir } = options;
  let secrets: () => string[] = () => [];
  // The one place the app's logger is made: core, settings, demo mode and the host adapters all
  // write through it, so every warning reaches Diagnostics.
  const logger: DiagnosticLogger = options.logger
    ? rememberingLogger(options.logger, { clock: systemClock, secrets: () => secrets() })
    : createFileLogger({ dir: join(dataDir, 'logs'), clock: systemClock, secrets: () => secrets(), echo: options.echoLog ?? false });
  const settings = await openSettingsStore({ dataDir, vault: options.vault, env: options.env ?? process.env, logger });
  const appInfo: AppInfo = {
    version: options.version,
    host: options.host,
    demo: { enabled: false },
    logDir: join(dataDir, 'logs'),
    journalDir: join(dataDir, 'journal'),
  };
  const demo = createDemoMode({
    store: settings,
    startSimulator: options.startSimulator,
    ...(options.simulatorOptions ? { simulatorOptions: options.simulatorOptions } : {}),
    appInfo,
    logger,
  });
  secrets = () => {
    const s = demo.settings.current();
    return [s.apiKey, s.apiSecret].filter((v) => v !== '');
  };
  await demo.start();

  // The services get the core lazily: it is created after them, from deps that include them.
  const created: { core?: PosCore } = {};
  const osLocale = options.osLocale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  const context: ServiceContext = {
    settings,
    dataDir,
    logger,
    appInfo,
    locale: tillLocale(() => demo.settings.current(), osLocale),
    core: () => {
      if (!created.core) throw new Error('The core is not created yet.');
      return created.core;
    },
  };
  const provisionedPeople = settings.provisionedPeople();
  const deps: CoreDeps = {
    dataDir,
    settings: demo.settings,
    // People: roles on unless store IT (provisioning file `roles`, CHECKSTAND_ROLES) says otherwise.
    people: { ...provisionedPeople, envRoles: (options.env ?? process.env).CHECKSTAND_ROLES ?? '' },
    appInfo,
    osLocale,
    logger,
    ...(options.crashDumpDir ? { crashDumpDir: options.crashDumpDir } : {}),
    ...options.coreDeps,
    ...(options.receipts ? { receipts: options.receipts(context) } : {}),
    ...(options.updates ? { updates: options.updates(context) } : {}),
  };
  const core = options.createCore(deps);
  created.core = core;
  try {
    await core.start();
  } catch (error) {
    await demo.stop();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    core,
    settings,
    appInfo,
    logger,
    simulator: demo.simulator,
    stop: () =>
      (stopping ??= (async () => {
        await core.stop().catch((error: Error) => logger.error('core.stop_failed', { message: error.message }));
        await demo.stop();
      })()),
  };
}
