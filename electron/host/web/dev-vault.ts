import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretVault } from '../../core/settings';

/**
 * DEVELOPER-ONLY secret store for the browser host, which has no OS keychain binding.
 * AES-256-GCM with a random key kept in `<dataDir>/dev-vault.key` (mode 0600). This protects the
 * key from a casual look at settings.json, NOT from anyone who can read the data dir: the key
 * file sits next to the ciphertext. Store PCs run the Electron app, whose vault is safeStorage.
 */
export const DEV_VAULT_KEY_FILE = 'dev-vault.key';
const PREFIX = 'devvault1:';

export function createDevVault(dataDir: string): SecretVault {
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    const file = join(dataDir, DEV_VAULT_KEY_FILE);
    try {
      key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error('wrong key length');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`The developer vault key ${file} is damaged.`, { cause: error });
      mkdirSync(dataDir, { recursive: true });
      key = randomBytes(32);
      writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    try {
      chmodSync(file, 0o600);
    } catch {
      /* Windows ignores POSIX modes. */
    }
    return key;
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(text) {
      if (!text.startsWith(PREFIX)) throw new Error('Not a developer-vault ciphertext.');
      const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    available: () => ({ ok: true }),
  };
}
