import type { PaymentState } from '../../shared/ipc';
import type { Translator } from '../../shared/i18n/translator';
import type { Tone } from '../components/StatusIcon';
import { englishWords } from '../i18n/english-words';

const TONES: Record<PaymentState, Tone> = {
  sent: 'busy',
  awaiting_result: 'busy',
  terminal_reconnecting: 'warn',
  unknown: 'warn',
  approved: 'ok',
  declined: 'bad',
  cancelled: 'warn',
  rejected: 'bad',
  abandoned: 'bad',
  voided: 'bad',
  needs_review: 'warn',
};

/** A payment state in the till's words (catalogue key `common.status.<state>`). */
export function paymentStatusLabel(state: PaymentState, t: Translator = englishWords()): string {
  return t.t(`common.status.${state}`);
}

/** Every payment state in words with a tone (icon + colour); text always carries the meaning. English labels for callers without a translator. */
export const PAYMENT_STATUS: Record<PaymentState, { label: string; tone: Tone }> = Object.fromEntries(
  (Object.keys(TONES) as PaymentState[]).map((state) => [state, { label: paymentStatusLabel(state), tone: TONES[state] }]),
) as Record<PaymentState, { label: string; tone: Tone }>;
