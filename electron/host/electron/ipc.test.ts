import { describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, EVENT_CHANNEL, commandChannel, type CommandHandler, type PosEvent } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { forwardEvents, guardedInvoke, registerIpc } from './ipc';

const warnings: string[] = [];
const logger: Logger = { info() {}, warn: (_e, f) => warnings.push(String(f?.reason ?? _e)), error() {} };

function handler() {
  const invoke = vi.fn(async () => ({ ok: true, value: { done: true } }) as never);
  let listener: ((e: PosEvent) => void) | undefined;
  const h: CommandHandler = {
    invoke,
    subscribe: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
  };
  return { h, invoke, emit: (e: PosEvent) => listener?.(e) };
}

/** An IPC event as Electron builds it: the frame that sent it and its web contents' main frame. */
function eventFrom(url: string, options: { subframe?: boolean } = {}) {
  const mainFrame = { url: 'app://checkstand/index.html', parent: null };
  const senderFrame = options.subframe ? { url, parent: mainFrame } : Object.assign(mainFrame, { url });
  return { senderFrame, sender: { mainFrame } } as never;
}

const channel = commandChannel('reconnectNow');

describe('validated IPC wrapper', () => {
  it('passes a valid command from our page to the core', async () => {
    const { h, invoke } = handler();
    const result = await guardedInvoke(h, logger, channel, eventFrom('app://checkstand/index.html'), {});
    expect(result).toEqual({ ok: true, value: { done: true } });
    expect(invoke).toHaveBeenCalledWith('reconnectNow', {});
  });

  it('rejects a foreign origin', async () => {
    const { h, invoke } = handler();
    for (const url of ['https://evil.example/', 'file:///app/index.html', 'app://other/index.html', 'http://127.0.0.1:3000/']) {
      const result = await guardedInvoke(h, logger, channel, eventFrom(url), {});
      expect(result, url).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(warnings).toContain('foreign_origin');
  });

  it('rejects a subframe, even one on our own origin', async () => {
    const { h, invoke } = handler();
    const result = await guardedInvoke(h, logger, channel, eventFrom('app://checkstand/frame.html', { subframe: true }), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(invoke).not.toHaveBeenCalled();
    expect(warnings).toContain('subframe');
  });

  it('rejects an unknown channel', async () => {
    const { h, invoke } = handler();
    for (const ch of ['checkstand:cmd:deleteEverything', 'reconnectNow', 'other:cmd:reconnectNow']) {
      const result = await guardedInvoke(h, logger, ch, eventFrom('app://checkstand/index.html'), {});
      expect(result, ch).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(warnings).toContain('unknown_channel');
  });

  it('rejects a payload that fails its schema', async () => {
    const { h, invoke } = handler();
    const result = await guardedInvoke(h, logger, commandChannel('startPayment'), eventFrom('app://checkstand/index.html'), {
      terminalId: 't1',
      amountMinor: 1.5,
      currency: 'EUR',
      paymentMethod: 'CARD',
      orderRef: 'A1',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('registers exactly the contract channels and nothing else', () => {
    const { h } = handler();
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const dispose = registerIpc(ipcMain as never, h, logger);
    expect(ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(COMMAND_NAMES.length);
  });

  it('forwards core events to the window on the event channel', () => {
    const { h, emit } = handler();
    const send = vi.fn();
    forwardEvents(h, { send, isDestroyed: () => false });
    const event: PosEvent = { type: 'terminalRemoved', seq: 1, terminalId: 'x' };
    emit(event);
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
  });
});
