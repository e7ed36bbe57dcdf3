import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorFrame } from '../../../shared/protocol';
import { setupInbound } from '../testing/inbound-fixture';
import { removePaymentCommandDirs } from '../testing/payment-commands-fixture';

/**
 * §10.1 / §6.7: what an error frame does to the one payment it is pinned on, in the words the
 * cashier reads. The vendor's frames verbatim where it documents them (GATEWAY-PROTOCOL.md
 * §6.7), its object form (`error: { message }`, no code) where the text sits inside `error`.
 */
afterEach(removePaymentCommandDirs);

const NOT_CONNECTED = 'The terminal is not connected to the gateway. The customer was not charged.';
const OTHER_GROUP = 'This terminal belongs to another store group. Check the group in Settings. The customer was not charged.';
const BUSY = 'The terminal is already busy with another payment. The customer was not charged for this one.';

/** One payment on T1 inside its error window, then `frame`: the payment as the cashier sees it. */
async function refusedBy(frame: ErrorFrame) {
  const f = setupInbound();
  const id = await f.started();
  f.errorFrame(frame);
  return { ...f, id, state: f.stateOf(id), detail: f.detailOf(id), key: f.ledger.get(id)?.detailMsg?.key };
}

describe('an error frame pinned on the one payment in its window', () => {
  it('"Terminal connection not found": rejected, not charged, and the lane is shown offline and the list asked again', async () => {
    const r = await refusedBy({ error: 'Not Found', message: 'Terminal connection not found' });
    expect(r.state).toBe('rejected');
    expect(r.detail).toBe(NOT_CONNECTED);
    expect(r.terminals.view('T1')?.presence).toBe('offline');
    expect(r.linkSent).toEqual([{ action: 'getTerminals' }]);
    expect(r.logged('frame.error_attributed')).toEqual([
      { level: 'warn', event: 'frame.error_attributed', to: 'payment', title: 'Not Found', message: 'Terminal connection not found', transactionId: r.id },
    ]);
    expect(r.errors).toEqual([]);
  });

  it('the same words inside `error` with no title still mean "not connected"', async () => {
    const r = await refusedBy({ error: { message: 'Terminal connection not found' } });
    expect(r.detail).toBe(NOT_CONNECTED);
    expect(r.terminals.view('T1')?.presence).toBe('offline');
  });

  it('"different group": rejected as another store group\'s terminal, and the diagnostics note it', async () => {
    const r = await refusedBy({ error: 'Forbidden', message: 'Cannot send message to connection in different group' });
    expect(r.state).toBe('rejected');
    expect(r.key).toBe('core.payment.refused_other_group');
    expect(r.detail).toBe(OTHER_GROUP);
    expect(r.errors).toEqual([OTHER_GROUP]);
    expect(r.terminals.view('T1')?.presence).toBe('online');
    expect(r.linkSent).toEqual([]);
  });

  it('"different group" inside `error` with no title is the same refusal', async () => {
    const r = await refusedBy({ error: { message: 'Cannot send message to connection in different group' } });
    expect(r.detail).toBe(OTHER_GROUP);
  });

  it('a conflict (title) or a payment "in progress" (message) reads as a busy terminal', async () => {
    const byTitle = await refusedBy({ error: 'Conflict', message: 'Terminal is busy' });
    expect(byTitle.state).toBe('rejected');
    expect(byTitle.key).toBe('core.payment.refused_busy');
    expect(byTitle.detail).toBe(BUSY);
    const byMessage = await refusedBy({ error: 'Bad Request', message: 'A payment is already in progress on this terminal' });
    expect(byMessage.detail).toBe(BUSY);
  });

  it("any other refusal quotes the gateway's message as it is", async () => {
    const r = await refusedBy({ error: 'Bad Request', message: 'terminalId is required' });
    expect(r.state).toBe('rejected');
    expect(r.key).toBe('core.payment.refused_by_gateway');
    expect(r.detail).toBe('The gateway refused the payment: terminalId is required. The customer was not charged.');
    expect(r.errors).toEqual([]);
    expect(r.terminals.view('T1')?.presence).toBe('online');
  });
});

describe("an error frame that is not one payment's", () => {
  it('a generic error while a payment and a list request are out: the payment turns unknown and recovery looks it up', async () => {
    const f = setupInbound();
    f.router.onConnectionEvent({ type: 'sent', frame: { action: 'getTerminals' } });
    const id = await f.started();
    f.errorFrame({ error: 'Bad Request', message: 'Invalid JSON' });
    expect(f.stateOf(id)).toBe('unknown');
    expect(f.detailOf(id)).toContain('"Invalid JSON"');
    expect(f.recoveries).toEqual(['ambiguous']);
    expect(f.errors).toEqual([]);
    expect(f.logged('frame.error_attributed')).toEqual([
      { level: 'warn', event: 'frame.error_attributed', to: 'ambiguous', title: 'Bad Request', message: 'Invalid JSON' },
    ]);
  });

  it("an error with nothing outstanding is noted for diagnostics in the gateway's words, and touches no payment", async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.advance(400); // past the error window: delivered
    f.errorFrame({ error: 'Not Found', message: 'Terminal connection not found' });
    expect(f.stateOf(id)).toBe('awaiting_result');
    expect(f.errors).toEqual(['Gateway error: Not Found — Terminal connection not found']);
    expect(f.recoveries).toEqual([]);
    expect(f.logged('frame.error_attributed')).toEqual([
      { level: 'warn', event: 'frame.error_attributed', to: 'none', title: 'Not Found', message: 'Terminal connection not found' },
    ]);
  });

  it("an error answering the list request is not the cashier's business: nothing noted, no payment touched", () => {
    const f = setupInbound();
    f.router.onConnectionEvent({ type: 'sent', frame: { action: 'getTerminals' } });
    f.errorFrame({ error: 'Bad Request', message: 'Something odd' });
    expect(f.logged('frame.error_attributed')).toMatchObject([{ to: 'getTerminals' }]);
    expect(f.errors).toEqual([]);
    expect(f.recoveries).toEqual([]);
  });
});
