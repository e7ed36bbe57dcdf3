import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PosEvent, TerminalView } from '../../../shared/ipc';
import type { ClientFrame } from '../../../shared/protocol';
import type { GatewayConnection } from '../connection/gateway-connection';
import { EventStream } from '../events/event-stream';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { PaymentLedger } from '../payments/ledger';
import { TerminalRegistry } from '../terminals/terminal-registry';
import { TerminalViews } from '../terminals/terminal-views';
import { FakeClock } from './fake-clock';

/**
 * TerminalViews' unit tests share this: the real registry, event stream and payment ledger (its
 * journal in os.tmpdir()) on a FakeClock; the gateway link is a fake whose `open` each test sets
 * and which records every frame sent.
 */
export const GRACE_MS = 60_000;
export const MARGIN_MS = 2_000;
const dirs: string[] = [];

export function removeTerminalViewsDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function setupTerminalViews() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-views-unit-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const ledger = new PaymentLedger(new Journal(dir, clock), clock, logger, 105_000);
  const link = { open: true };
  const sent: ClientFrame[] = [];
  const connection = { send: (frame: ClientFrame) => sent.push(frame) > 0, isOpen: () => link.open } as unknown as GatewayConnection;
  const events = new EventStream(logger);
  const emitted: PosEvent[] = [];
  events.subscribe((e) => emitted.push(e));
  const registry = new TerminalRegistry(GRACE_MS);
  const views = new TerminalViews({ registry, ledger, connection, events, clock, graceRecheckMarginMs: MARGIN_MS });
  const listRequests = () => sent.filter((f) => f.action === 'getTerminals').length;
  /** What the renderer heard since the last call: terminal views by id, removals as `-id`. */
  const heard = (): (TerminalView | string)[] =>
    emitted
      .splice(0)
      .flatMap((e): (TerminalView | string)[] => (e.type === 'terminal' ? [e.terminal] : e.type === 'terminalRemoved' ? [`-${e.terminalId}`] : []));
  const pay = (transactionId: string, terminalId: string) =>
    ledger.begin({ transactionId, orderRef: `O-${transactionId}`, terminalId, amountMinor: 9999, currency: 'USD', paymentMethod: 'CARD' });
  return { views, registry, ledger, clock, link, sent, listRequests, heard, pay };
}
