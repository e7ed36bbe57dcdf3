import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, terminal } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/**
 * Money-truth rule 7: every approved payment has a receipt. An approval without `receiptData`
 * (optional in the vendor's table) still offers Print, Reprint and Save PDF — Checkstand's own
 * receipt — on the result screen and in History.
 */
const noText = payment('n1', { orderRef: 'NOTEXT-1', state: 'approved', authorizationCode: 'AUTH77', hasReceipt: false });

describe('an approval without receipt text from the terminal', () => {
  it('result screen: print, reprint and save PDF are offered, with a line saying the terminal sent no text', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(snapshot({ payments: [noText] }));
    const rendered = await renderApp(fake);
    act(() => rendered.store.getState().setActivePayment('n1'));
    expect(screen.queryByText(/No receipt data came from the gateway/)).toBeNull();
    expect(screen.getByText(/The terminal sent no receipt text; Checkstand prints its own receipt/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Print receipt/ }));
    await user.click(screen.getByRole('button', { name: 'Reprint (copy)' }));
    await user.keyboard('p');
    expect(fake.callsOf('printReceipt')).toEqual([
      { transactionId: 'n1', copy: false },
      { transactionId: 'n1', copy: true },
      { transactionId: 'n1', copy: false },
    ]);
    expect(screen.getByRole('button', { name: 'Save PDF' })).toBeTruthy();
  });

  it('History: the details offer the same receipt', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge(snapshot({ payments: [noText], terminals: [terminal('t1')] }));
    await renderApp(fake);
    await user.keyboard('{F2}');
    await user.click(screen.getByRole('button', { name: 'Details for order NOTEXT-1' }));
    const details = screen.getByRole('region', { name: /Payment for order NOTEXT-1/ });
    await user.click(within(details).getByRole('button', { name: 'Reprint (copy)' }));
    expect(within(details).getByRole('button', { name: 'Save PDF' })).toBeTruthy();
    expect(fake.callsOf('printReceipt')).toEqual([{ transactionId: 'n1', copy: true }]);
  });
});
