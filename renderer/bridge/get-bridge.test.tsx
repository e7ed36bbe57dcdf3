import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PosBridge } from '../../shared/ipc';
import { NoTokenPage } from '../components/NoTokenPage';

afterEach(() => {
  cleanup();
  delete window.checkstand;
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
  vi.resetModules();
});

describe('getBridge', () => {
  it('uses the Electron preload bridge when it is there', async () => {
    const preload = { on: () => () => undefined } as unknown as PosBridge;
    window.checkstand = preload;
    const { getBridge } = await import('./index');
    expect(getBridge()).toEqual({ kind: 'ready', bridge: preload });
  });

  it('without preload and without a token, asks for the URL printed by npm start', async () => {
    const { getBridge } = await import('./index');
    expect(getBridge()).toEqual({ kind: 'no-token' });
    render(<NoTokenPage />);
    expect(screen.getByRole('heading', { name: /Open Checkstand from its own link/ })).toBeTruthy();
    expect(screen.getByText(/npm start/)).toBeTruthy();
  });

  it('with a token, keeps it for a reload and takes it off the address bar', async () => {
    const sockets: string[] = [];
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor(url: string) {
          sockets.push(url);
        }
        close() {}
      },
    );
    window.history.replaceState(null, '', '/?token=secret-1');
    const { getBridge } = await import('./index');
    expect(getBridge().kind).toBe('ready');
    expect(sockets).toEqual([`ws://${window.location.host}/bridge?token=secret-1`]);
    expect(window.location.search).toBe('');
    expect(window.sessionStorage.getItem('checkstand.bridgeToken')).toBe('secret-1');
    vi.unstubAllGlobals();
  });
});
