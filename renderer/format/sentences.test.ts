import { describe, expect, it } from 'vitest';
import { joinSentences } from './sentences';

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
