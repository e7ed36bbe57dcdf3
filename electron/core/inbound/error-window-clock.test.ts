import { afterEach, describe, expect, it } from 'vitest';
import { setupInbound } from '../testing/inbound-fixture';
import { pushFrame } from '../testing/terminal-frames';
import { ERROR_WINDOW_MS, removePaymentCommandDirs } from '../testing/payment-commands-fixture';

/**
 * §10.1's error window (an error frame has no id, so it is pinned on the payment sent within the
 * last ERROR_WINDOW_MS) is a span of elapsed time. Measured on the wall clock, setting the PC's
 * clock right after a payment was sent changes whose an error is: forward, the terminal's refusal
 * is not pinned on the payment it answers (the cashier waits out the whole deadline for a payment
 * the gateway already turned down); back, the window never closes, so a later error is pinned on
 * a payment the terminal has ("not charged" while the customer may be charged) and every other
 * lane is refused as "register busy" until that payment ends.
 */
afterEach(removePaymentCommandDirs);

const HOUR = 3_600_000;
const NOT_CONNECTED = { error: 'Not Found', message: 'Terminal connection not found' };

describe('the error window is elapsed time, whatever the wall clock does', () => {
  it('clock set forward 3 h: the refusal that comes inside the window is still pinned on the payment', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.jump(3 * HOUR);
    f.clock.advance(ERROR_WINDOW_MS - 1);
    f.errorFrame(NOT_CONNECTED);
    expect(f.stateOf(id)).toBe('rejected');
    expect(f.errors).toEqual([]);
  });

  it("clock set back 3 h: the window still closes, the payment counts as delivered, and a later error is nobody's", async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.jump(-3 * HOUR);
    f.clock.advance(ERROR_WINDOW_MS);
    expect(f.stateOf(id)).toBe('awaiting_result');
    f.errorFrame(NOT_CONNECTED);
    expect(f.stateOf(id)).toBe('awaiting_result');
    expect(f.logged('frame.error_attributed')).toMatchObject([{ to: 'none' }]);
  });

  it('clock set back 3 h: an error long after the window closed never makes the terminal\'s payment "not charged"', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.clock.jump(-3 * HOUR);
    f.clock.advance(ERROR_WINDOW_MS);
    f.router.onConnectionEvent({ type: 'frame', frame: pushFrame(1_000, 'T1', 'reconnecting') });
    expect(f.stateOf(id)).toBe('terminal_reconnecting');
    f.clock.advance(5_000);
    f.errorFrame(NOT_CONNECTED);
    expect(f.stateOf(id)).toBe('terminal_reconnecting');
  });

  it('clock set back 3 h: once the window has closed, another lane can take a payment', async () => {
    const f = setupInbound();
    await f.started('T1');
    f.clock.jump(-3 * HOUR);
    f.clock.advance(ERROR_WINDOW_MS);
    const second = await f.pay({ terminalId: 'T2' });
    expect(second).toMatchObject({ ok: true });
  });

  it('clock set forward 3 h: the window does not close early, so a second lane still waits its turn', async () => {
    const f = setupInbound();
    await f.started('T1');
    f.clock.jump(3 * HOUR);
    const second = await f.pay({ terminalId: 'T2' });
    expect(second).toMatchObject({ ok: false, error: { code: 'register_busy' } });
  });
});
