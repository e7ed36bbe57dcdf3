import type { SafeStorage } from 'electron';
import type { SecretVault } from '../../core/settings';

/**
 * The API key and secret at rest: Electron `safeStorage` (DPAPI on Windows, Keychain on macOS,
 * libsecret/KWallet on Linux). On Linux without a keyring Chromium silently falls back to a
 * hard-coded password ("basic_text"), which is plaintext in all but name: refused, with what to
 * install.
 */
export const LINUX_NO_KEYRING_MESSAGE =
  'No system keyring is available, so the API key cannot be stored safely. Install and unlock a keyring ' +
  '(GNOME Keyring: "gnome-keyring" and "libsecret-1-0"; or KDE Wallet: "kwalletmanager"), then restart Checkstand.';

export const NO_ENCRYPTION_MESSAGE =
  "The operating system's secure storage is not available, so the API key cannot be stored. Sign in to the computer as a normal user and restart Checkstand.";

export function createSafeStorageVault(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform = process.platform,
): SecretVault {
  const available = (): { ok: true } | { ok: false; message: string } => {
    if (!safeStorage.isEncryptionAvailable()) return { ok: false, message: NO_ENCRYPTION_MESSAGE };
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return { ok: false, message: LINUX_NO_KEYRING_MESSAGE };
    }
    return { ok: true };
  };
  return {
    available,
    encrypt(plain) {
      const check = available();
      if (!check.ok) throw new Error(check.message);
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipher) {
      const check = available();
      if (!check.ok) throw new Error(check.message);
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
    },
  };
}
