import type { SimulatorHandle, SimulatorOptions } from './api';
import { runtimeConfig } from './config';
import { Control } from './control';
import { Gateway } from './gateway';
import { FrameLog } from './log';
import { DEFAULT_POS_KEY, defaultConfig, KeyRegistry, parseConfig } from './registry';
import { httpRoutes } from './routes';
import { SimServer, type HttpRoute } from './server';

export type * from './api';
export { DEFAULT_POS_KEY, DEFAULT_POS_SECRET, defaultConfig, loadConfigFile, parseConfig } from './registry';

/**
 * Starts a local Modulus Terminal Gateway (docs/protocol.md §3–§13) on one loopback port:
 * WebSocket `/v1`, HTTP `/v1/...`, control API and page under `/__sim`. Virtual terminals of
 * the registry connect before this resolves.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const config = parseConfig(options.config ?? defaultConfig(), 'options.config');
  const registry = new KeyRegistry(config);
  const runtime = runtimeConfig(options);
  const log = new FrameLog(options.log);
  const gateway = new Gateway(registry, runtime, log);
  const routes: HttpRoute[] = [];
  const server = new SimServer(gateway, routes);
  const host = options.host ?? '127.0.0.1';
  const port = await server.listen(options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `ws://${urlHost}:${port}/v1`;
  const httpUrl = `http://${urlHost}:${port}`;
  const control = new Control(gateway, () => url);
  routes.push(...httpRoutes({ gateway, control }));

  const terminalKeys = registry.entries().filter(([, e]) => e.role === 'terminal' && e.autoConnect !== false);
  await Promise.all(terminalKeys.map(([key, entry]) => control.startVirtual(key, entry)));
  const posKey = registry.firstDesktopKey() ?? DEFAULT_POS_KEY;

  let closed: Promise<void> | undefined;
  return {
    url,
    httpUrl,
    port,
    apiKeys: {
      pos: posKey,
      posSecret: registry.get(posKey)?.apiSecret ?? '',
      all: registry.all(),
    },
    control: {
      terminals: () => control.terminals(),
      addTerminal: (input) => control.addTerminal(input),
      dropTerminal: (id, o) => control.dropTerminal(id, o),
      reconnectTerminal: (id, ms) => control.reconnectTerminal(id, ms),
      script: (id, s) => control.script(id, s),
      resolve: (id, outcome, details) => control.resolve(id, outcome, details),
      setConfig: (patch) => control.setConfig(patch),
      faults: control.faults,
      lookupFault: (fault) => control.lookupFault(fault),
      displace: (key) => control.displace(key),
      restart: (o) => control.restart(o),
      transactions: () => control.transactions(),
      transaction: (id) => control.transaction(id),
      log: () => control.log(),
    },
    close: () => {
      closed ??= (async () => {
        gateway.timers.clearAll();
        await control.close();
        await server.close();
        gateway.timers.clearAll();
        await log.close();
      })();
      return closed;
    },
  };
}
