import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './fake-bridge';
import { connection, payment, snapshot, voidAlert } from './fixtures';
import { renderApp } from './render-app';

/**
 * An early warning in jsdom: no serious or critical axe violation on any screen. Colour contrast
 * needs real layout, so it is left to the Playwright run against Chromium (@axe-core/playwright).
 */
async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const payments = [
  payment('a', { state: 'approved', authorizationCode: 'OK1' }),
  payment('d', { state: 'declined', errorCode: 'DO_NOT_HONOR', errorMessage: 'Do not honor' }),
  payment('u', { state: 'unknown' }),
  payment('w', { state: 'awaiting_result' }),
  payment('v', { state: 'voided', voidReason: 'late' }),
];

describe('accessibility (axe, jsdom)', () => {
  it('has no serious or critical violations on any screen or result', async () => {
    const user = userEvent.setup();
    const { store } = await renderApp(new FakeBridge(snapshot({ payments, connection: connection({ state: 'displaced' }) })));
    expect(await seriousViolations()).toEqual([]);
    for (const id of ['w', 'a', 'd', 'u', 'v']) {
      act(() => store.getState().setActivePayment(id));
      expect({ id, violations: await seriousViolations() }).toEqual({ id, violations: [] });
    }
    act(() => store.getState().setActivePayment(null));
    for (const key of ['{F2}', '{F3}', '{F9}', '{F10}']) {
      await user.keyboard(key);
      await act(async () => undefined);
      expect({ key, violations: await seriousViolations() }).toEqual({ key, violations: [] });
    }
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Details for order ORD-a' }));
    expect(await seriousViolations()).toEqual([]);
  });

  it('has none with the void alert open', async () => {
    await renderApp(new FakeBridge(snapshot({ alerts: [voidAlert('x'), voidAlert('y')] })));
    expect(await seriousViolations()).toEqual([]);
  });
});
