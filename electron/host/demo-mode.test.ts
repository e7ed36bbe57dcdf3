import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../core/log/logger';
import { memorySettings } from '../core/testing/memory-settings';
import type { Settings } from '../core/ports';
import { createDemoMode, type SimulatorHandle } from './demo-mode';

/** A stand-in simulator handle: these tests are about demo mode's switching, not the gateway. */
function fakeSimulator() {
  const state = { running: 0, started: 0 };
  const start = async (): Promise<SimulatorHandle> => {
    state.running += 1;
    state.started += 1;
    const port = 40_000 + state.started;
    return {
      url: `ws://127.0.0.1:${port}/v1`,
      httpUrl: `http://127.0.0.1:${port}`,
      port,
      apiKeys: { pos: 'demo-key', posSecret: 'demo-secret', all: { 'demo-key': { groupId: 'demo' } } },
      close: async () => {
        state.running -= 1;
      },
    } as unknown as SimulatorHandle;
  };
  return { state, start };
}

describe('demo mode', () => {
  it('a settings listener that throws does not stop the others hearing, nor demo mode leaving and coming back', async () => {
    const store = memorySettings({});
    const sim = fakeSimulator();
    const logger = createMemoryLogger(() => []);
    const appInfo = { version: '0', host: 'browser' as const, demo: { enabled: false }, logDir: '', journalDir: '' };
    const demo = createDemoMode({ store, startSimulator: sim.start, appInfo, logger });
    const heard: string[] = [];
    demo.settings.onChange(() => {
      throw new Error('a broken listener');
    });
    demo.settings.onChange((s: Settings) => heard.push(s.endpoint));
    await demo.start();
    expect(sim.state.running).toBe(1);

    store.set({ endpoint: 'wss://gateway.example/v1', apiKey: 'real-key' });
    await demo.start(); // queued behind the switch: resolves once it is done
    expect(heard).toEqual(['wss://gateway.example/v1']);
    expect(sim.state.running).toBe(0);

    store.set({ endpoint: '', apiKey: '' });
    await demo.start();
    expect(sim.state.running).toBe(1);
    expect(heard).toEqual(['wss://gateway.example/v1', 'ws://127.0.0.1:40002/v1']);
    await demo.stop();
  });
});
