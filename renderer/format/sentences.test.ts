import { describe, expect, it } from 'vitest';
import { joinSentences, joinSentencesIn } from './sentences';

describe('joinSentences', () => {
  it('ends each sentence with a stop and says each once', () => {
    expect(joinSentences('The gateway refused the API key (HTTP 401).', 'Check the API key in Settings.')).toBe(
      'The gateway refused the API key (HTTP 401). Check the API key in Settings.',
    );
    expect(joinSentences('Terminal connection not found', 'The customer was not charged.')).toBe(
      'Terminal connection not found. The customer was not charged.',
    );
    expect(joinSentences('A. The customer was not charged.', undefined, 'the customer was not charged')).toBe('A. The customer was not charged.');
    expect(joinSentences('Trying now…', '')).toBe('Trying now…');
  });
});

describe('joinSentencesIn', () => {
  it('joins German and Spanish with ". ", Japanese with "。" and no space, Arabic with its own stops', () => {
    expect(joinSentencesIn('de', 'Terminal nicht gefunden', 'Es wurde nichts abgebucht.')).toBe('Terminal nicht gefunden. Es wurde nichts abgebucht.');
    expect(joinSentencesIn('es', 'No se ha cobrado nada al cliente.', 'no se ha cobrado nada al cliente')).toBe('No se ha cobrado nada al cliente.');
    expect(joinSentencesIn('ja', '端末が見つかりません', 'お客様への請求はありません。')).toBe('端末が見つかりません。お客様への請求はありません。');
    expect(joinSentencesIn('ja', 'お客様への請求はありません。もう一度お試しください。', 'お客様への請求はありません')).toBe(
      'お客様への請求はありません。もう一度お試しください。',
    );
    expect(joinSentencesIn('ar', 'هل الجهاز متصل؟', 'لم يتم خصم أي مبلغ من العميل')).toBe('هل الجهاز متصل؟ لم يتم خصم أي مبلغ من العميل.');
  });
});
