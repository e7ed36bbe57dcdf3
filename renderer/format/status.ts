import type { PaymentState } from '../../shared/ipc';
import type { Tone } from '../components/StatusIcon';

/** Every payment state in words with a tone (icon + colour); text always carries the meaning. */
export const PAYMENT_STATUS: Record<PaymentState, { label: string; tone: Tone }> = {
  sent: { label: 'Sending', tone: 'busy' },
  awaiting_result: { label: 'On the terminal', tone: 'busy' },
  terminal_reconnecting: { label: 'Terminal reconnecting', tone: 'warn' },
  unknown: { label: 'Unknown — check', tone: 'warn' },
  approved: { label: 'Approved', tone: 'ok' },
  declined: { label: 'Declined', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'warn' },
  rejected: { label: 'Refused by gateway', tone: 'bad' },
  abandoned: { label: 'Not paid (stopped waiting)', tone: 'bad' },
  voided: { label: 'Voided — not paid', tone: 'bad' },
  needs_review: { label: 'Needs review', tone: 'warn' },
};
