import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { createFileLogger } from './logger';
import { redact } from './redact';

describe('redaction (rule 8: no key or secret in a log)', () => {
  it('masks sensitive field names at any depth and secret values inside any string', () => {
    const out = JSON.stringify(
      redact(
        {
          headers: { 'x-api-key': 'k-123456', 'X-Signature': 'sig==' },
          settings: { apiKey: 'k-123456', apiSecret: 's-987654' },
          message: 'Unexpected server response with key k-123456 and secret s-987654',
          url: 'wss://h/v1?x-api-key=k-123456',
        },
        ['k-123456', 's-987654'],
      ),
    );
    expect(out).not.toContain('k-123456');
    expect(out).not.toContain('s-987654');
    expect(out).not.toContain('sig==');
  });

  it('masks PINs, PIN hashes and approval tokens by field name (a command request logged by mistake)', () => {
    const out = JSON.stringify(
      redact({ command: 'signIn', request: { personId: 'p1', pin: '4821', managerPin: '2468', pinHash: 'scrypt$1$2', approval: 'tok-abc' } }),
    );
    expect(out).not.toContain('4821');
    expect(out).not.toContain('2468');
    expect(out).not.toContain('scrypt$1$2');
    expect(out).not.toContain('tok-abc');
    expect(out).toContain('p1');
  });

  it('writes JSON lines, rotates by size and never writes the key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-log-'));
    try {
      const logger = createFileLogger({ dir, clock: new FakeClock(), secrets: () => ['super-secret-key'], maxBytes: 2_000, maxFiles: 3 });
      for (let i = 0; i < 100; i += 1) logger.info('frame.out', { i, note: 'sent with super-secret-key' });
      logger.error('connection.auth_failed', { message: 'refused' });
      const files = fs.readdirSync(dir).sort();
      expect(files).toEqual(['checkstand.log', 'checkstand.log.1', 'checkstand.log.2']);
      const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
      expect(all).not.toContain('super-secret-key');
      for (const line of all.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      expect(logger.recentErrors().map((e) => e.message)).toEqual(['connection.auth_failed: refused']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
