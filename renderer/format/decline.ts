/**
 * Decline codes are opaque to the protocol (§10.2, OQ-32): only INSUFFICIENT_FUNDS is
 * documented. For the codes card schemes commonly use we give the cashier plain words and a
 * next step; anything else falls back to the gateway's own errorMessage. The raw code and
 * message are always shown underneath by the screen.
 */
export interface DeclineAdvice {
  /** What happened, in words a customer understands. */
  message: string;
  /** What the cashier should do now. */
  nextStep: string;
}

const ADVICE: Record<string, DeclineAdvice> = {
  INSUFFICIENT_FUNDS: {
    message: 'The card does not have enough money for this amount.',
    nextStep: 'Ask the customer for another card or another way to pay.',
  },
  CARD_EXPIRED: {
    message: 'The card has expired.',
    nextStep: 'Ask the customer for a different card.',
  },
  EXPIRED_CARD: {
    message: 'The card has expired.',
    nextStep: 'Ask the customer for a different card.',
  },
  DO_NOT_HONOR: {
    message: "The customer's bank refused the payment without giving a reason.",
    nextStep: 'Ask the customer to use another card or to contact their bank.',
  },
  INVALID_PIN: {
    message: 'The PIN entered was wrong.',
    nextStep: 'Try again and ask the customer to enter the PIN carefully.',
  },
  INCORRECT_PIN: {
    message: 'The PIN entered was wrong.',
    nextStep: 'Try again and ask the customer to enter the PIN carefully.',
  },
  PIN_TRIES_EXCEEDED: {
    message: 'The PIN was entered wrongly too many times.',
    nextStep: 'Ask the customer for another card or another way to pay.',
  },
  LOST_OR_STOLEN: {
    message: 'The card cannot be used.',
    nextStep: 'Do not try this card again. Ask for another way to pay; follow store policy.',
  },
  LOST_CARD: {
    message: 'The card cannot be used.',
    nextStep: 'Do not try this card again. Ask for another way to pay; follow store policy.',
  },
  STOLEN_CARD: {
    message: 'The card cannot be used.',
    nextStep: 'Do not try this card again. Ask for another way to pay; follow store policy.',
  },
  PICK_UP_CARD: {
    message: 'The card cannot be used.',
    nextStep: 'Do not try this card again. Ask for another way to pay; follow store policy.',
  },
  TIMEOUT: {
    message: 'The terminal did not answer in time. The customer was not charged.',
    nextStep: 'Check the terminal is on and connected, then try again.',
  },
  CARD_NOT_SUPPORTED: {
    message: 'This type of card is not accepted here.',
    nextStep: 'Ask the customer for a different card or another way to pay.',
  },
  LIMIT_EXCEEDED: {
    message: "The amount is over the card's limit.",
    nextStep: 'Ask the customer for another card or another way to pay.',
  },
  INVALID_CARD: {
    message: 'The card could not be read or is not valid.',
    nextStep: 'Try again; if it fails again, ask for another card.',
  },
  CARD_READ_ERROR: {
    message: 'The card could not be read.',
    nextStep: 'Try again; ask the customer to insert or tap the card again.',
  },
  SUSPECTED_FRAUD: {
    message: "The customer's bank stopped the payment.",
    nextStep: 'Ask the customer to contact their bank or use another way to pay.',
  },
};

/** Plain-language advice for a decline; unknown codes use the gateway's message. */
export function declineAdvice(errorCode: string | undefined, errorMessage: string | undefined): DeclineAdvice {
  const known = errorCode ? ADVICE[errorCode.trim().toUpperCase()] : undefined;
  if (known) return known;
  return {
    message: errorMessage?.trim() || 'The payment was declined.',
    nextStep: 'Ask the customer for another card or another way to pay, then try again.',
  };
}

export const KNOWN_DECLINE_CODES = Object.keys(ADVICE);
