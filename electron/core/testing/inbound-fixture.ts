import type { PosEvent } from '../../../shared/ipc';
import type { ClientFrame, ErrorFrame } from '../../../shared/protocol';
import type { GatewayConnection } from '../connection/gateway-connection';
import { EventStream } from '../events/event-stream';
import { DeliveryWatch } from '../inbound/delivery-watch';
import { ErrorFrames } from '../inbound/error-frames';
import { InboundRouter } from '../inbound/inbound-router';
import { TerminalRegistry } from '../terminals/terminal-registry';
import { TerminalViews } from '../terminals/terminal-views';
import { ERROR_WINDOW_MS, setupPaymentCommands } from './payment-commands-fixture';
import { listFrame } from './terminal-frames';

/**
 * The inbound side as pos-core wires it: the real router, error frames, delivery watch, terminal
 * views and registry, event stream, and (from the payment-commands fixture) the real ledger,
 * journal and error attributor on a FakeClock. Only the link is a fake that records what the
 * core sends; recovery and the diagnostics' error note are recorded too.
 */
export function setupInbound() {
  const base = setupPaymentCommands();
  const { clock, logger, ledger, attributor, errors } = base;
  const linkSent: ClientFrame[] = [];
  const connection = { isOpen: () => base.state.open, send: (frame: ClientFrame) => linkSent.push(frame) > 0 } as unknown as GatewayConnection;
  const events = new EventStream(logger);
  const emitted: PosEvent[] = [];
  events.subscribe((e) => emitted.push(e));
  const terminals = new TerminalViews({ registry: new TerminalRegistry(60_000), ledger, connection, events, clock, graceRecheckMarginMs: 2_000 });
  const delivery = new DeliveryWatch(clock, attributor, ledger, ERROR_WINDOW_MS);
  const recoveries: string[] = [];
  const deps = {
    clock,
    logger,
    attributor,
    delivery,
    ledger,
    terminals,
    recover: (why: string) => recoveries.push(why),
    noteError: (m: string) => errors.push(m),
  };
  const errorFrames = new ErrorFrames(deps);
  const router = new InboundRouter({ ...deps, events, errorFrames });
  // The gateway's list as the core holds it after the open: both lanes online.
  terminals.onList(
    listFrame(0, [
      { deviceId: 'T1', status: 'online' },
      { deviceId: 'T2', status: 'online' },
    ]),
  );
  /**
   * A payment started through the real commands; then its delivery watch, as PaymentCommands
   * arms it right after the send (the commands fixture's own watch only records the id).
   */
  const started = async (terminalId = 'T1') => {
    const id = await base.started({ terminalId });
    delivery.watch(id);
    return id;
  };
  const errorFrame = (frame: ErrorFrame) => router.onConnectionEvent({ type: 'errorFrame', frame });
  const stateOf = (id: string) => ledger.get(id)?.state;
  const detailOf = (id: string) => ledger.get(id)?.detail;
  const logged = (event: string) => logger.lines.filter((l) => l.event === event);
  return { ...base, linkSent, events, emitted, terminals, delivery, recoveries, router, started, errorFrame, stateOf, detailOf, logged };
}
