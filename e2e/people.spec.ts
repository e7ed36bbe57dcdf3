import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { RESULT, expectResult, pay, untilSim, voidAlert, waitOnline } from './cashier';

/**
 * Who is at the till, through the cashier's screen (roles on; demo mode's training people:
 * "Training cashier" PIN 1111, "Training manager" PIN 9999). The PIN pad is used by touch in one
 * test and the keyboard in the others.
 */
const run = promisify(execFile);
test.use({ roles: 'on', tuning: { paymentDeadlineMs: 2_500 } });

test.beforeEach(async ({ page, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  await waitOnline(page);
});

async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText(name);
}

async function managerPin(page: Page, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: "Manager's PIN" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Manager PIN', { exact: true }).fill(pin);
  await dialog.getByRole('button', { name: 'Approve' }).click();
}

test('the till opens on sign-in with the training PINs shown; the PIN pad signs in; switch and the idle lock sign out', async ({ page }) => {
  await expect(page.getByText('Demo mode: Training cashier PIN 1111 · Training manager PIN 9999')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await page.getByRole('radio', { name: /^Training cashier/ }).check();
  const pad = page.getByRole('group', { name: 'PIN pad' });
  for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Training cashier');
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();

  await page.getByRole('button', { name: 'Switch cashier' }).click();
  await signIn(page, 'Training manager', '9999');

  // The idle lock (5 minutes by default): the page's clock is moved on, no real waiting.
  await page.clock.install();
  await page.mouse.click(5, 5);
  await page.clock.fastForward('05:01');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test("Settings are refused without a manager's PIN and open with it", async ({ page }) => {
  await signIn(page, 'Training cashier', '1111');
  await page.keyboard.press('F9');
  await managerPin(page, '1111');
  await expect(page.getByRole('dialog', { name: "Manager's PIN" }).getByRole('alert')).toHaveText("That is not a manager's PIN.");
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();

  await page.keyboard.press('F9');
  await managerPin(page, '9999');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Store name').fill('Corner Shop');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

test('five wrong PINs lock the cashier out; the right PIN is refused until the lock ends', async ({ page }) => {
  await page.getByRole('radio', { name: /^Training cashier/ }).check();
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('PIN', { exact: true }).fill('0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(i < 4 ? 'Wrong PIN.' : 'Too many wrong PINs for Training cashier');
  }
  await expect(page.getByRole('radio', { name: /^Training cashier/ })).toHaveAccessibleName(/locked after wrong PINs/);
  await page.getByLabel('PIN', { exact: true }).fill('1111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/Too many wrong PINs for Training cashier\. Try again in \d+ seconds/);
  await expect(page.getByRole('group', { name: 'Signed in' })).toHaveCount(0);
});

test("a hand settlement needs the manager's PIN and records who approved it", async ({ page, sim }) => {
  await signIn(page, 'Training cashier', '1111');
  sim.control.script('TERM-003', { outcome: 'NO_RESPONSE' });
  await pay(page, { terminal: 'Lane 3', digits: '5500', order: 'M-1' });
  await expectResult(page, RESULT.unknown, 8_000);
  await page.getByRole('radio', { name: /^Not charged/ }).check();
  await page.getByLabel('Reason (required)').fill('Terminal screen is blank');
  await page.getByRole('button', { name: 'Resolve payment' }).click();
  await page.getByRole('dialog', { name: "Manager's PIN" }).getByRole('button', { name: 'Cancel' }).click();
  await expectResult(page, RESULT.unknown);
  await page.getByRole('button', { name: 'Resolve payment' }).click();
  await managerPin(page, '9999');
  await expectResult(page, RESULT.abandoned);
  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Details for order M-1' }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Terminal screen is blank (Training cashier)' })).toBeVisible();
  await expect(page.getByText('Approved by')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Training manager$/ })).toBeVisible();
});

test('the cashier is on the receipt (PDF) and in History, which filters by cashier', async ({ page, sim }) => {
  await signIn(page, 'Training cashier', '1111');
  sim.control.script('TERM-001', { outcome: 'SUCCESS' });
  await pay(page, { terminal: 'Lane 1', digits: '2450', order: 'C-1' });
  await expectResult(page, RESULT.approved);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PDF' }).click()]);
  const { stdout: text } = await run('pdftotext', ['-layout', (await download.path())!, '-']);
  // The default receipt setting prints the first name.
  expect(text).toMatch(/Cashier\s+Training\n/);

  await page.getByRole('button', { name: 'Switch cashier' }).click();
  await signIn(page, 'Training manager', '9999');
  await page.getByRole('button', { name: /New payment/ }).click();
  sim.control.script('TERM-002', { outcome: 'SUCCESS' });
  await pay(page, { terminal: 'Lane 2', digits: '1000', order: 'C-2' });
  await expectResult(page, RESULT.approved);

  await page.keyboard.press('F2');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /C-1/ })).toContainText('Training cashier');
  await page.getByLabel('Cashier').selectOption('Training manager');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: /C-2/ })).toContainText('Training manager');
});

// The gateway's grace period (3 s here) must end before the till's own deadline, so the payment is given up, then voided.
test.describe('the void alert while signed out', () => {
  test.use({ tuning: {} });
  test('a void arriving while the till is signed out is shown over the sign-in screen and acknowledged there', async ({ page, sim }) => {
    await signIn(page, 'Training cashier', '1111');
    // Lane 2 approves the card after the gateway gave the payment up: the gateway voids that approval.
    sim.control.script('TERM-002', { outcome: 'DROP_MID_PAYMENT', delayMs: 300, resultAfterReconnect: 'SUCCESS' });
    await pay(page, { terminal: 'Lane 2', digits: '3150', order: 'L-1' });
    await expectResult(page, RESULT.abandoned, 8_000);
    await page.getByRole('button', { name: 'Switch cashier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    sim.control.reconnectTerminal('TERM-002');
    await untilSim(() => sim.control.transactions().some((t) => t.orderRef === 'L-1' && t.status === 'VOIDED'));
    const alert = voidAlert(page);
    await expect(alert).toBeVisible({ timeout: 8_000 });
    await expect(alert).toContainText('Payment reversed — the customer was NOT charged');
    await expect(alert).toContainText('L-1');
    // Nobody is signed in, yet the alert is on top (the click below is refused if anything covers it).
    await expect(page.getByRole('group', { name: 'Signed in' })).toHaveCount(0);
    await alert.getByRole('button', { name: /acknowledge/i }).click();
    await expect(voidAlert(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
});
