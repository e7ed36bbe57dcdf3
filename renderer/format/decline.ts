import type { Translator } from '../../shared/i18n/translator';
import { englishWords } from '../i18n/english-words';

/**
 * Decline codes are opaque to the protocol (§10.2, OQ-32): only INSUFFICIENT_FUNDS is
 * documented. For the codes card schemes commonly use we give the cashier plain words and a
 * next step (catalogue keys `results.decline.<advice>.message|nextStep`); anything else falls
 * back to the gateway's own errorMessage, as the gateway sent it. The raw code and message are
 * always shown underneath by the screen.
 */
export interface DeclineAdvice {
  /** What happened, in words a customer understands. */
  message: string;
  /** What the cashier should do now. */
  nextStep: string;
}

/** Gateway code → the advice it gets (several codes mean the same thing to a cashier). */
const ADVICE_OF: Record<string, string> = {
  INSUFFICIENT_FUNDS: 'insufficientFunds',
  CARD_EXPIRED: 'expired',
  EXPIRED_CARD: 'expired',
  DO_NOT_HONOR: 'doNotHonor',
  INVALID_PIN: 'wrongPin',
  INCORRECT_PIN: 'wrongPin',
  PIN_TRIES_EXCEEDED: 'pinTries',
  LOST_OR_STOLEN: 'doNotRetry',
  LOST_CARD: 'doNotRetry',
  STOLEN_CARD: 'doNotRetry',
  PICK_UP_CARD: 'doNotRetry',
  TIMEOUT: 'timeout',
  CARD_NOT_SUPPORTED: 'notSupported',
  LIMIT_EXCEEDED: 'limit',
  INVALID_CARD: 'invalidCard',
  CARD_READ_ERROR: 'readError',
  SUSPECTED_FRAUD: 'fraud',
};

/** Plain-language advice for a decline; unknown codes use the gateway's message. */
export function declineAdvice(errorCode: string | undefined, errorMessage: string | undefined, t: Translator = englishWords()): DeclineAdvice {
  const known = errorCode ? ADVICE_OF[errorCode.trim().toUpperCase()] : undefined;
  if (known) return { message: t.t(`results.decline.${known}.message`), nextStep: t.t(`results.decline.${known}.nextStep`) };
  return { message: errorMessage?.trim() || t.t('results.decline.other.message'), nextStep: t.t('results.decline.other.nextStep') };
}

export const KNOWN_DECLINE_CODES = Object.keys(ADVICE_OF);
