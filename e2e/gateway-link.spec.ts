import { expect, test } from './fixtures';
import { RESULT, banner, expectResult, pay, payButton, fillCheckout, simFrames, transactionsOn, waitOnline } from './cashier';

/**
 * The register's own link to the gateway: §9.3 G (link lost mid-payment) and K (a second
 * register with the same key), a gateway restart mid-shift, and a page reload mid-payment.
 */

test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('gateway restart mid-shift: payments are blocked while it is down, then the link comes back by itself', async ({ page, sim }) => {
  await fillCheckout(page, { terminal: 'Lane 1', digits: '150', order: 'R-1' });
  const restarted = sim.control.restart({ downMs: 1_500 });
  await expect(banner(page)).toContainText(/Reconnecting to the payment gateway|Connecting/);
  await expect(payButton(page)).toBeDisabled();
  await expect(page.locator('#pay-reason')).toContainText('Offline');
  // No terminal card claims "Ready" while the register cannot know: words and icon, not colour alone.
  await expect(page.getByRole('radio', { name: /^Lane 1/ })).toHaveAccessibleDescription(/Unknown — gateway offline/);
  await expect(page.getByRole('group', { name: 'Terminal' }).getByText(/Ready/)).toHaveCount(0);
  await restarted;
  await waitOnline(page);
  await payButton(page).click();
  await expectResult(page, RESULT.approved);
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED']);
});

test("gateway restart during a payment: the register waits it out and shows the terminal's answer", async ({ page, sim }) => {
  sim.control.script('TERM-002', { outcome: 'MANUAL' });
  await pay(page, { terminal: 'Lane 2', digits: '3300', order: 'R-2' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal/);
  await sim.control.restart({ downMs: 1_000 });
  await waitOnline(page);
  await expect.poll(() => sim.control.terminals().find((t) => t.id === 'TERM-002')?.status).toBe('online');
  expect(sim.control.resolve('TERM-002', 'SUCCESS')).toBe(true);
  await expectResult(page, RESULT.approved, 10_000);
  expect(transactionsOn(sim, 'TERM-002').map((t) => t.status)).toEqual(['COMPLETED']);
});

test('G: the register loses the gateway mid-payment; the result is recovered once the link is back', async ({ page, sim }) => {
  sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 1_500 });
  await pay(page, { terminal: 'Lane 1', digits: '6400', order: 'G-1' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal/);
  sim.control.faults.dropPosConnections({ silent: false });
  // Whatever the register shows meanwhile, it must end on the gateway's answer: approved.
  await expectResult(page, RESULT.approved, 15_000);
  await waitOnline(page);
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED']);
});

test('K: a second register with the same key displaces this one; "Reconnect here" takes the link back', async ({ page, sim }) => {
  await sim.control.displace();
  await expect(banner(page)).toContainText('Disconnected — another register is using this API key');
  await expect(payButton(page)).toBeDisabled();
  // That it never reconnects on its own is proved with a FakeClock over an hour of the core's
  // time (gateway-connection.test.ts, scenarios.int.test.ts K), not by waiting here.

  await banner(page).getByRole('button', { name: 'Reconnect here' }).click();
  await waitOnline(page);
  await pay(page, { terminal: 'Lane 2', digits: '250', order: 'K-1' });
  await expectResult(page, RESULT.approved);
});

test('a reload mid-payment keeps the payment: the progress screen comes back, it completes once', async ({ page, sim }) => {
  // MANUAL: the terminal answers only when the test says so, after the reload.
  sim.control.script('TERM-001', { outcome: 'MANUAL' });
  await pay(page, { terminal: 'Lane 1', digits: '1999', order: 'RL-1' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal/);
  await page.reload();
  await waitOnline(page);
  // The register follows the open payment again: the progress screen, not an empty form.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal/);
  await expect(page.getByText('RL-1', { exact: true })).toBeVisible();
  await expect(payButton(page)).toBeHidden();

  expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
  await expectResult(page, RESULT.approved, 10_000);
  await page.keyboard.press('F2');
  await expect(page.getByRole('row', { name: /RL-1/ })).toContainText(/Approved/);
  expect(simFrames(sim, 'in', 'payment')).toHaveLength(1);
});
