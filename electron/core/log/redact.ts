/**
 * Money-safety rule 8: the API key and secret never reach a log. Two nets: fields whose NAME is
 * sensitive are masked wherever they appear, and the current secret VALUES are masked inside any
 * string (an error message that quotes a header, a URL someone pasted).
 */
// People: a PIN, its hash and a manager's approval token are as sensitive as the key.
const SENSITIVE_KEYS = new Set([
  'apikey',
  'apisecret',
  'x-api-key',
  'x-signature',
  'authorization',
  'secret',
  'password',
  'pin',
  'managerpin',
  'pinhash',
  'approval',
  'token',
]);
export const REDACTED = '[redacted]';

export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, depth + 1));
  if (value instanceof Error) return redactString(`${value.name}: ${value.message}`, secrets);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) && v !== '' && v !== undefined ? REDACTED : redact(v, secrets, depth + 1);
  }
  return out;
}

export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    // Very short values would mask ordinary words; real keys are long.
    if (s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out.replace(/(x-api-key=)[^&\s"]+/gi, `$1${REDACTED}`);
}
