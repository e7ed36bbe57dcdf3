import type { CoreTuning } from './ports';
import type { ConnectionTuning } from './connection/types';

export const DEFAULT_CORE_TUNING: CoreTuning = {
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  checkNowTimeoutMs: 3_000,
  handshakeTimeoutMs: 10_000,
  maxPayload: 2 * 1024 * 1024,
  backoffBaseMs: 250,
  backoffCapMs: 30_000,
  backoffUrgentCapMs: 1_000,
  healthyResetMs: 60_000,
  authRetryMs: 5 * 60_000,
  errorWindowMs: 3_000,
  paymentDeadlineMs: 105_000,
  terminalGraceMs: 60_000,
  replayWindowMs: 10_000,
  abandonedRecheckMs: 30_000,
};

export function resolveTuning(partial: Partial<CoreTuning> | undefined): CoreTuning {
  return { ...DEFAULT_CORE_TUNING, ...partial };
}

export function connectionTuning(t: CoreTuning): ConnectionTuning {
  return {
    pingIntervalMs: t.pingIntervalMs,
    pongTimeoutMs: t.pongTimeoutMs,
    checkNowTimeoutMs: t.checkNowTimeoutMs,
    handshakeTimeoutMs: t.handshakeTimeoutMs,
    maxPayload: t.maxPayload,
    backoff: { baseMs: t.backoffBaseMs, capMs: t.backoffCapMs, urgentCapMs: t.backoffUrgentCapMs, ...(t.random ? { random: t.random } : {}) },
    healthyResetMs: t.healthyResetMs,
    authRetryMs: t.authRetryMs,
    authCloseWindowMs: 2_000,
  };
}
