import { z } from 'zod';
import { ConnectionView, PaymentsPause, PaymentView, PrintJobView, SettingsView, TerminalView, UpdateView, VoidAlert } from './model';
import { NextOrderRef, OrderView } from './orders';
import { PeopleView } from './people';

/**
 * Deltas pushed from the main process. Every event carries the next sequence number; a renderer
 * that sees a gap asks for a fresh snapshot (DESIGN.md "How data flows").
 */
export const PosEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection'), seq: z.number().int(), connection: ConnectionView }),
  z.object({ type: z.literal('terminal'), seq: z.number().int(), terminal: TerminalView }),
  z.object({ type: z.literal('terminalRemoved'), seq: z.number().int(), terminalId: z.string() }),
  z.object({ type: z.literal('payment'), seq: z.number().int(), payment: PaymentView }),
  z.object({ type: z.literal('alert'), seq: z.number().int(), alert: VoidAlert }),
  /** An attempt of this order changed: its standing, and the reference the next sale gets. */
  z.object({ type: z.literal('order'), seq: z.number().int(), order: OrderView, nextOrderRef: NextOrderRef }),
  z.object({ type: z.literal('settings'), seq: z.number().int(), settings: SettingsView }),
  z.object({ type: z.literal('update'), seq: z.number().int(), update: UpdateView }),
  z.object({ type: z.literal('printJob'), seq: z.number().int(), job: PrintJobView }),
  z.object({ type: z.literal('paused'), seq: z.number().int(), paused: z.array(PaymentsPause) }),
  /** People: sign-in, sign-out, people added/changed/removed, a lockout lifted. */
  z.object({ type: z.literal('people'), seq: z.number().int(), people: PeopleView }),
]);
export type PosEvent = z.infer<typeof PosEvent>;
export type PosEventType = PosEvent['type'];
