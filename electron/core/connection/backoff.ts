import { DEFAULT_CORE_TUNING } from '../core-tuning';

/**
 * Full-jitter exponential backoff (AWS architecture blog "Exponential Backoff And Jitter"):
 * delay = random(0, min(cap, base · 2^attempt)). Full jitter spreads a store's tills apart after a
 * gateway restart, and a small base makes the first retry land within `baseMs` (250 ms), so a
 * routine server-side close (idle cut, 2-hour lifetime) is healed before a cashier notices.
 * While this till has work waiting (the cashier is on the checkout, or payments are open) the
 * jitter stays but the cap drops to `urgentCapMs`: after a 12 s outage a 30 s cap left the till
 * blocked 16 s after the gateway was back (till: back online at once). Idle tills keep the long cap, so a
 * store's herd still spreads out.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** The cap while this till has work waiting (never above `capMs`). */
  urgentCapMs?: number;
  /** Injectable for tests: returns [0, 1). */
  random?: () => number;
}

/** The defaults of the one timing table (core-tuning.ts). */
export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: DEFAULT_CORE_TUNING.backoffBaseMs,
  capMs: DEFAULT_CORE_TUNING.backoffCapMs,
  urgentCapMs: DEFAULT_CORE_TUNING.backoffUrgentCapMs,
};

/** Upper bound of the delay before retry number `attempt` (0 = first retry). */
export function backoffCeiling(attempt: number, options: BackoffOptions, urgent = false): number {
  const cap = urgent ? backoffCap(options, true) : options.capMs;
  // 2^attempt overflows to Infinity long after it passes the cap; Math.min handles that.
  return Math.min(cap, options.baseMs * 2 ** Math.max(0, attempt));
}

/** The longest any retry may wait, urgent or not. */
export function backoffCap(options: BackoffOptions, urgent: boolean): number {
  return urgent ? Math.min(options.capMs, options.urgentCapMs ?? options.capMs) : options.capMs;
}

export function backoffDelay(attempt: number, options: BackoffOptions, urgent = false): number {
  const random = options.random ?? Math.random;
  return Math.floor(random() * backoffCeiling(attempt, options, urgent));
}
