import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from './host';
import { startBrowserHost } from './start-host';

/**
 * `node dist/browser-host/main.mjs [--port N] [--data-dir DIR] [--renderer DIR]`
 * (`npm run start:web`). Prints one line with the URL, which carries this launch's token.
 */
declare const __CHECKSTAND_VERSION__: string | undefined;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      renderer: { type: 'string' },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  // Built layout: dist/browser-host/main.mjs next to dist/renderer/.
  const rendererDir = resolve(values.renderer ?? process.env.CHECKSTAND_RENDERER_DIR ?? join(here, '..', 'renderer'));
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port ?? process.env.CHECKSTAND_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The port must be a number between 0 and 65535 (got "${values.port ?? process.env.CHECKSTAND_PORT}").`);
    process.exit(2);
  }
  const host = await startBrowserHost({
    dataDir,
    port,
    rendererDir,
    version: typeof __CHECKSTAND_VERSION__ === 'string' ? __CHECKSTAND_VERSION__ : '0.0.0-dev',
  });
  for (const problem of host.composition.settings.problems()) console.warn(`Settings: ${problem}`);
  if (host.composition.appInfo.demo.enabled) {
    console.log(`Demo mode: simulated terminals (control page ${host.composition.appInfo.demo.controlUrl}).`);
  }
  console.log(`Checkstand is running at ${host.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (host.core.hasPaymentInFlight()) {
      console.warn('A payment is in flight; its outcome will be checked on the next start.');
    }
    host.composition.logger.info('browser_host.stopping', { signal });
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`Checkstand could not start: ${error.message}`);
  process.exit(1);
});
