/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits.
 * Every payment attempt gets a fresh one (money-safety rule 1). Monotonic within a process
 * even when two ids are made in the same millisecond, so journal order and id order agree.
 */
let lastMs = -1;
let lastRand = new Uint8Array(10);

function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i -= 1) {
    bytes[i] = (bytes[i]! + 1) & 0xff;
    if (bytes[i] !== 0) return;
  }
}

export function uuidv7(nowMs: number = Date.now()): string {
  const rand = new Uint8Array(10);
  if (nowMs <= lastMs) {
    nowMs = lastMs;
    rand.set(lastRand);
    increment(rand);
  } else {
    crypto.getRandomValues(rand);
  }
  lastMs = nowMs;
  lastRand = rand;
  const bytes = new Uint8Array(16);
  let ms = nowMs;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(rand, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Milliseconds encoded in a UUIDv7, or undefined for anything else. */
export function uuidv7Time(id: string): number | undefined {
  if (!UUIDV7_PATTERN.test(id)) return undefined;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
