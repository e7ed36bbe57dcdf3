import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { startSimulator } from './index';
import { FrameLog, redact } from './log';
import { paymentFrame, TestPos } from './testing/pos-client';

describe('JSON-lines frame log', () => {
  it('writes every frame in and out, one JSON object per line, with keys redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-log-'));
    const file = join(dir, 'frames.jsonl');
    const sim = await startSimulator({ defaultDelayMs: 5, log: file });
    const pos = await TestPos.connect(sim.url, sim.apiKeys.pos, { via: 'query' });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await pos.action('paymentComplete');
    pos.send('not json');
    await pos.error();
    await pos.close();
    await sim.close();
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { dir: string; role: string; frame: Record<string, unknown> });
    const posIn = lines.filter((l) => l.dir === 'in' && l.role === 'desktop').map((l) => l.frame.action ?? l.frame.raw);
    const posOut = lines.filter((l) => l.dir === 'out' && l.role === 'desktop').map((l) => l.frame.action ?? l.frame.error);
    expect(posIn).toEqual(['payment', 'not json']);
    expect(posOut).toEqual(['paymentComplete', 'Bad Request']);
    expect(lines.some((l) => l.dir === 'out' && l.role === 'terminal' && l.frame.action === 'payment')).toBe(true);
    expect(lines.some((l) => l.dir === 'in' && l.role === 'terminal' && l.frame.action === 'paymentResult')).toBe(true);
    expect(text).not.toContain(sim.apiKeys.pos);
    expect(text).not.toContain('sim-term-key-00');
  });

  it('redact() hides credential fields at any depth and keeps the rest', () => {
    expect(redact({ apiKey: 'sim-pos-key-0001', nested: [{ apiSecret: 'very-secret-value', ok: 1 }] })).toEqual({
      apiKey: 'sim-…01',
      nested: [{ apiSecret: 'very…ue', ok: 1 }],
    });
  });

  it('keeps only the newest 5,000 entries in memory, oldest first', () => {
    const log = new FrameLog();
    for (let i = 0; i < 5_010; i += 1) log.record('event', 'c', 'desktop', { i });
    const entries = log.entries();
    expect(entries).toHaveLength(5_000);
    expect(entries[0]!.frame).toEqual({ i: 10 });
    expect(entries[4_999]!.frame).toEqual({ i: 5_009 });
  });

  it('keeps the inbound text exactly as received, except for a frame holding a credential field', () => {
    const log = new FrameLog();
    const sent = '{"action":"payment","paymentRequest":{"amount":99.9}}';
    log.record('in', 'c', 'desktop', JSON.parse(sent), sent);
    const withKey = '{"action":"x","nested":{"apiKey":"sim-pos-key-0001"}}';
    log.record('in', 'c', 'desktop', JSON.parse(withKey), withKey);
    const [plain, keyed] = log.entries();
    expect(plain!.text).toBe(sent);
    expect(keyed!.text).toBeUndefined();
    expect(JSON.stringify(keyed)).not.toContain('sim-pos-key-0001');
  });
});
