import { afterEach, describe, expect, it } from 'vitest';
import { setupInbound } from '../testing/inbound-fixture';
import { ERROR_WINDOW_MS, removePaymentCommandDirs } from '../testing/payment-commands-fixture';

/**
 * §10.1 / OQ-4: a `payment` frame gets no acknowledgement. Silence for the whole error window
 * means the terminal has it: the cashier's screen moves from "sent" to "on the terminal".
 */
afterEach(removePaymentCommandDirs);

describe('the error window of a sent payment', () => {
  it('with no error frame until the window ends, the payment counts as delivered to the terminal', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.advance(ERROR_WINDOW_MS - 1);
    expect(f.stateOf(id)).toBe('sent');
    f.clock.advance(1);
    expect(f.stateOf(id)).toBe('awaiting_result');
  });

  it('once delivered, a late "not connected" error is not pinned on it: the customer may be paying', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.advance(ERROR_WINDOW_MS);
    f.errorFrame({ error: 'Not Found', message: 'Terminal connection not found' });
    expect(f.stateOf(id)).toBe('awaiting_result');
    expect(f.errors).toEqual(['Gateway error: Not Found — Terminal connection not found']);
  });

  it('a payment refused inside its window stays refused when the window ends', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.errorFrame({ error: 'Not Found', message: 'Terminal connection not found' });
    f.clock.advance(ERROR_WINDOW_MS);
    expect(f.stateOf(id)).toBe('rejected');
  });

  it('a payment whose link dropped inside its window stays unknown when the window ends', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.router.onConnectionEvent({ type: 'down', reason: 'socket closed' });
    f.clock.advance(ERROR_WINDOW_MS);
    expect(f.stateOf(id)).toBe('unknown');
  });
});
