import { expect, test } from './fixtures';
import { RESULT, banner, expectResult, pay, transactionsOn, waitOnline } from './cashier';

/**
 * till: an honest Cancel; till: one countdown; till: back online at once in the browser host: the payment in progress asks for the card at
 * once, Cancel says what to do on the terminal, Stop waiting asks first and means what it says
 * (a later approval on the terminal turns the payment into "Needs review"), and after a gateway
 * restart the checkout is payable again with "Reconnect now" as the action while it is down.
 */
test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('Cancel tells the cashier to press Cancel on the terminal; Stop waiting asks first; a later approval needs review', async ({ page, sim }) => {
  sim.control.script('TERM-001', { outcome: 'MANUAL' });
  await pay(page, { terminal: 'Lane 1', digits: '1250', order: 'HC-1' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal — waiting for the customer/);
  await expect(page.getByText(/Tell the customer:/)).toBeVisible();

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/Press Cancel on terminal "Lane 1"/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop waiting…' }).click();
  await expect(page.getByRole('group', { name: 'Stop waiting for this payment?' })).toContainText('the payment then shows "Needs review"');
  await page.getByRole('button', { name: 'Stop waiting, order not paid' }).click();
  await expectResult(page, RESULT.abandoned);

  // The terminal still had the payment: the customer taps after all.
  expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
  await expectResult(page, 'Needs review — a late result arrived');
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED']);
});

test('while the gateway restarts, Reconnect now is the action; the checkout is payable again once it is back', async ({ page, sim }) => {
  const restarted = sim.control.restart({ downMs: 2_000 });
  await expect(banner(page).getByRole('button', { name: 'Reconnect now' })).toBeVisible();
  await restarted;
  await expect(banner(page)).toContainText('Online');
  await pay(page, { terminal: 'Lane 2', digits: '500', order: 'HC-2' });
  await expectResult(page, RESULT.approved);
});
