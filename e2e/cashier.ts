import { expect, type Locator, type Page } from '@playwright/test';
import type { SimulatorHandle, SimTransaction } from '../simulator/api';

/**
 * What a cashier does and sees, by accessible names only (the renderer's contract with the specs):
 * no CSS selectors, no test ids except the connection banner and the end-of-day total.
 */

export const RESULT = {
  approved: 'Approved — payment taken',
  declined: 'Declined — the customer was not charged',
  unknown: 'Result unknown — check before you continue',
  cancelled: 'Cancelled on the terminal',
  rejected: 'Not sent — the gateway refused the payment',
  abandoned: 'Not paid — stopped waiting for the terminal',
  voided: 'Reversed by the gateway — not paid',
} as const;

export const banner = (page: Page): Locator => page.getByTestId('connection-banner');
export const payButton = (page: Page): Locator => page.getByRole('button', { name: /^Pay/ });
export const voidAlert = (page: Page): Locator => page.getByRole('alertdialog');

/** The app is synced and the gateway link is open. */
export async function waitOnline(page: Page): Promise<void> {
  await expect(banner(page)).toContainText('Online', { timeout: 10_000 });
}

export interface PaymentInput {
  /** The terminal's label as the picker shows it ("Lane 1"). */
  terminal: string;
  /** Digits as a cashier types them: "1250" is 12.50 in EUR. */
  digits: string;
  order: string;
}

/** Fills the checkout form with the mouse and keyboard, the way most cashiers do. */
export async function fillCheckout(page: Page, input: PaymentInput): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${escape(input.terminal)}(\\s|$)`) }).check();
  await page.getByLabel(/^Amount/).fill(input.digits);
  await page.getByLabel('Order reference').fill(input.order);
}

/** Fills the form and presses Pay; returns once the progress screen (or a result) is up. */
export async function pay(page: Page, input: PaymentInput): Promise<void> {
  await fillCheckout(page, input);
  await expect(payButton(page)).toBeEnabled();
  await payButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New payment' })).toBeHidden();
}

export async function expectResult(page: Page, title: string, timeout = 10_000): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(escape(title)), { timeout });
}

/** The simulator's transactions for an order's terminal, newest last. */
export function transactionsOn(sim: SimulatorHandle, terminalId: string): SimTransaction[] {
  return sim.control.transactions().filter((t) => t.terminalId === terminalId);
}

/** The simulator's frames of one kind, in the order they went over the wire. */
export function simFrames(sim: SimulatorHandle, dir: 'in' | 'out', action: string): unknown[] {
  return sim.control
    .log()
    .filter((e) => e.dir === dir && e.role === 'desktop' && frameAction(e.frame) === action)
    .map((e) => e.frame);
}

function frameAction(frame: unknown): string | undefined {
  if (frame && typeof frame === 'object' && 'action' in frame) return String((frame as { action: unknown }).action);
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits, turn by turn of the event loop (setImmediate), until the in-process simulator's state
 * matches: precise enough to act between two frames the gateway handles in separate turns.
 */
export async function untilSim(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('The simulator did not reach the expected state in time.');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
