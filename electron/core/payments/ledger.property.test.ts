import { msg } from '../../../shared/i18n/message';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { PaymentState } from '../../../shared/ipc';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { FakeClock } from '../testing/fake-clock';
import { PaymentLedger } from './ledger';
import { isFinal, isOpen } from './transitions';
import type { LedgerEvent } from './types';

/**
 * Money-safety properties of the ledger under ANY interleaving of gateway events, timers and
 * cashier actions (the ledger's guarantees: money-safety rules 2, 5, 6).
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const TERMINALS = ['T1', 'T2', 'T3'];
const ORDERS = ['O1', 'O2', 'O3', 'O4'];

const response = (status: 'SUCCESS' | 'FAILED' | 'PENDING' | 'CANCELLED') => ({ status });
const eventArb: fc.Arbitrary<LedgerEvent> = fc.oneof(
  fc.constant<LedgerEvent>({ type: 'delivered' }),
  fc.constant<LedgerEvent>({ type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'Not Found' }) }),
  fc
    .constantFrom('SUCCESS', 'FAILED', 'PENDING', 'CANCELLED')
    .chain((status) =>
      fc
        .constantFrom<'push' | 'lookup'>('push', 'lookup')
        .map((via) => ({ type: 'result', via, response: { transactionId: 'x', ...response(status as 'SUCCESS') } }) as LedgerEvent),
    ),
  fc.constant<LedgerEvent>({ type: 'voided', reason: 'late success', via: 'push' }),
  fc.constantFrom('reconnecting', 'connected', 'disconnected').map((status) => ({ type: 'terminal', status }) as LedgerEvent),
  fc.constant<LedgerEvent>({ type: 'linkLost' }),
  fc.constant<LedgerEvent>({ type: 'stillRunning', status: 'PENDING' }),
  fc.constant<LedgerEvent>({ type: 'notFound' }),
  fc.constant<LedgerEvent>({ type: 'needsCashier', why: msg('core.payment.check_terminal') }),
  fc.constantFrom('approved', 'declined', 'cancelled', 'abandoned').map((outcome) => ({ type: 'cashier', outcome, reason: 'seen on terminal' }) as LedgerEvent),
);

type Step =
  | { kind: 'begin'; terminal: string; order: string }
  | { kind: 'event'; pick: number; event: LedgerEvent }
  | { kind: 'tick'; ms: number }
  | { kind: 'ack'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('begin' as const), terminal: fc.constantFrom(...TERMINALS), order: fc.constantFrom(...ORDERS) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('event' as const), pick: fc.nat(50), event: eventArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ack' as const), pick: fc.nat(50) }) },
);

function run(steps: Step[]): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-ledger-prop-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const journal = new Journal(dir, clock);
  const ledger = new PaymentLedger(journal, clock, createMemoryLogger(), 105_000);
  const raised = new Map<string, number>();
  const history = new Map<string, PaymentState[]>();
  ledger.onChange((c) => {
    if (c.kind === 'alert' && c.alert.acknowledgedAt === undefined) raised.set(c.alert.transactionId, (raised.get(c.alert.transactionId) ?? 0) + 1);
    if (c.kind === 'payment') history.set(c.payment.transactionId, [...(history.get(c.payment.transactionId) ?? []), c.payment.state]);
  });
  const ids: string[] = [];
  let n = 0;
  for (const step of steps) {
    if (step.kind === 'begin') {
      const refused = ledger.refusal({ terminalId: step.terminal, orderRef: step.order });
      if (refused) {
        expect(() =>
          ledger.begin({
            transactionId: `tx-${n++}`,
            terminalId: step.terminal,
            orderRef: step.order,
            amountMinor: 100,
            currency: 'USD',
            paymentMethod: 'CARD',
          }),
        ).toThrow();
        continue;
      }
      const id = `tx-${n++}`;
      ledger.begin({ transactionId: id, terminalId: step.terminal, orderRef: step.order, amountMinor: 100, currency: 'USD', paymentMethod: 'CARD' });
      ids.push(id);
    } else if (step.kind === 'event' && ids.length > 0) {
      const id = ids[step.pick % ids.length]!;
      const event = step.event.type === 'result' ? { ...step.event, response: { ...step.event.response, transactionId: id } } : step.event;
      ledger.apply(id, event);
    } else if (step.kind === 'tick') {
      clock.advance(step.ms);
    } else if (step.kind === 'ack') {
      const alerts = ledger.alerts();
      if (alerts.length > 0) ledger.acknowledge(alerts[step.pick % alerts.length]!.id);
    }

    // Never two open payments on one terminal, nor on one order. Judged from the full list, not
    // from the ledger's own open-payment indexes, which must agree with it.
    const open = ledger.list().filter((p) => isOpen(p.state));
    expect(new Set(open.map((p) => p.terminalId)).size).toBe(open.length);
    expect(new Set(open.map((p) => p.orderRef)).size).toBe(open.length);
    expect(
      ledger
        .open()
        .map((p) => p.transactionId)
        .sort(),
    ).toEqual(open.map((p) => p.transactionId).sort());
    expect(ledger.hasOpen()).toBe(open.length > 0);
    for (const t of TERMINALS) expect(ledger.openForTerminal(t)).toEqual(open.find((p) => p.terminalId === t));
    for (const o of ORDERS) expect(ledger.openForOrder(o)).toEqual(open.find((p) => p.orderRef === o));
  }

  for (const [id, states] of history) {
    for (let i = 1; i < states.length; i += 1) {
      const [a, b] = [states[i - 1]!, states[i]!];
      if (isFinal(a)) {
        // A final state never regresses: never open again; approved only to voided; voided stays.
        expect(isOpen(b), `${id}: ${a} -> ${b}`).toBe(false);
        if (a === 'approved' || a === 'voided') expect(['voided', a]).toContain(b);
        if (b !== a) expect(['voided', 'needs_review', 'approved', 'declined', 'cancelled', 'abandoned']).toContain(b);
        if (b !== a && b !== 'voided' && b !== 'needs_review') expect(a).toBe('needs_review'); // only a cashier settles a review
      }
    }
    // At most one void alert per transaction, and only for voided ones.
    expect(raised.get(id) ?? 0).toBeLessThanOrEqual(1);
    if (raised.get(id)) expect(states).toContain('voided');
  }

  // The journal alone rebuilds exactly what the ledger holds (kill -9 at this point loses nothing).
  journal.close();
  const replay = new Journal(dir, clock).replay();
  for (const p of ledger.list()) expect(replay.payments.get(p.transactionId)).toEqual(p);
  expect(
    [...replay.alerts.values()]
      .filter((a) => !a.acknowledgedAt)
      .map((a) => a.id)
      .sort(),
  ).toEqual(
    ledger
      .alerts()
      .map((a) => a.id)
      .sort(),
  );
  ledger.dispose();
}

/**
 * Seeded, so a run that passes here passes on CI and a failure replays exactly. To explore new
 * interleavings run with FC_SEED=<any integer> (fast-check prints the seed of a failure).
 */
const SEED = Number(process.env.FC_SEED ?? 14_2026);

describe('payment ledger properties (fast-check)', () => {
  it('keeps every money-safety invariant under any interleaving of events', () => {
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), run), { numRuns: 150, seed: SEED });
  });

  it('example the unseeded run found 2 times in 19: a terminal reconnecting after its payment was abandoned reopens nothing', () => {
    run([
      { kind: 'begin', terminal: 'T1', order: 'O1' },
      { kind: 'event', pick: 0, event: { type: 'delivered' } },
      { kind: 'event', pick: 0, event: { type: 'terminal', status: 'reconnecting' } },
      { kind: 'event', pick: 0, event: { type: 'terminal', status: 'disconnected' } },
      { kind: 'event', pick: 0, event: { type: 'terminal', status: 'reconnecting' } },
      { kind: 'event', pick: 0, event: { type: 'terminal', status: 'connected' } },
      // The order is free again: the cashier takes the payment a second time on the same terminal.
      { kind: 'begin', terminal: 'T1', order: 'O1' },
      { kind: 'event', pick: 1, event: { type: 'terminal', status: 'connected' } },
    ]);
  });
});
