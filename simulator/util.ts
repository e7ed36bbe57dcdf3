import { randomBytes } from 'node:crypto';

/** ISO 8601 in UTC with milliseconds, the format of every gateway example (§2). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The gateway's own clock, which may run ahead of or behind the machine's (`clockSkewMs`). */
export function gatewayNowIso(config: { clockSkewMs: number }): string {
  return new Date(Date.now() + config.clockSkewMs).toISOString();
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A short opaque id shaped like the gateway's `connectionId` example ("abc123xyz"). */
export function randomId(length = 12): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** Every timer the simulator starts goes through here, so `close()` can stop them all. */
export class Timers {
  private readonly live = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void): NodeJS.Timeout {
    const handle = setTimeout(
      () => {
        this.live.delete(handle);
        try {
          fn();
        } catch (err) {
          // A bug in one timer must not take the whole gateway (and every test using it) down.
          console.error('[simulator] timer failed:', err);
        }
      },
      Math.max(0, ms),
    );
    this.live.add(handle);
    return handle;
  }

  cancel(handle: NodeJS.Timeout | undefined): void {
    if (!handle) return;
    clearTimeout(handle);
    this.live.delete(handle);
  }

  clearAll(): void {
    for (const handle of this.live) clearTimeout(handle);
    this.live.clear();
  }
}

/** Redacts a credential for logs: enough to tell keys apart, not enough to use one. */
export function redactKey(key: string): string {
  if (key.length <= 6) return '***';
  return `${key.slice(0, 4)}…${key.slice(-2)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
