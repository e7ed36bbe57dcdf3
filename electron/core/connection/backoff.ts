import { DEFAULT_CORE_TUNING } from '../core-tuning';

/**
 * Full-jitter exponential backoff (AWS architecture blog "Exponential Backoff And Jitter"):
 * delay = random(0, min(cap, base · 2^attempt)). Full jitter spreads a store's tills apart after a
 * gateway restart, and a small base makes the first retry land within `baseMs` (250 ms), so a
 * routine server-side close (idle cut, 2-hour lifetime) is healed before a cashier notices.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Injectable for tests: returns [0, 1). */
  random?: () => number;
}

/** The defaults of the one timing table (core-tuning.ts). */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: DEFAULT_CORE_TUNING.backoffBaseMs, capMs: DEFAULT_CORE_TUNING.backoffCapMs };

/** Upper bound of the delay before retry number `attempt` (0 = first retry). */
export function backoffCeiling(attempt: number, options: BackoffOptions): number {
  // 2^attempt overflows to Infinity long after it passes the cap; Math.min handles that.
  return Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  return Math.floor(random() * backoffCeiling(attempt, options));
}
