import { z } from 'zod';
import { PosEvent } from './events';

/**
 * The browser host's bridge: the same contract as Electron IPC, carried over a loopback
 * WebSocket at `/bridge?token=<per-launch token>`. The page learns the token from its own URL
 * (`/?token=…`) and keeps it in sessionStorage so a reload still works.
 */
export const BRIDGE_PATH = '/bridge';

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
