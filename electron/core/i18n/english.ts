import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import { translatorFor } from './core-translator';

/**
 * A code in English, for the log and the English fields the contract keeps beside each code
 * (`message` beside `msg`): logs stay readable by store IT and support whatever the till's
 * language, and an older renderer still shows a sentence.
 */
export function english(message: Msg): string {
  return translatorFor('en-US').say(message);
}

/** A message and its English at once: `{ ...said('payment.unknown.timeout') }` → `{ detail, detailMsg }` is up to the caller. */
export function said(key: string, values?: MsgValues): { msg: Msg; text: string } {
  const m = msg(key, values);
  return { msg: m, text: english(m) };
}
