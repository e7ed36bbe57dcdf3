import { expect, test } from './fixtures';
import { RESULT, expectResult, payButton, transactionsOn, waitOnline } from './cashier';

/** Touch (on-screen keypad) and keyboard-only checkout: same payment, no mouse needed. */

test.beforeEach(async ({ page }) => {
  await waitOnline(page);
});

test('numpad: digits fill from the right, ⌫ deletes, Clear empties; the typed amount is what is charged', async ({ page, sim }) => {
  await page.getByRole('radio', { name: /^Lane 2(\s|$)/ }).check();
  const keypad = page.getByRole('group', { name: 'Keypad' });
  const amount = page.getByLabel(/^Amount/);
  for (const key of ['4', '2', '00']) await keypad.getByRole('button', { name: key, exact: true }).click();
  // The field keeps what was typed; the Pay key says what will be charged (till: amounts as typed).
  await expect(amount).toHaveValue('4200');
  await expect(payButton(page)).toContainText('€42.00');
  await keypad.getByRole('button', { name: 'Delete last digit' }).click();
  await expect(amount).toHaveValue('420');
  await expect(payButton(page)).toContainText('€4.20');
  await keypad.getByRole('button', { name: 'Clear amount' }).click();
  await expect(amount).toHaveValue('');
  await expect(page.locator('#pay-reason')).toHaveText('Enter the amount.');
  for (const key of ['1', '5', '9', '9']) await keypad.getByRole('button', { name: key, exact: true }).click();
  await expect(payButton(page)).toContainText('€15.99');
  // No typed order reference is needed any more (money-truth rule 4): the generated one is shown.
  await expect(page.locator('#pay-reason')).toHaveText('Ready to send to the terminal.');
  await expect(page.locator('#order-ref-hint')).toHaveText('Order R1-0001 (generated) — type to use your own.');
  await page.getByLabel('Order reference').fill('NP-1');
  await expect(page.locator('#pay-reason')).toHaveText('Ready to send to the terminal.');
  await payButton(page).click();
  await expectResult(page, RESULT.approved);
  expect(transactionsOn(sim, 'TERM-002')[0]).toMatchObject({ amount: '15.99', status: 'COMPLETED' });
});

test('amounts as cashiers type them: "24,5" is charged as 24.50, too many decimals is refused with the reason', async ({ page, sim }) => {
  await page.getByRole('radio', { name: /^Lane 2(\s|$)/ }).check();
  const amount = page.getByLabel(/^Amount/);
  await amount.fill('24.505');
  await expect(page.locator('#pay-reason')).toHaveText('EUR amounts have at most 2 decimals: "24.505" has 3.');
  await expect(payButton(page)).toBeDisabled();
  await amount.fill('24,5');
  await expect(payButton(page)).toContainText('€24.50');
  await page.getByLabel('Order reference').fill('DEC-1');
  await payButton(page).click();
  await expectResult(page, RESULT.approved);
  expect(transactionsOn(sim, 'TERM-002')[0]).toMatchObject({ amount: '24.50', status: 'COMPLETED' });
});

test('keyboard only: amount has focus, Tab through the form, Enter pays, N for the next sale, F-keys switch screens', async ({ page, sim }) => {
  // The checkout opens with the amount focused.
  await expect(page.getByLabel(/^Amount/)).toBeFocused();
  await page.keyboard.type('2575');
  await expect(payButton(page)).toContainText('€25.75');
  // The terminal radios (then "Refresh terminals") come just before the amount: Shift+Tab into the group, arrows choose.
  const lane1 = page.getByRole('radio', { name: /^Lane 1(\s|$)/ });
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Refresh terminals' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('radio', { name: /^(Lane|Counter)/ }).and(page.locator(':focus'))).toHaveCount(1);
  for (let i = 0; i < 4 && !(await lane1.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
  await expect(lane1).toBeChecked();
  // Tab: terminal → refresh → amount → method → order reference.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^Amount/)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Card' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Order reference')).toBeFocused();
  await page.keyboard.type('KB-1');
  await page.keyboard.press('Enter');
  await expectResult(page, RESULT.approved);
  expect(transactionsOn(sim, 'TERM-001')[0]).toMatchObject({ amount: '25.75', paymentMethod: 'CARD' });

  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();
  await expect(page.getByLabel(/^Amount/)).toBeFocused();

  const nav = page.getByRole('navigation', { name: 'Screens' });
  for (const [key, screen, title] of [
    ['F2', 'History', "Today's payments"],
    ['F3', 'End of day', 'End of day'],
    ['F9', 'Settings', 'Settings'],
    ['F10', 'Diagnostics', 'Diagnostics'],
    ['F1', 'Checkout', 'New payment'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(nav.getByRole('button', { name: new RegExp(`^${screen}`) })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // Focus goes to the new screen's heading (checkout: straight to the amount).
    if (screen === 'Checkout') await expect(page.getByLabel(/^Amount/)).toBeFocused();
    else await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
});
