import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale';
import { msg } from './message';
import { createTranslator } from './translator';

const FSI = '\u2068';
const PDI = '\u2069';

function translator(tag: string, messages: Record<string, string>) {
  const resolved = resolveLocale(tag);
  const intl = createIntl({ locale: resolved.locale, messages, onError: () => undefined });
  return createTranslator(resolved, intl, messages);
}

const AR = {
  'checkout.payOn': 'ادفع {amount} على {terminal}',
  'checkout.count': '{count, plural, one {دفعة واحدة} two {دفعتان} few {# دفعات} many {# دفعة} other {# دفعة}}',
};
const DE = { 'checkout.payOn': '{amount} an {terminal} bezahlen' };

describe('the translator', () => {
  it('in right-to-left locales isolates every text value placed into a message', () => {
    const t = translator('ar-KW', AR);
    expect(t.t('checkout.payOn', { amount: '24.500 د.ك.', terminal: 'TERM-001' })).toBe(`ادفع ${FSI}24.500 د.ك.${PDI} على ${FSI}TERM-001${PDI}`);
  });

  it('in right-to-left locales a select still chooses by its value (only the texts shown are isolated)', () => {
    const t = translator('ar-KW', { 'core.who': '{who, select, cashier {الكاشير} other {المدير}} على {terminal}' });
    expect(t.t('core.who', { who: 'cashier', terminal: 'TERM-001' })).toBe(`الكاشير على ${FSI}TERM-001${PDI}`);
  });

  it('in left-to-right locales leaves values as they are', () => {
    const t = translator('de-DE', DE);
    expect(t.t('checkout.payOn', { amount: '24,50 €', terminal: 'TERM-001' })).toBe('24,50 € an TERM-001 bezahlen');
  });

  it('numbers stay numbers (plurals still choose, # in the locale digits), only strings are isolated', () => {
    const t = translator('ar-KW', AR);
    expect(t.t('checkout.count', { count: 2 })).toBe('دفعتان');
    expect(t.t('checkout.count', { count: 3 })).toBe('٣ دفعات');
  });

  it('say: a code in the catalogue becomes words; a legacy English sentence shows as it is', () => {
    const t = translator('de-DE', DE);
    expect(t.say(msg('checkout.payOn', { amount: '1,00 €', terminal: 'Lane 1' }))).toBe('1,00 € an Lane 1 bezahlen');
    expect(t.say('Payment declined (written by an older version)')).toBe('Payment declined (written by an older version)');
  });

  it('say: an unknown code shows the fallback, else the key; nothing shows the fallback', () => {
    const t = translator('de-DE', DE);
    expect(t.say(msg('core.unheardOf'), 'The English text')).toBe('The English text');
    expect(t.say(msg('core.unheardOf'))).toBe('core.unheardOf');
    expect(t.say(undefined, 'fallback')).toBe('fallback');
    expect(t.say(null)).toBe('');
    expect(t.has('checkout.payOn')).toBe(true);
    expect(t.has('core.unheardOf')).toBe(false);
  });

  it('formats in its locale, and tells its locale, language and direction', () => {
    const t = translator('ar-KW', AR);
    expect(t).toMatchObject({ locale: 'ar-KW', language: 'ar', dir: 'rtl' });
    expect(t.money(24500, 'KWD')).toMatch(/٢٤٫٥٠٠/);
    expect(t.number(7)).toBe('٧');
    expect(translator('ja-JP', {}).money(2450, 'JPY')).toBe('￥2,450');
  });
});
