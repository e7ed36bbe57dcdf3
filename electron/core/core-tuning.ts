import type { ConnectionTuning } from './connection/types';

/**
 * Every timing and limit of the core, one comment each: the defaults are the vendor's (§8 of
 * docs/protocol.md) and ours; tests pass small values through `CoreDeps.tuning`. The one timing
 * kept elsewhere is the renderer bridge's (`BRIDGE_TIMINGS` in shared/ipc/ws-bridge.ts): the
 * renderer may import only shared/.
 */
export interface CoreTuning {
  /** §8: ping the gateway this often. */
  pingIntervalMs: number;
  /** §8: the link is dead after this long without a pong. */
  pongTimeoutMs: number;
  /** Deadline of the immediate ping sent by `checkNow()` (system resume, network change). */
  checkNowTimeoutMs: number;
  /** How long the WebSocket handshake may take. */
  handshakeTimeoutMs: number;
  /** Largest inbound frame accepted by the socket (bytes). */
  maxPayload: number;
  /** Full-jitter reconnect backoff: the first retry lands within this. */
  backoffBaseMs: number;
  /** …and no retry waits longer than this. */
  backoffCapMs: number;
  /** The cap while the cashier is on the checkout or a payment is open: back online within about 1 s. */
  backoffUrgentCapMs: number;
  /** The backoff attempt counter resets after the link has been open this long. */
  healthyResetMs: number;
  /** After an auth refusal, retry this slowly (never a tight loop, OQ-1). */
  authRetryMs: number;
  /** A close with 1008/4001/4003 this soon after open also counts as an auth refusal (OQ-1). */
  authCloseWindowMs: number;
  /** §10.1: an error frame within this window belongs to the payment; silence means delivered. */
  errorWindowMs: number;
  /** Local payment deadline (90 s + margin, OQ-5) after which the outcome is unknown. */
  paymentDeadlineMs: number;
  /** The gateway's terminal grace period (60 s) for the countdown. */
  terminalGraceMs: number;
  /** When a grace countdown ends without a verdict, ask for the terminal list this much later (the gateway's own timer lags ours). */
  graceRecheckMarginMs: number;
  /** Without an API secret: how long replayed pushes may settle unknown payments before the cashier is asked. */
  replayWindowMs: number;
  /**
   * With the API secret, an abandoned payment is looked up again after reconnects, at most this
   * often at first and half as often after each answer that changes nothing: a late void is most
   * likely soon after the payment was given up, and many abandoned payments must not flood the gateway.
   */
  abandonedRecheckMs: number;
  /** The longest wait between two re-checks of one abandoned payment. */
  abandonedRecheckCapMs: number;
  /** Abandoned payments older than this are no longer looked up (a void comes within a day or not at all). */
  abandonedLookbackMs: number;
  /** How long one transaction lookup (GET /transactions/{id}) may take before it counts as no answer. */
  lookupTimeoutMs: number;
  /** The longest wait between two lookups of an unknown payment whose lookup got no real answer. */
  unknownRecheckCapMs: number;
  /** An unwritable journal is retried after this, doubling each time… */
  journalRetryBaseMs: number;
  /** …up to this. */
  journalRetryCapMs: number;
  // People (who is at the till): the PIN lockout and how long a manager's approval lasts.
  /** Wrong PINs in a row before the person (or the manager-approval dialog) is locked. */
  pinAttempts: number;
  /** The first lockout; each further one doubles… */
  pinLockoutBaseMs: number;
  /** …up to this. */
  pinLockoutCapMs: number;
  /** A manager's approval to open Settings or People lasts this long (and ends at sign-out). */
  settingsApprovalMs: number;
  /** A manager's approval of one payment action (settle by hand, take another payment) must be used within this. */
  paymentApprovalMs: number;
  /** Injectable randomness for backoff tests. */
  random?: () => number;
}

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
  authCloseWindowMs: 2_000,
  errorWindowMs: 3_000,
  paymentDeadlineMs: 105_000,
  terminalGraceMs: 60_000,
  graceRecheckMarginMs: 2_000,
  replayWindowMs: 10_000,
  abandonedRecheckMs: 30_000,
  abandonedRecheckCapMs: 60 * 60_000,
  abandonedLookbackMs: 24 * 60 * 60_000,
  lookupTimeoutMs: 8_000,
  unknownRecheckCapMs: 5 * 60_000,
  journalRetryBaseMs: 1_000,
  journalRetryCapMs: 30_000,
  pinAttempts: 5,
  pinLockoutBaseMs: 30_000,
  pinLockoutCapMs: 15 * 60_000,
  settingsApprovalMs: 10 * 60_000,
  paymentApprovalMs: 2 * 60_000,
};

export function resolveTuning(partial: Partial<CoreTuning> | undefined): CoreTuning {
  return { ...DEFAULT_CORE_TUNING, ...partial };
}

/** The gateway connection's part of the table. */
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
    authCloseWindowMs: t.authCloseWindowMs,
  };
}
