import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { pseudoCatalog, pseudoMessage } from './pseudo';

const format = (message: string, values?: Record<string, string | number>) =>
  String(
    createIntl({
      locale: 'en-XA',
      messages: { m: message },
      onError: (e) => {
        throw e;
      },
    }).formatMessage({ id: 'm' }, values),
  );

describe('the pseudo-locale (en-XA)', () => {
  it('accents the words and wraps them in ⟦ ⟧ markers, so a string that skipped the catalogue stands out', () => {
    const text = pseudoMessage('Pay now');
    expect(text.startsWith('⟦') && text.endsWith('⟧')).toBe(true);
    expect(text).toContain('Páý ñöŵ');
    expect(text).not.toMatch(/Pay|now/);
  });

  it('is at least 30 % longer than the English, like German', () => {
    for (const english of ['Approved — payment taken', 'Declined — the customer was not charged', 'End of day', 'Pay']) {
      expect(pseudoMessage(english).length).toBeGreaterThanOrEqual(english.length * 1.3);
    }
  });

  it('keeps placeholders working', () => {
    const text = format(pseudoMessage('Pay {amount} on {terminal}'), { amount: '€12.50', terminal: 'Lane 1' });
    expect(text).toContain('€12.50');
    expect(text).toContain('Lane 1');
    expect(text).not.toContain('{amount}');
  });

  it('keeps plurals working (# and the categories)', () => {
    const message = pseudoMessage('{count, plural, one {# payment} other {# payments}}');
    expect(format(message, { count: 1 })).toMatch(/^⟦1 þáýɱéñţ·*⟧$/);
    expect(format(message, { count: 3 })).toMatch(/^⟦3 þáýɱéñţš·*⟧$/);
  });

  it('a message that does not parse is still wrapped, not dropped', () => {
    expect(pseudoMessage('Broken {')).toBe('⟦Broken {⟧');
  });

  it('pseudoCatalog keeps every key', () => {
    expect(Object.keys(pseudoCatalog({ 'a.one': 'One', 'a.two': 'Two' }))).toEqual(['a.one', 'a.two']);
  });
});
