import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args';
import { runtimeConfig } from './config';
import { TestPos } from './testing/pos-client';

describe('CLI arguments', () => {
  it('maps every flag to a simulator option', () => {
    const { options, json } = parseCli([
      '--port',
      '0',
      '--grace-ms',
      '5000',
      '--payment-timeout-ms',
      '10000',
      '--timeout-mode',
      'failed',
      '--delay-ms',
      '200',
      '--outcome',
      'MANUAL',
      '--no-replay',
      '--max-payload',
      '1024',
      '--idle-timeout-ms',
      '600000',
      '--max-lifetime-ms',
      '7200000',
      '--json',
    ]);
    expect(json).toBe(true);
    expect(options).toMatchObject({
      port: 0,
      gracePeriodMs: 5000,
      paymentTimeoutMs: 10000,
      paymentTimeoutMode: 'failed',
      defaultDelayMs: 200,
      defaultOutcome: 'MANUAL',
      replayOnReconnect: false,
      maxPayloadBytes: 1024,
      idleTimeoutMs: 600000,
      maxConnectionLifetimeMs: 7200000,
    });
    expect(parseCli([]).options.port).toBe(4010);
  });

  it('defaults: 60 s grace, 90 s payment timeout (silent), replay on, 1.5 s SUCCESS, 64 KiB frames, no idle/lifetime limit', () => {
    expect(runtimeConfig({})).toEqual({
      gracePeriodMs: 60_000,
      paymentTimeoutMs: 90_000,
      paymentTimeoutMode: 'silent',
      replayOnReconnect: true,
      defaultDelayMs: 1_500,
      defaultOutcome: 'SUCCESS',
      maxPayloadBytes: 65_536,
      idleTimeoutMs: 0,
      maxConnectionLifetimeMs: 0,
      clockSkewMs: 0,
      terminalListTimestamps: true,
    });
  });

  it('rejects bad values with a readable message', () => {
    expect(() => parseCli(['--port', 'x'])).toThrow('--port must be a whole number');
    expect(() => parseCli(['--timeout-mode', 'loud'])).toThrow('--timeout-mode must be silent or failed');
    expect(() => parseCli(['--outcome', 'MAYBE'])).toThrow('--outcome must be one of');
    expect(() => parseCli(['--bogus'])).toThrow();
  });

  it('loads and validates a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ keys: { k: { role: 'desktop', groupId: 'g' } } }));
      expect(parseCli(['--config', good]).options.config).toEqual({ keys: { k: { role: 'desktop', groupId: 'g' } } });
      const typo = join(dir, 'typo.json');
      writeFileSync(typo, JSON.stringify({ keys: { k: { role: 'desktop', group: 'g' } } }));
      expect(() => parseCli(['--config', typo])).toThrow('typo.json');
      const dup = join(dir, 'dup.json');
      writeFileSync(
        dup,
        JSON.stringify({ keys: { a: { role: 'terminal', groupId: 'g', deviceId: 'D' }, b: { role: 'terminal', groupId: 'g', deviceId: 'D' } } }),
      );
      expect(() => parseCli(['--config', dup])).toThrow('deviceId D is used by two keys');
      expect(() => parseCli(['--config', join(dir, 'missing.json')])).toThrow('cannot read config file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run sim: prints the endpoint, key, terminals and control page; stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--json', '--port', '0', '--grace-ms', '1000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const summary = await new Promise<{ url: string; posKey: string; control: string; terminals: unknown[] }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(summary.posKey).toBe('sim-pos-key-0001');
    expect(summary.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__sim\/$/);
    expect(summary.terminals).toHaveLength(5);
    const pos = await TestPos.connect(summary.url, summary.posKey);
    await pos.sync();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await pos.closed;
  });
});
