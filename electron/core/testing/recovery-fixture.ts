import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TransactionLookupResponse } from '../../../shared/protocol';
import { DEFAULT_CORE_TUNING } from '../core-tuning';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { PaymentLedger } from '../payments/ledger';
import type { LookupFn, LookupResult } from '../recovery/lookup-client';
import { Recovery, type RecoveryTimings } from '../recovery/recovery';
import { FakeClock } from './fake-clock';

/**
 * Recovery's unit tests share this: a real ledger and journal (in os.tmpdir()) on a FakeClock,
 * and a gateway whose lookup answer is scripted per transaction (unscripted: "not found").
 */
export const HOUR = 3_600_000;

/** The core's recovery timings, with a short replay window and the re-check interval under test. */
export const recoveryTimings = (abandonedRecheckMs: number, more: Partial<RecoveryTimings> = {}) => ({
  ...DEFAULT_CORE_TUNING,
  replayWindowMs: 300,
  abandonedRecheckMs,
  ...more,
});

const dirs: string[] = [];

export function removeRecoveryDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function setupRecovery(options: { secret?: boolean; recheckMs?: number; timings?: Partial<RecoveryTimings> } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-recovery-unit-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const logger = createMemoryLogger();
  const ledger = new PaymentLedger(new Journal(dir, clock), clock, logger, 105_000);
  const answers = new Map<string, LookupResult>();
  const asked: string[] = [];
  const lookup: LookupFn = async (id) => {
    asked.push(id);
    return answers.get(id) ?? { kind: 'notFound' };
  };
  const recovery = new Recovery(
    ledger,
    clock,
    logger,
    () => (options.secret === false ? undefined : lookup),
    recoveryTimings(options.recheckMs ?? 30_000, options.timings),
  );
  let n = 0;
  /** A payment sent to the terminal and waiting for its answer. */
  const begin = (terminalId = `T${n + 1}`) => {
    const id = `tx-${++n}`;
    ledger.begin({ transactionId: id, orderRef: `O-${id}`, terminalId, amountMinor: 100, currency: 'USD', paymentMethod: 'CARD' });
    return id;
  };
  const unknown = () => {
    const id = begin();
    ledger.apply(id, { type: 'linkLost' });
    return id;
  };
  const abandoned = () => {
    const id = begin();
    ledger.apply(id, { type: 'terminal', status: 'disconnected' });
    return id;
  };
  const found = (id: string, status: TransactionLookupResponse['status'], extra: Partial<TransactionLookupResponse> = {}) =>
    answers.set(id, { kind: 'found', body: { transactionId: id, status, ...extra } });
  return { clock, logger, ledger, recovery, answers, asked, begin, unknown, abandoned, found, state: (id: string) => ledger.get(id)?.state };
}
