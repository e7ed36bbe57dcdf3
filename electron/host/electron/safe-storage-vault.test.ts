import { describe, expect, it } from 'vitest';
import { createSafeStorageVault } from './safe-storage-vault';

/** safeStorage as Electron exposes it; the cipher is a reversible stand-in. */
function safeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as never,
    encryptString: (s: string) => Buffer.from(`x${s}`),
    decryptString: (b: Buffer) => b.toString().slice(1),
  };
}

describe('safeStorage vault', () => {
  it('refuses the plaintext backend on Linux, naming what to install', () => {
    const vault = createSafeStorageVault(safeStorage('basic_text'), 'linux');
    const check = vault.available();
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/gnome-keyring.*libsecret|KDE Wallet/s);
    expect(() => vault.encrypt('pos-key')).toThrow(/keyring/);
  });

  it('uses a real keyring on Linux, and the OS store elsewhere', () => {
    const linux = createSafeStorageVault(safeStorage('gnome_libsecret'), 'linux');
    expect(linux.available()).toEqual({ ok: true });
    const cipher = linux.encrypt('pos-key-1234');
    expect(cipher).not.toContain('pos-key');
    expect(linux.decrypt(cipher)).toBe('pos-key-1234');
    // getSelectedStorageBackend is Linux-only; Windows/macOS are judged by availability alone.
    expect(createSafeStorageVault(safeStorage('unknown'), 'win32').available()).toEqual({ ok: true });
  });

  it('refuses when the OS offers no encryption at all', () => {
    expect(createSafeStorageVault(safeStorage('gnome_libsecret', false), 'linux').available().ok).toBe(false);
  });
});
