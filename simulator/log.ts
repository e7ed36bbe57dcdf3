import { createWriteStream, type WriteStream } from 'node:fs';
import type { SimLogEntry } from './api';
import { isPlainObject, redactKey } from './util';

const RING_SIZE = 5_000;
const KEY_FIELDS = new Set(['apiKey', 'x-api-key', 'apiSecret', 'secret', 'posApiKey', 'x-signature']);

/** Replaces credential-looking fields anywhere in a frame with a redacted form. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = KEY_FIELDS.has(k) && typeof v === 'string' ? redactKey(v) : redact(v, depth + 1);
  }
  return out;
}

function holdsCredential(value: unknown, depth = 0): boolean {
  if (depth > 8) return true;
  if (Array.isArray(value)) return value.some((v) => holdsCredential(v, depth + 1));
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([k, v]) => KEY_FIELDS.has(k) || holdsCredential(v, depth + 1));
}

/**
 * Every frame in and out, as JSON lines: a bounded in-memory ring (control.log(), /__sim/log)
 * and optionally a file or stdout. Keys and secrets are redacted before anything is stored.
 */
export class FrameLog {
  /** Circular buffer: the newest RING_SIZE entries, `next` is where the next one goes. */
  private readonly ring: SimLogEntry[] = [];
  private next = 0;
  private sink: WriteStream | NodeJS.WriteStream | undefined;

  constructor(target?: string) {
    if (target === 'stdout') this.sink = process.stdout;
    else if (target) this.sink = createWriteStream(target, { flags: 'a' });
  }

  /**
   * `text` is the frame exactly as it came off the wire: parsing loses what the gateway would
   * notice (an amount sent as the number 99.9 instead of the string "99.90"). It is kept only
   * when redaction found no credential field in the frame, so no key reaches the log this way.
   */
  record(dir: SimLogEntry['dir'], connection: string, role: SimLogEntry['role'], frame: unknown, text?: string): void {
    const redacted = redact(frame);
    const entry: SimLogEntry = { at: new Date().toISOString(), dir, connection, role, frame: redacted };
    if (text !== undefined && !holdsCredential(frame)) entry.text = text;
    if (this.ring.length < RING_SIZE) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % RING_SIZE;
    if (this.sink) {
      try {
        this.sink.write(`${JSON.stringify(entry)}\n`);
      } catch {
        // A broken log sink must never take the gateway down.
      }
    }
  }

  /** A raw inbound text that may not be JSON: keep it short and do not trust it. */
  recordRaw(connection: string, role: SimLogEntry['role'], text: string): void {
    this.record('in', connection, role, { raw: text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text });
  }

  /** Oldest first. */
  entries(): SimLogEntry[] {
    if (this.ring.length < RING_SIZE) return this.ring.slice();
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  async close(): Promise<void> {
    const sink = this.sink;
    this.sink = undefined;
    if (sink && sink !== process.stdout && 'close' in sink) {
      await new Promise<void>((resolve) => (sink as WriteStream).end(resolve));
    }
  }
}
