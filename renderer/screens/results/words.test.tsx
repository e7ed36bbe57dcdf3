import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView, PaymentView } from '../../../shared/ipc';
import { FakeBridge } from '../../test/fake-bridge';
import { connection, payment, snapshot, terminal } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/**
 * Words a cashier uses (till: words a cashier uses): every result, progress and banner state is rendered
 * with the words the core and the gateway really send, and fails on a sentence said twice on
 * one screen, on "..", on "not paid" said twice, and on jargon.
 */
afterEach(cleanup);

const CORE = {
  linkLost: 'The connection to the gateway dropped during the payment.',
  deadline: 'No result from the terminal in time. Check the terminal screen before taking the payment again.',
  disconnected: 'The terminal went offline during the payment. The order is NOT paid; take the payment again.',
  stopped: 'The cashier stopped waiting for the terminal.',
  notConnected: 'The terminal is not connected to the gateway. The customer was not charged.',
  refused: 'The gateway refused the payment: Bad amount. The customer was not charged.',
  busy: 'The terminal is already busy with another payment. The customer was not charged for this one.',
  noRecord: 'The gateway has no record of this payment, so the customer was not charged.',
  late: 'The terminal reported an APPROVAL after this payment was marked abandoned (authorization A1). Check whether the customer was charged before taking the payment again.',
  graceVoid: 'Terminal reconnected after grace period expired',
  authHttp: 'The gateway refused the API key (HTTP 401).',
};

const RESULTS: [string, Partial<PaymentView>][] = [
  ['approved', { state: 'approved', authorizationCode: 'A1' }],
  ['declined, known code', { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' }],
  ['declined, unknown code', { state: 'declined', errorCode: 'X_NEW', errorMessage: 'Issuer unavailable' }],
  ['cancelled', { state: 'cancelled' }],
  ['rejected, not connected', { state: 'rejected', detail: CORE.notConnected, errorMessage: 'Not Found' }],
  ['rejected, refused', { state: 'rejected', detail: CORE.refused }],
  ['rejected, busy', { state: 'rejected', detail: CORE.busy }],
  ['rejected, no record', { state: 'rejected', detail: CORE.noRecord }],
  ['abandoned, terminal offline', { state: 'abandoned', detail: CORE.disconnected }],
  [
    'abandoned, stopped waiting',
    { state: 'abandoned', detail: CORE.stopped, resolution: { by: 'cashier', reason: 'Stopped waiting for the terminal', at: 1 } },
  ],
  ['voided after the grace period', { state: 'voided', voidReason: CORE.graceVoid }],
  ['voided, no reason', { state: 'voided' }],
  ['needs review', { state: 'needs_review', detail: CORE.late }],
  ['unknown, link lost', { state: 'unknown', detail: CORE.linkLost }],
  ['unknown, deadline', { state: 'unknown', detail: CORE.deadline }],
];

const PROGRESS: [string, Partial<PaymentView>][] = [
  ['sent', { state: 'sent' }],
  ['on the terminal', { state: 'awaiting_result' }],
  ['processing', { state: 'awaiting_result', pendingSeen: true }],
  ['reconnecting', { state: 'terminal_reconnecting' }],
];

const BANNERS: [string, ConnectionView, string[]][] = [
  ['online', connection({ lastPongRttMs: 20 }), []],
  [
    'reconnecting',
    connection({ state: 'backoff', attempt: 3, nextRetryAt: Date.now() + 900, reason: 'Could not connect: connect ECONNREFUSED 10.0.0.1:443' }),
    [],
  ],
  ['connecting', connection({ state: 'connecting', attempt: 1 }), []],
  ['displaced', connection({ state: 'displaced', reason: 'Another register is using this API key: New connection established with the same API key' }), []],
  ['auth failed', connection({ state: 'auth_failed', reason: CORE.authHttp }), []],
  ['auth failed, key provisioned', connection({ state: 'auth_failed', reason: CORE.authHttp }), ['apiKey']],
  ['stopped', connection({ state: 'stopped', reason: 'Stopped' }), []],
  ['no gateway', connection({ state: 'idle', endpoint: '', reason: 'No gateway configured' }), []],
  [
    'bad address, provisioned',
    connection({ state: 'idle', endpoint: 'ws://gw.example/v1', reason: 'The gateway address must start with wss://.' }),
    ['endpoint'],
  ],
];

/** The sentences of a screen: each block's text, split after . ! ? */
function sentencesOf(root: Element): string[] {
  const blocks = root.querySelectorAll('h1, h2, p, li, dd, label, legend, .banner-text > strong, .banner-detail');
  return [...blocks]
    .filter((b) => !b.closest('[hidden]'))
    .flatMap((b) => (b.textContent ?? '').split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter(Boolean);
}

function wordProblems(root: Element): string[] {
  const problems: string[] = [];
  const text = [...root.querySelectorAll('*')].filter((e) => !e.closest('[hidden]')).length ? (root.textContent ?? '') : '';
  if (/\.\./.test(text.replace(/…/g, ''))) problems.push(`".." in: ${text}`);
  const seen = new Map<string, number>();
  for (const s of sentencesOf(root)) {
    const key = s.toLowerCase().replace(/[.!?]+$/, '');
    if (key.length < 12) continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [s, n] of seen) if (n > 1) problems.push(`said ${n} times: "${s}"`);
  const notPaid =
    sentencesOf(root)
      .join(' ')
      .match(/not paid/gi) ?? [];
  if (notPaid.length > 1) problems.push(`"not paid" said ${notPaid.length} times`);
  if (/grace period/i.test(text)) problems.push('jargon: "grace period"');
  if (/new attempt/i.test(text)) problems.push('jargon: "new attempt"');
  return problems;
}

async function screenFor(p: PaymentView, graceEndsAt?: number) {
  const t = terminal('t1', graceEndsAt ? { presence: 'reconnecting', payable: false, graceEndsAt } : {});
  const rendered = await renderApp(new FakeBridge(snapshot({ payments: [p], terminals: [t] })));
  act(() => rendered.store.getState().setActivePayment(p.transactionId));
  return document.querySelector('section.result, section.progress')!;
}

describe('words a cashier uses', () => {
  it.each(RESULTS)('result "%s": no sentence twice, no "..", "not paid" once, no jargon', async (_name, patch) => {
    const root = await screenFor(payment('w1', patch));
    expect(wordProblems(root)).toEqual([]);
  });

  it.each(PROGRESS)('in progress "%s": no sentence twice, no "..", no jargon', async (_name, patch) => {
    const now = Date.now();
    const root = await screenFor(payment('w2', { ...patch, deadlineAt: now + 100_000 }), patch.state === 'terminal_reconnecting' ? now + 57_000 : undefined);
    expect(wordProblems(root)).toEqual([]);
  });

  it.each(BANNERS)('banner "%s": no sentence twice, no ".."', async (_name, c, lockedFields) => {
    const base = snapshot();
    await renderApp(new FakeBridge(snapshot({ connection: c, settings: { ...base.settings, lockedFields } })));
    expect(wordProblems(screen.getByTestId('connection-banner'))).toEqual([]);
  });

  it('a declined card is paid "with another card", not "Try again (new attempt)"', async () => {
    await screenFor(payment('w3', { state: 'declined', errorCode: 'INSUFFICIENT_FUNDS' }));
    expect(screen.getByRole('button', { name: /^Pay with another card/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /new attempt/ })).toBeNull();
  });

  it('a banner whose fix is a setting store IT provisioned says to call store IT, not to open Settings', async () => {
    const base = snapshot();
    await renderApp(
      new FakeBridge(
        snapshot({ connection: connection({ state: 'auth_failed', reason: CORE.authHttp }), settings: { ...base.settings, lockedFields: ['apiKey'] } }),
      ),
    );
    const banner = screen.getByTestId('connection-banner');
    expect(banner.textContent).toMatch(/Call store IT: the API key is set up by them/);
    expect(banner.textContent).not.toMatch(/Settings/);
    expect(screen.queryByRole('link', { name: 'Open Settings' })).toBeNull();
  });

  it.each([
    ['unknown', { state: 'unknown', detail: CORE.linkLost }],
    ['needs review', { state: 'needs_review', detail: CORE.late }],
  ] as [string, Partial<PaymentView>][])('the uncertain screen "%s" says what to tell the customer', async (_name, patch) => {
    const root = await screenFor(payment('w4', patch));
    expect(root.textContent).toMatch(/Tell the customer: "Please wait — don't pay again yet\."/);
  });
});
