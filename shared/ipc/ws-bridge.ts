import { z } from 'zod';
import { PosEvent } from './events';

/**
 * The browser host's bridge: the same contract as Electron IPC, carried over a loopback
 * WebSocket at `/bridge?token=<per-launch token>`. The page learns the token from its own URL
 * (`/?token=…`) and keeps it in sessionStorage so a reload still works.
 */
export const BRIDGE_PATH = '/bridge';

/**
 * The renderer bridge's timings: the one part of the timing table (electron/core/core-tuning.ts)
 * that lives in shared/, because the renderer may import nothing else.
 */
export const BRIDGE_TIMINGS = {
  /** First reconnect after the bridge socket closes; doubles each time… */
  retryMs: 500,
  /** …up to this (loopback: the host is back within seconds or not at all). */
  maxRetryMs: 5_000,
  /** How long a command may wait for its answer before the renderer shows an error. */
  invokeTimeoutMs: 30_000,
} as const;

export const BridgeRequest = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  request: z.unknown(),
});
export type BridgeRequest = z.infer<typeof BridgeRequest>;

export const BridgeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: PosEvent }),
]);
export type BridgeMessage = z.infer<typeof BridgeMessage>;
