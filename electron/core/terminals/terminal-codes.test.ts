import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/core-translator';
import { english } from '../i18n/english';
import { listFrame as list, T0 } from '../testing/terminal-frames';
import { TerminalRegistry } from './terminal-registry';

/** Issue 16: why a terminal cannot take a payment is a code; the English reason is that code's English. */
describe('why a terminal is not payable, as a code', () => {
  const registry = () => {
    const r = new TerminalRegistry(60_000);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', connectionId: 'c1', status: 'online' },
        { deviceId: 'TERM-002', connectionId: 'c2', status: 'offline' },
      ]),
      T0,
    );
    return r;
  };

  it.each([
    [{ linkOpen: false }, 'TERM-001', 'core.terminal.not_connected'],
    [{ linkOpen: true, synced: false }, 'TERM-001', 'core.terminal.refreshing'],
    [{ linkOpen: true }, 'TERM-002', 'core.terminal.offline'],
    [{ linkOpen: true, openPaymentId: 'tx-9' }, 'TERM-001', 'core.terminal.busy'],
  ])('%o on %s → %s', (ctx, id, key) => {
    const view = registry().view(id, ctx)!;
    expect(view.notPayableReasonMsg).toEqual({ key });
    expect(view.notPayableReason).toBe(english({ key }));
  });

  it('reads in Japanese and no code when payable', () => {
    const r = registry();
    expect(r.view('TERM-001', { linkOpen: true })?.notPayableReasonMsg).toBeUndefined();
    expect(translatorFor('ja-JP').say(r.view('TERM-002', { linkOpen: true })?.notPayableReasonMsg)).not.toBe('Terminal is offline');
  });
});
