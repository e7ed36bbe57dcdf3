/**
 * Where the API key and secret are encrypted at rest. The settings store never sees how: the
 * Electron host passes `safeStorage` (OS keychain), the browser host a developer-only key file.
 */
export interface SecretVault {
  /** Returns an opaque, printable ciphertext (base64). */
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Whether secrets can be stored safely here; when not, `message` says what to install or do. */
  available(): { ok: true } | { ok: false; message: string };
}

/** "•••• 1f3a": enough for a person to recognise which key is set, useless to anyone else. */
export function maskSecret(secret: string): { set: boolean; hint?: string } {
  if (!secret) return { set: false };
  // Short secrets would be revealed almost whole by their last four characters.
  if (secret.length < 12) return { set: true, hint: '••••' };
  return { set: true, hint: `•••• ${secret.slice(-4)}` };
}
