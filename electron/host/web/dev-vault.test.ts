import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_VAULT_KEY_FILE, createDevVault } from './dev-vault';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-vault-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('browser host developer vault', () => {
  it('round-trips, never stores the plaintext, and keeps its key file private', async () => {
    const vault = createDevVault(dir);
    const cipher = vault.encrypt('pos-key-abcdef-1f3a');
    expect(cipher).not.toContain('pos-key');
    expect(vault.encrypt('pos-key-abcdef-1f3a')).not.toBe(cipher); // fresh IV each time
    expect(createDevVault(dir).decrypt(cipher)).toBe('pos-key-abcdef-1f3a');
    if (process.platform !== 'win32') expect((await stat(join(dir, DEV_VAULT_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, DEV_VAULT_KEY_FILE), 'utf8')).not.toContain('pos-key');
  });

  it('refuses a tampered ciphertext', () => {
    const vault = createDevVault(dir);
    const cipher = vault.encrypt('secret-value-123456');
    const raw = Buffer.from(cipher.slice('devvault1:'.length), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => vault.decrypt(`devvault1:${raw.toString('base64')}`)).toThrow();
  });
});
