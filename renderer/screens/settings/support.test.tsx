import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { renderApp } from '../../test/render-app';

const diagnostics: Diagnostics = {
  connectionState: 'open',
  endpoint: 'wss://gw.example/v1',
  reconnectsToday: 0,
  appVersion: '1.4.0',
  logDir: '/data/logs',
  journalDir: '/data/journal',
  recentErrors: [{ at: Date.UTC(2026, 0, 15, 9, 0), message: 'renderer.gone: crashed' }],
  crashDumpDir: '/data/crash-dumps',
  crashDumps: [{ file: 'completed/3f2a.dmp', bytes: 250_000, at: Date.UTC(2026, 0, 15, 8, 59) }],
  support: {
    versions: { app: '1.4.0', electron: '45.4.1', platform: 'win32' },
    settings: { endpoint: 'wss://gw.example/v1', apiKey: 'set', apiSecret: 'not set', currency: 'EUR' },
    logTail: ['{"level":"error","event":"renderer.gone","reason":"crashed"}'],
  },
};

async function openDiagnostics() {
  const user = userEvent.setup();
  const fake = new FakeBridge();
  fake.respond('getDiagnostics', () => ({ ok: true, value: diagnostics }));
  await renderApp(fake);
  await user.keyboard('{F10}');
  return user;
}

describe('diagnostics for store IT and support', () => {
  it('lists the crash dumps and where they are', async () => {
    await openDiagnostics();
    expect(await screen.findByText('/data/crash-dumps')).toBeTruthy();
    expect(screen.getByText(/completed\/3f2a\.dmp/)).toBeTruthy();
    expect(screen.getByText(/244 KB/)).toBeTruthy();
  });

  it('"Copy for support" puts versions, settings, recent errors and the last log lines on the clipboard', async () => {
    const user = await openDiagnostics();
    await user.click(await screen.findByRole('button', { name: 'Copy for support' }));
    expect(await screen.findByText(/Copied/)).toBeTruthy();
    const text = await navigator.clipboard.readText();
    expect(text).toContain('electron: 45.4.1');
    expect(text).toContain('apiKey: set');
    expect(text).toContain('renderer.gone: crashed');
    expect(text).toContain('completed/3f2a.dmp');
    expect(text).toContain('{"level":"error","event":"renderer.gone","reason":"crashed"}');
  });
});
