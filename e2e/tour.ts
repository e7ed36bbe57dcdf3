import { expect, type Page } from '@playwright/test';
import type { SimulatorHandle, SimulatorOptions } from '../simulator/api';
import type { CoreTuning } from '../electron/core/ports';
import { RESULT, banner, expectResult, fillCheckout, pay, voidAlert, waitOnline } from './cashier';

/**
 * One walk through every screen and state a cashier meets, stopping at each so a caller can look
 * at it: the accessibility spec runs axe at every stop, `npm run screenshots` takes a picture.
 */

export const TOUR_STOPS = [
  'checkout',
  'in-progress',
  'approved',
  'declined',
  'reconnecting',
  'unknown',
  'void-alert',
  'history',
  'end-of-day',
  'settings',
  'diagnostics',
  'offline',
] as const;
export type TourStop = (typeof TOUR_STOPS)[number];

/** Timings the tour is written for (grace 2.5 s; the register stops waiting after 5 s). */
export const TOUR_SIM: SimulatorOptions = { defaultDelayMs: 300, gracePeriodMs: 2_500, paymentTimeoutMs: 20_000 };
export const TOUR_TUNING: Partial<CoreTuning> = { paymentDeadlineMs: 5_000 };

export async function tour(page: Page, sim: SimulatorHandle, visit: (stop: TourStop) => Promise<void>): Promise<void> {
  const next = async () => {
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeVisible();
  };
  await waitOnline(page);

  await fillCheckout(page, { terminal: 'Lane 1', digits: '2450', order: 'T-1001' });
  await visit('checkout');

  sim.control.script('TERM-001', { outcome: 'MANUAL' });
  await page.getByRole('button', { name: /^Pay/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/On the terminal/);
  await visit('in-progress');
  sim.control.resolve('TERM-001', 'SUCCESS');
  await expectResult(page, RESULT.approved);
  await visit('approved');
  await next();

  sim.control.script('TERM-002', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' });
  await pay(page, { terminal: 'Lane 2', digits: '8999', order: 'T-1002' });
  await expectResult(page, RESULT.declined);
  await visit('declined');
  await next();

  sim.control.script('TERM-003', { outcome: 'DROP_MID_PAYMENT', delayMs: 300, reconnectAfterMs: 1_800, resultAfterReconnect: 'SUCCESS' });
  await pay(page, { terminal: 'Lane 3', digits: '1575', order: 'T-1003' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Terminal reconnecting — \d s left/);
  await visit('reconnecting');
  await expectResult(page, RESULT.approved);
  await next();

  sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
  await pay(page, { terminal: 'Lane 1', digits: '4000', order: 'T-1004' });
  await expectResult(page, RESULT.unknown, 10_000);
  await page.getByRole('radio', { name: /^Not charged/ }).check();
  await page.getByLabel('Reason (required)').fill('Terminal shows no payment');
  await visit('unknown');
  await page.getByRole('button', { name: 'Resolve payment' }).click();
  await expectResult(page, RESULT.abandoned);
  await next();

  sim.control.script('TERM-002', { outcome: 'DROP_MID_PAYMENT', delayMs: 300, reconnectAfterMs: 3_500, resultAfterReconnect: 'SUCCESS' });
  await pay(page, { terminal: 'Lane 2', digits: '3150', order: 'T-1005' });
  await expect(voidAlert(page)).toBeVisible({ timeout: 10_000 });
  await visit('void-alert');
  await voidAlert(page).getByRole('button', { name: 'I have told the customer — acknowledge' }).click();
  await expect(voidAlert(page)).toHaveCount(0);
  await next();

  await page.keyboard.press('F2');
  await expect(page.getByRole('button', { name: /^Details for order/ })).toHaveCount(5);
  await visit('history');
  await page.keyboard.press('F3');
  await expect(page.getByTestId('eod-taken')).toContainText('2 approved');
  await visit('end-of-day');
  await page.keyboard.press('F9');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await visit('settings');
  await page.keyboard.press('F10');
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  await visit('diagnostics');

  await page.keyboard.press('F1');
  await fillCheckout(page, { terminal: 'Lane 1', digits: '1200', order: 'T-1006' });
  const restarted = sim.control.restart({ downMs: 4_000 });
  await expect(banner(page)).toContainText(/Reconnecting to the payment gateway/);
  await expect(page.getByRole('button', { name: /^Pay/ })).toBeDisabled();
  await visit('offline');
  await restarted;
  await waitOnline(page);
}
