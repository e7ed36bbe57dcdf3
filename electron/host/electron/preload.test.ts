import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, EVENT_CHANNEL, commandChannel, type PosBridge } from '../../../shared/ipc';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: { done: true } })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

await import('./preload');
const bridge = exposed.get('checkstand') as PosBridge;

describe('preload', () => {
  it('exposes one object, with exactly one function per command plus on()', () => {
    expect([...exposed.keys()]).toEqual(['checkstand']);
    expect(Object.keys(bridge).sort()).toEqual([...COMMAND_NAMES, 'on'].sort());
    for (const [name, value] of Object.entries(bridge)) expect(typeof value, name).toBe('function');
  });

  it('sends each command on its own contract channel', async () => {
    await bridge.acknowledgeAlert({ alertId: 'a1' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(commandChannel('acknowledgeAlert'), { alertId: 'a1' });
  });

  it('on() hands the listener the event only and returns an unsubscribe', () => {
    const listener = vi.fn();
    const off = bridge.on(listener);
    const [channel, wrapped] = ipcRenderer.on.mock.calls[0] as unknown as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    wrapped({ sender: 'ipc internals' }, { type: 'terminalRemoved', seq: 1, terminalId: 'x' });
    expect(listener).toHaveBeenCalledWith({ type: 'terminalRemoved', seq: 1, terminalId: 'x' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, wrapped);
  });
});
