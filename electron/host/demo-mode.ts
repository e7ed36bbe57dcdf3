import type { AppInfo } from '../../shared/ipc';
import { loggedEmitter } from '../core/log/logged-emitter';
import type { Logger, Settings, SettingsService } from '../core/ports';
import type { SimulatorHandle, SimulatorOptions, StartSimulator } from '../../simulator/api';

/** The host → simulator edge: hosts get the demo gateway (and its types) from here only. */
export { startSimulator } from '../../simulator/index';
export type { SimulatorHandle, SimulatorOptions, StartSimulator };

/**
 * Demo mode (only when no gateway is configured anywhere; money-truth rule 1): with no gateway configured, the simulator runs in-process on a random
 * loopback port and the core is pointed at it. The core sees the simulator's URL and key; the
 * settings form keeps showing an empty endpoint, so the cashier never mistakes the demo for a
 * real configuration. Saving a real endpoint stops the simulator; clearing it starts it again.
 *
 * Demo mode runs only when NO gateway is set in any source (money-truth rule 1): an address or key
 * that was set but is invalid (form, provisioning file, environment) blocks payments instead;
 * a simulator that quietly approves would hand goods over unpaid.
 */
export interface DemoMode {
  /** The SettingsService the core runs with. */
  settings: SettingsService;
  /** Starts the simulator if no endpoint is configured. */
  start(): Promise<void>;
  stop(): Promise<void>;
  simulator(): SimulatorHandle | undefined;
}

export interface DemoModeOptions {
  store: SettingsService;
  startSimulator: StartSimulator;
  simulatorOptions?: SimulatorOptions;
  /** Updated in place: the core reports it in every snapshot. */
  appInfo: AppInfo;
  logger: Logger;
}

export function createDemoMode(options: DemoModeOptions): DemoMode {
  const { store, appInfo, logger } = options;
  let handle: SimulatorHandle | undefined;
  const changes = loggedEmitter<Settings>(logger, 'demo.listener_failed');
  let transition: Promise<void> = Promise.resolve();
  const problems = () => store.gatewayProblems?.() ?? [];
  const noGatewayAnywhere = () => store.current().endpoint === '' && problems().length === 0;

  async function ensure(wanted: boolean): Promise<void> {
    if (wanted && !handle) {
      try {
        handle = await options.startSimulator({ ...options.simulatorOptions, host: '127.0.0.1', port: 0 });
        logger.info('demo.started', { url: handle.url, control: `${handle.httpUrl}/__sim/` });
      } catch (error) {
        logger.error('demo.start_failed', { message: (error as Error).message });
      }
    } else if (!wanted && handle) {
      const closing = handle;
      handle = undefined;
      await closing.close().catch((error: Error) => logger.warn('demo.stop_failed', { message: error.message }));
      logger.info('demo.stopped');
    }
    appInfo.demo = handle ? { enabled: true, controlUrl: `${handle.httpUrl}/__sim/` } : { enabled: false };
  }

  function current(): Settings {
    const real = store.current();
    if (!noGatewayAnywhere() || !handle) return real;
    const pos = handle.apiKeys.pos;
    return {
      ...real,
      endpoint: handle.url,
      apiKey: pos,
      apiSecret: handle.apiKeys.posSecret,
      groupId: handle.apiKeys.all[pos]?.groupId ?? real.groupId,
    };
  }

  store.onChange((next) => {
    transition = transition.then(async () => {
      const leavingDemo = next.endpoint !== '' || problems().length > 0;
      // Entering demo: the simulator must listen before the core reconnects to it.
      if (!leavingDemo) await ensure(true);
      const effective = current();
      changes.emit(effective);
      // Leaving demo: the core has been told to move; now the simulator can go.
      if (leavingDemo) await ensure(false);
    });
  });

  return {
    settings: {
      current,
      gatewayProblems: problems,
      view: () => store.view(),
      save: (input) => store.save(input),
      onChange: (listener) => changes.on(listener),
    },
    start: () => (transition = transition.then(() => ensure(noGatewayAnywhere()))),
    stop: () => (transition = transition.then(() => ensure(false))),
    simulator: () => handle,
  };
}
