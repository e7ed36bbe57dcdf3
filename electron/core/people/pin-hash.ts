import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are kept only as salted scrypt hashes ("scrypt$N$r$p$salt$hash", base64): a 4-digit PIN
 * has only 10,000 values, so the slow hash and the lockout (pin-lockout.ts) together are what make
 * a copied people.json or a guessing cashier slow. The comparison is constant-time.
 */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (!N || !r || !p || salt.length === 0 || expected.length !== KEY_LENGTH) return false;
  try {
    return timingSafeEqual(await derive(pin, salt, { N, r, p }), expected);
  } catch {
    return false;
  }
}

/** 4 to 8 digits: long enough to guess slowly under the lockout, short enough to type at a till. */
export function pinProblem(pin: string): string | undefined {
  if (!/^\d*$/.test(pin)) return 'A PIN has only digits.';
  if (pin.length < 4 || pin.length > 8) return 'A PIN has 4 to 8 digits.';
  return undefined;
}
