import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { createFileLogger } from './logger';

/**
 * The log names order references and authorisation codes: on a shared store PC it is this
 * Windows/Linux user's business only. POSIX modes do not exist on Windows (NTFS ACLs there).
 */
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('log file modes (POSIX only: Windows has ACLs, not modes)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-log-modes-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates the folder 0700 and every file, rotated ones included, 0600', () => {
    const dir = path.join(root, 'logs');
    const logger = createFileLogger({ dir, clock: new FakeClock(), secrets: () => [], maxBytes: 600, maxFiles: 3 });
    for (let i = 0; i < 20; i += 1) logger.info('payment.approved', { i, orderRef: 'ORDER-1', authCode: '123456' });
    expect(mode(dir)).toBe(0o700);
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(mode(path.join(dir, f)), f).toBe(0o600);
  });

  it('tightens a folder and log left 0755/0644 by an older version', () => {
    const dir = path.join(root, 'logs');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'checkstand.log'), '{"old":true}\n', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'checkstand.log'), 0o644);
    createFileLogger({ dir, clock: new FakeClock(), secrets: () => [] }).warn('app.started');
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'checkstand.log'))).toBe(0o600);
  });
});
