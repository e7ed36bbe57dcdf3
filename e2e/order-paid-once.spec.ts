import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, expectResult, fillCheckout, pay, payButton, transactionsOn, untilSim, voidAlert, waitOnline } from './cashier';

/**
 * Money-truth rules 3 and 4 through the cashier's screen: what the cashier is told follows the
 * ORDER (all its attempts, as the core derives it), and an order is paid once unless the cashier
 * explicitly says Yes. The simulator's grace is 3 s (FAST_SIM), copied into the core.
 */

test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('rule 3: Lane 2 loses its terminal, the re-take on Lane 1 is approved, the late Lane 2 approval is voided: the alert says the order is already paid', async ({
  page,
  sim,
  host,
}) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  // Lane 2's terminal drops mid-payment and stays away until the test plugs it back in.
  sim.control.script('TERM-002', { outcome: 'DROP_MID_PAYMENT', delayMs: 300, resultAfterReconnect: 'SUCCESS' });
  await pay(page, { terminal: 'Lane 2', digits: '2450', order: 'RT-1' });
  await expectResult(page, RESULT.abandoned, 10_000);

  // The cashier does as told: takes it again, on Lane 1. Approved.
  await page.getByRole('button', { name: /^Take the payment again/ }).click();
  await expect(page.getByLabel('Order reference')).toHaveValue('RT-1');
  await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
  await payButton(page).click();
  await expectResult(page, RESULT.approved);

  // Lane 2 comes back with its approval: the gateway voids it and the alert goes up.
  sim.control.reconnectTerminal('TERM-002');
  await untilSim(() => transactionsOn(sim, 'TERM-002').some((t) => t.status === 'VOIDED'));
  const alert = voidAlert(page);
  await expect(alert).toBeVisible({ timeout: 8_000 });
  await expect(alert.getByRole('heading')).toHaveText(/Order RT-1 is already paid — do not take it again/);
  await expect(alert.locator('#void-summary')).toHaveText(/^Order RT-1 is already paid — €24\.50 at \d\d:\d\d on Lane 1\. Do not take it again\./);
  await expect(alert).not.toContainText(/take the payment again/i);
  await alert.getByRole('button', { name: 'I have told the customer — acknowledge' }).click();
  await expect(voidAlert(page)).toHaveCount(0);

  // History and End of day say the same: one payment taken for RT-1.
  await page.keyboard.press('F2');
  for (const row of await page.getByRole('row', { name: /RT-1/ }).all()) await expect(row).toContainText(/Paid(?! \d)/);
  await page.keyboard.press('F3');
  await expect(page.getByText('No order was paid more than once.')).toBeVisible();
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED']);
});

test('rule 4: a second payment for an order paid today asks first, No by default; the reference is generated when none is typed', async ({ page, sim }) => {
  await pay(page, { terminal: 'Lane 1', digits: '2450', order: 'A-1001' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('n');

  // The same order again: the question comes BEFORE anything is sent, and Enter means No.
  await fillCheckout(page, { terminal: 'Lane 1', digits: '2450', order: 'A-1001' });
  await payButton(page).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText(/Order A-1001 was already paid €24\.50 at \d\d:\d\d on Lane 1\. Take another payment for it\?/);
  await expect(question.getByRole('button', { name: /^No/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New payment');
  expect(transactionsOn(sim, 'TERM-001')).toHaveLength(1);

  // Yes, explicitly: a second payment is taken, and the result says the order is paid twice.
  await payButton(page).click();
  await question.getByRole('button', { name: /^Yes/ }).click();
  await expectResult(page, RESULT.approved);
  await expect(page.getByRole('alert')).toContainText('Order A-1001 has been paid 2 times today');
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED', 'COMPLETED']);

  // No typed reference: the generated one is shown, sent, and on the result; the next one follows.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Order reference')).toHaveValue('');
  await expect(page.getByText('Order R1-0001 (generated) — type to use your own.')).toBeVisible();
  await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
  await page.getByLabel(/^Amount/).fill('500');
  await payButton(page).click();
  await expectResult(page, RESULT.approved);
  await expect(page.locator('.facts')).toContainText('R1-0001');
  await page.keyboard.press('n');
  await expect(page.getByText('Order R1-0002 (generated) — type to use your own.')).toBeVisible();
});
