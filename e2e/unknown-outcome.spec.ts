import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, expectResult, pay, transactionsOn, waitOnline } from './cashier';

/**
 * §9.3 H: the terminal never answers. The core's own deadline (2.5 s here instead of 105 s)
 * expires before the simulator's payment timeout (10 s), so the register honestly does not know:
 * the guided check, the gateway lookup, then the cashier's decision with a reason.
 */
test.use({ tuning: { paymentDeadlineMs: 2_500 } });

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

test('H: no answer → "Result unknown"; the gateway check says still pending; resolved "not charged" with a reason', async ({ page, sim }) => {
  sim.control.script('TERM-003', { outcome: 'NO_RESPONSE' });
  await pay(page, { terminal: 'Lane 3', digits: '5500', order: 'H-1' });
  await expectResult(page, RESULT.unknown, 8_000);
  // Nobody can charge twice by accident: no "New payment" until it is resolved.
  await expect(page.getByRole('button', { name: /New payment/ })).toHaveCount(0);
  await expect(page.getByText(/Do NOT take the payment again/)).toBeVisible();
  // Demo mode: the simulator's key has its secret, so no "API secret not set up" hint.
  await expect(page.getByText(/needs the API secret/)).toHaveCount(0);

  const lookups = () => sim.control.log().filter((e) => e.role === 'http').length;
  const before = lookups();
  await page.getByRole('button', { name: 'Check with the gateway' }).click();
  await expect(page.getByText(/The gateway does not know the result yet either/)).toBeVisible();
  // The check really asked the gateway (signed HTTP lookup), which still says PENDING.
  expect(lookups()).toBeGreaterThan(before);
  expect(transactionsOn(sim, 'TERM-003').map((t) => t.status)).toEqual(['PENDING']);

  const resolve = page.getByRole('button', { name: 'Resolve payment' });
  await expect(resolve).toBeDisabled();
  await page.getByRole('radio', { name: /^Not charged/ }).check();
  await expect(page.locator('#resolve-why')).toHaveText('Write a reason (at least 3 characters).');
  await expect(resolve).toBeDisabled();
  await page.getByLabel('Reason (required)').fill('Terminal screen is blank, customer kept the card');
  await resolve.click();

  await expectResult(page, RESULT.abandoned);
  await expect(page.getByText('Reason given: Terminal screen is blank, customer kept the card')).toBeVisible();
  await page.getByRole('button', { name: /New payment/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();
});

test('H: an unknown payment the terminal approves late is settled by the late push: approved', async ({ page, sim }) => {
  sim.control.script('TERM-001', { outcome: 'MANUAL' });
  await pay(page, { terminal: 'Lane 1', digits: '1200', order: 'H-2' });
  await expectResult(page, RESULT.unknown, 8_000);
  // §9.3: UNKNOWN ──late paymentComplete──► APPROVED (the gateway had not given up yet).
  expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
  await expectResult(page, RESULT.approved);
  expect(transactionsOn(sim, 'TERM-001').map((t) => t.status)).toEqual(['COMPLETED']);
});
