import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../core/log/logger';
import { createHarness, type CoreHarness } from '../core/testing/harness';
import { invokeValidated } from './invoke';

/** A bad request reads the same whether it came through a bridge or straight to the core. */
let h: CoreHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('one check of a command request', () => {
  it('the bridge and the core refuse a bad request and an unknown command with the same words', async () => {
    h = await createHarness({ settings: {} });
    const logger = createMemoryLogger();
    const bad = { terminalId: 'TERM-001', amountMinor: -5, currency: 'EUR', paymentMethod: 'CARD' };
    const viaBridge = await invokeValidated(h.core, 'startPayment', bad, logger, 'test');
    const direct = await h.core.invoke('startPayment', bad as never);
    expect(viaBridge).toEqual(direct);
    expect(!direct.ok && direct.error.message).toMatch(/^The request for startPayment was not valid: amountMinor /);
    const unknownViaBridge = await invokeValidated(h.core, 'deleteEverything', {}, logger, 'test');
    expect(unknownViaBridge).toEqual(await h.core.invoke('deleteEverything' as never, {} as never));
  });
});
