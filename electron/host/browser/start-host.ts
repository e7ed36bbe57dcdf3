import { createPosCore } from '../../core/pos-core';
import { startSimulator } from '../../../simulator/index';
import { createBrowserHost, type BrowserHost, type BrowserHostOptions } from './host';

/** `startBrowserHost` with the real core and simulator: what main.ts and the e2e tests call. */
export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  return createBrowserHost(options, { createCore: createPosCore, startSimulator });
}
export type { BrowserHost, BrowserHostOptions };
