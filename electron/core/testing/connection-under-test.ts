import type { ConnectionEvent, ConnectionTuning } from '../connection/types';
import { GatewayConnection } from '../connection/gateway-connection';
import { createMemoryLogger } from '../log/logger';
import { FakeClock } from './fake-clock';
import { scriptedFactory } from './scripted-socket';

/** A GatewayConnection on a scripted socket and a FakeClock, for its unit tests. */
export const TEST_TUNING: ConnectionTuning = {
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  checkNowTimeoutMs: 3_000,
  handshakeTimeoutMs: 5_000,
  maxPayload: 1_000_000,
  backoff: { baseMs: 1_000, capMs: 8_000, random: () => 0.5 },
  healthyResetMs: 60_000,
  authRetryMs: 120_000,
  authCloseWindowMs: 2_000,
};
export const TEST_ENDPOINT = 'ws://127.0.0.1:4010/v1';

export function connectionUnderTest(config: { groupId?: string } = {}, tuning: Partial<ConnectionTuning> = {}) {
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const wire = scriptedFactory();
  const conn = new GatewayConnection(clock, { ...TEST_TUNING, ...tuning }, logger, wire.factory);
  const events: ConnectionEvent[] = [];
  conn.on((e) => events.push(e));
  const configure = () => conn.configure({ endpoint: TEST_ENDPOINT, apiKey: 'key-1234567', ...config });
  const connect = () => {
    configure();
    wire.last().open();
    return wire.last();
  };
  const types = () => events.map((e) => (e.type === 'state' ? `state:${e.view.state}` : e.type));
  const logged = (event: string) => logger.lines.filter((l) => l.event === event);
  return { clock, logger, wire, conn, events, configure, connect, types, logged };
}
