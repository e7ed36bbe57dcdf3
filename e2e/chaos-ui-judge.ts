import type { Page } from '@playwright/test';
import type { PaymentState } from '../shared/ipc';
import { expect, type BridgeFrame } from './fixtures';

/** What the UI-under-chaos judge reads (e2e/chaos-ui.spec.ts): History's rows and the bridge's record. */

/** The History screen's status words (renderer/format/status.ts) for the final states. */
export const LABELS: Record<string, PaymentState> = {
  Approved: 'approved',
  Declined: 'declined',
  Cancelled: 'cancelled',
  'Refused by gateway': 'rejected',
  'Not paid (stopped waiting)': 'abandoned',
  'Voided — not paid': 'voided',
  'Needs review': 'needs_review',
  'Unknown — check': 'unknown',
};

/**
 * The orders of every payment the core told this window about: `payment` events and the payments
 * of each snapshot, as they crossed the bridge (what History is built from).
 */
export function recordedOrders(frames: BridgeFrame[]): Set<string> {
  const orders = new Set<string>();
  for (const frame of frames) {
    if (frame.dir !== 'received') continue;
    const message = JSON.parse(frame.payload) as {
      type?: string;
      event?: { type?: string; payment?: { orderRef?: string } };
      result?: { value?: { payments?: { orderRef?: string }[] } };
    };
    if (message.type === 'event' && message.event?.type === 'payment' && message.event.payment?.orderRef) orders.add(message.event.payment.orderRef);
    const payments = message.type === 'result' ? message.result?.value?.payments : undefined;
    if (Array.isArray(payments)) for (const p of payments) if (p.orderRef) orders.add(p.orderRef);
  }
  return orders;
}

export interface HistoryRow {
  order: string;
  amountDigits: string;
  status: string;
}

export async function historyRows(page: Page): Promise<HistoryRow[]> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's payments");
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  const out: HistoryRow[] = [];
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allTextContents();
    // Time, Order, Amount, Status, Terminal, Details
    // The status cell starts with its (aria-hidden) icon: keep the words.
    out.push({ order: cells[1]!.trim(), amountDigits: cells[2]!.replace(/\D/g, ''), status: cells[3]!.replace(/^[^A-Za-z]+/, '').trim() });
  }
  return out;
}
