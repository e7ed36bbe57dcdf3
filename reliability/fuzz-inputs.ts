import { COMMAND_NAMES } from '../shared/ipc';
import type { Rng } from './rng';

/**
 * Seeded generators of inputs that must each be REJECTED: every one is malformed by construction
 * (not judged by the parser under test), so "one rejection log line per input" is exact.
 */
export const FRAME_KINDS = [
  'notJson',
  'truncatedFrame',
  'nonObject',
  'noActionNoError',
  'unknownAction',
  'hostileAction',
  'knownActionBadFields',
  'binary',
  'hugeString',
  'deepNesting',
  'protoKeys',
] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

export interface FuzzFrame {
  kind: FrameKind;
  data: string | Buffer;
}

const GOOD_FRAMES = [
  '{"action":"terminalsResponse","terminals":[{"connectionId":"c1","deviceId":"D1","status":"online"}]}',
  '{"action":"paymentComplete","paymentResponse":{"transactionId":"t","status":"SUCCESS","amount":"1.00","currency":"USD"}}',
  '{"action":"terminalStatusUpdate","terminalId":"D1","status":"connected","timestamp":"2026-01-01T00:00:00Z"}',
  '{"action":"paymentVoided","transactionId":"t","reason":"late"}',
];

function garbage(rng: Rng, max: number): string {
  const alphabet = '{}[]":,\\ abcxyz0123456789-+.eE\n\t\u0000\u00e9\u2028\ud83d\ude00';
  let s = '';
  const n = rng.int(1, max);
  for (let i = 0; i < n; i += 1) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

function randomKey(rng: Rng): string {
  // Never `action`, `error` or `message`: those could make an input well-formed.
  return rng.pick(['a', 'b', 'status', 'terminals', 'transactionId', 'paymentResponse', '', 'x y', '\u00e9', 'toString', 'constructor', 'hasOwnProperty']);
}

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 3 : 5)) {
    case 0:
      return rng.int(-1e9, 1e9) / rng.pick([1, 7, 1000]);
    case 1:
      return garbage(rng, 12);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return rng.pick([Number.MAX_SAFE_INTEGER, -0, 1e308, 'NaN', '']);
    case 4:
      return Array.from({ length: rng.int(0, 3) }, () => randomValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 3); i > 0; i -= 1) o[randomKey(rng)] = randomValue(rng, depth + 1);
      return o;
    }
  }
}

export function fuzzFrame(rng: Rng, kind: FrameKind = rng.pick(FRAME_KINDS)): FuzzFrame {
  switch (kind) {
    case 'notJson': {
      let s = garbage(rng, 60);
      // A lone number, string or literal is valid JSON (and then a different kind): make sure it is not.
      s = `${rng.pick(['{', '[', '<', '}'])}${s}${rng.pick(['', ',', '{', '"'])}`;
      try {
        JSON.parse(s);
        s = `{${s}`;
      } catch {
        // good: not JSON
      }
      return { kind, data: s };
    }
    case 'truncatedFrame': {
      const good = rng.pick(GOOD_FRAMES);
      return { kind, data: good.slice(0, rng.int(0, good.length - 1)) };
    }
    case 'nonObject':
      return { kind, data: JSON.stringify(rng.pick([randomValue(rng), [], [1, 2], 'pong', 0, null, true, [{ action: 'pong' }]])) ?? 'null' };
    case 'noActionNoError': {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i -= 1) o[randomKey(rng)] = randomValue(rng);
      return { kind, data: JSON.stringify(o) };
    }
    case 'unknownAction':
      return {
        kind,
        data: JSON.stringify({
          action: rng.pick([garbage(rng, 20), 'PONG', 'ping', 'payment', 42, true, null, ['pong'], 'paymentcomplete']),
          [randomKey(rng)]: randomValue(rng),
        }),
      };
    case 'hostileAction':
      // An action that is an object whose toString/valueOf are not functions: String(action) throws.
      return { kind, data: JSON.stringify({ action: rng.pick<unknown>([{ toString: 1 }, { valueOf: 1, toString: 'x' }, { toString: null }]) }) };
    case 'knownActionBadFields': {
      const frames = [
        { action: 'terminalsResponse', terminals: randomValue(rng, 3) ?? 'x' },
        { action: 'terminalsResponse' },
        { action: 'terminalStatusUpdate', status: garbage(rng, 8) },
        { action: 'paymentComplete', paymentResponse: rng.pick([garbage(rng, 8), 7, [], null]) },
        { action: 'paymentComplete' },
        { action: 'paymentVoided', transactionId: rng.pick([7, {}, [], null, true]) },
        { action: 'paymentVoided' },
      ];
      const f = rng.pick(frames);
      // terminals: an array of anything might still be accepted; make it certainly not a list.
      if (f.action === 'terminalsResponse' && Array.isArray(f.terminals)) f.terminals = 'not a list';
      return { kind, data: JSON.stringify(f) };
    }
    case 'binary':
      return { kind, data: Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255))) };
    case 'hugeString':
      return { kind, data: JSON.stringify({ action: `X${'A'.repeat(rng.int(10_000, 40_000))}` }) };
    case 'deepNesting': {
      const depth = rng.int(500, 3_000);
      return { kind, data: `{"action":"nested","a":${'['.repeat(depth)}${']'.repeat(depth)}}` };
    }
    case 'protoKeys':
      return {
        kind,
        data: rng.pick([
          '{"__proto__":{"action":"pong"}}',
          '{"constructor":{"prototype":{"action":"pong"}}}',
          '{"__proto__":{"error":"x"},"a":1}',
          '{"prototype":null}',
        ]),
      };
  }
}

export const BRIDGE_KINDS = [
  'notJson',
  'binary',
  'nonObject',
  'wrongType',
  'badId',
  'badName',
  'unknownCommand',
  'protoCommand',
  'requestNotObject',
  'requestExtraKey',
  'startPaymentBadFields',
] as const;
export type BridgeKind = (typeof BRIDGE_KINDS)[number];

export interface FuzzBridgeMessage {
  kind: BridgeKind;
  data: string | Buffer;
  /** The id a `result` must come back for (an envelope with a usable id), if any. */
  answerId?: number;
}

export function fuzzBridgeMessage(rng: Rng, id: number, kind: BridgeKind = rng.pick(BRIDGE_KINDS)): FuzzBridgeMessage {
  const envelope = (name: unknown, request: unknown) => JSON.stringify({ type: 'invoke', id, name, request });
  switch (kind) {
    case 'notJson':
      return { kind, data: `{${garbage(rng, 40)}` };
    case 'binary':
      return { kind, data: Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255))) };
    case 'nonObject':
      return { kind, data: JSON.stringify(rng.pick([1, 'invoke', [], null, true, [{ type: 'invoke' }]])) };
    case 'wrongType':
      return { kind, data: JSON.stringify({ type: rng.pick(['result', 'event', 'INVOKE', 1, null]), id, name: 'getSnapshot', request: {} }), answerId: id };
    case 'badId':
      return { kind, data: JSON.stringify({ type: 'invoke', id: rng.pick<unknown>([-1, 1.5, '7', null, 'inf', {}]), name: 'getSnapshot', request: {} }) };
    case 'badName':
      return { kind, data: envelope(rng.pick<unknown>([7, null, {}, [], 'x'.repeat(65), { toString: 1 }]), {}), answerId: id };
    case 'unknownCommand':
      return { kind, data: envelope(rng.pick(['deleteEverything', 'GETSNAPSHOT', garbage(rng, 20).slice(0, 60), 'start_payment']), {}), answerId: id };
    case 'protoCommand':
      return { kind, data: envelope(rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']), {}), answerId: id };
    case 'requestNotObject':
      return { kind, data: envelope(rng.pick(COMMAND_NAMES), rng.pick([5, 'x', [], true, [{}], -1])), answerId: id };
    case 'requestExtraKey':
      return { kind, data: envelope(rng.pick(COMMAND_NAMES), { __fuzz: randomValue(rng) }), answerId: id };
    case 'startPaymentBadFields':
      return {
        kind,
        data: envelope('startPayment', {
          terminalId: rng.pick(['', 7, null, 'x'.repeat(500), 'TERM-001']),
          amountMinor: rng.pick([-1, 1.5, '100', 1e20, Number.MAX_SAFE_INTEGER + 2, null]),
          currency: rng.pick(['usd', '', 'DOLLARS', 7]),
          paymentMethod: rng.pick(['CASH?', '', null]),
          orderRef: rng.pick(['', 7, 'x'.repeat(1_000)]),
        }),
        answerId: id,
      };
  }
}
