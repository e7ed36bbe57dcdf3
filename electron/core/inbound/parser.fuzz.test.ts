import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../shared/protocol';
import { createMemoryLogger } from '../log/logger';
import { logInbound } from './log-frame';

/** Rule 4: nothing inbound is ever thrown; every input is a frame, an error frame or "invalid". */
const actions = ['terminalsResponse', 'pong', 'terminalStatusUpdate', 'paymentComplete', 'paymentVoided', 'forceDisconnect', 'bogus'];
const frameish = fc.record(
  {
    action: fc.oneof(fc.constantFrom(...actions), fc.anything()),
    terminals: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()),
    terminalId: fc.oneof(fc.string(), fc.anything()),
    status: fc.oneof(fc.constantFrom('connected', 'reconnecting', 'disconnected', 'online'), fc.anything()),
    timestamp: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.anything(),
    ),
    paymentResponse: fc.oneof(fc.record({ transactionId: fc.string(), status: fc.constantFrom('SUCCESS', 'FAILED', 'X') }), fc.anything()),
    transactionId: fc.anything(),
    error: fc.anything(),
    message: fc.anything(),
    __proto__: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('inbound parser fuzz', () => {
  it('never throws on arbitrary text, and the log line never throws either', () => {
    const logger = createMemoryLogger();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          frameish.map((f) => JSON.stringify(f) ?? 'null'),
        ),
        (text) => {
          const parsed = parseServerFrame(text);
          expect(['frame', 'error', 'invalid']).toContain(parsed.kind);
          logInbound(logger, parsed, text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts the documented examples and refuses unknown actions with a reason', () => {
    expect(parseServerFrame('{"action":"pong"}').kind).toBe('frame');
    expect(parseServerFrame('{"error":"Not Found","message":"Terminal connection not found"}').kind).toBe('error');
    const unknown = parseServerFrame('{"action":"selfDestruct"}');
    expect(unknown).toEqual({ kind: 'invalid', reason: 'unknown action "selfDestruct"' });
    expect(parseServerFrame('{"action":"paymentComplete"}').kind).toBe('invalid');
    expect(parseServerFrame('[1,2]').kind).toBe('invalid');
  });
});
