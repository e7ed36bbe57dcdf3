import { expect, test } from './fixtures';
import { RESULT, expectResult, pay, payButton, simFrames, transactionsOn, waitOnline } from './cashier';

/**
 * docs/protocol.md §9.3 scenarios A, B, C, I, J and M, through the cashier's screen: the
 * simulator's scripted terminal answers, the renderer shows the result in words.
 */

test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('A: an approval shows "Approved", the amount and the receipt actions; the gateway completed it', async ({ page, sim }) => {
  await pay(page, { terminal: 'Lane 1', digits: '1250', order: 'A-1' });
  await expectResult(page, RESULT.approved);
  await expect(page.locator('.result-amount')).toHaveText('€12.50');
  await expect(page.getByRole('button', { name: /^Print receipt/ })).toBeVisible();
  const [tx] = transactionsOn(sim, 'TERM-001');
  expect(tx).toMatchObject({ status: 'COMPLETED', amount: '12.50', currency: 'EUR' });
  await expect(page.getByText(tx!.transactionId)).toBeVisible();
});

test('B: a decline shows the reason; "Pay with another card" keeps the order and sends a NEW transactionId', async ({ page, sim }) => {
  sim.control.script('TERM-001', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' });
  await pay(page, { terminal: 'Lane 1', digits: '999', order: 'B-1' });
  await expectResult(page, RESULT.declined);
  await expect(page.getByText('INSUFFICIENT_FUNDS')).toBeVisible();

  await page.getByRole('button', { name: /Pay with another card/ }).click();
  await expect(page.getByLabel('Order reference')).toHaveValue('B-1');
  await expect(payButton(page)).toContainText('€9.99');
  await payButton(page).click();
  await expectResult(page, RESULT.approved);

  const attempts = transactionsOn(sim, 'TERM-001');
  expect(attempts.map((t) => t.status)).toEqual(['FAILED', 'COMPLETED']);
  expect(new Set(attempts.map((t) => t.transactionId)).size).toBe(2);
});

test('C: cancelled on the terminal says the customer was not charged; N starts a clean form', async ({ page, sim }) => {
  sim.control.script('TERM-002', { outcome: 'CANCELLED' });
  await pay(page, { terminal: 'Lane 2', digits: '500', order: 'C-1' });
  await expectResult(page, RESULT.cancelled);
  await expect(page.getByText('The customer was not charged.')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();
  await expect(page.getByLabel('Order reference')).toHaveValue('');
  expect(transactionsOn(sim, 'TERM-002').map((t) => t.status)).toEqual(['CANCELLED']);
});

test('I: a PENDING answer keeps the cashier waiting ("Processing"), then the success lands', async ({ page, sim }) => {
  sim.control.script('TERM-001', { outcome: 'PENDING_THEN_SUCCESS', delayMs: 1_200 });
  await pay(page, { terminal: 'Lane 1', digits: '4200', order: 'I-1' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Processing — the terminal is still working on it/);
  await expectResult(page, RESULT.approved);
  expect(simFrames(sim, 'out', 'paymentComplete').length).toBeGreaterThanOrEqual(2);
});

test('J: a duplicated paymentComplete push is shown once (one result, one history row)', async ({ page, sim }) => {
  // Armed for the result push alone: a terminal status push in between cannot take the duplicate.
  sim.control.faults.duplicateNext('paymentComplete');
  await pay(page, { terminal: 'Lane 3', digits: '700', order: 'J-1' });
  await expectResult(page, RESULT.approved);
  // The gateway really sent it twice…
  await expect.poll(() => simFrames(sim, 'out', 'paymentComplete').length).toBe(2);
  // …and the register counts it once.
  await page.keyboard.press('F2');
  await expect(page.getByRole('button', { name: /^Details for order/ })).toHaveCount(1);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('eod-taken')).toContainText('€7.00');
});

// L (a terminal of another group) cannot be reached through the UI: the picker lists only this
// group's terminals, and the core refuses unknown ids before sending. The core's integration
// tests cover the gateway's Forbidden answer.
test("L: the other group's terminal is not offered", async ({ page, sim }) => {
  expect(sim.control.terminals().some((t) => t.label === 'Other store')).toBe(true);
  await expect(page.getByRole('radio', { name: /^Lane 1\b/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Other store/ })).toHaveCount(0);
});
