import type { PaymentsPause } from '../../shared/ipc';
import type { Translator } from '../../shared/i18n/translator';
import { joinSentencesIn } from './sentences';

/**
 * What a payments pause says, in the window's language: its sentence and, for a bad setting, what
 * is wrong with the value (`messageMsg` names the setting and its source; `problemMsg` the fault —
 * the English `message` holds both). Older hosts send the English sentence only.
 */
export function pauseWords(t: Translator, pause: PaymentsPause): string {
  if (!pause.messageMsg) return pause.message;
  return joinSentencesIn(t.language, t.say(pause.messageMsg), t.say(pause.problemMsg, pause.problem));
}
