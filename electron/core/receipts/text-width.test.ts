import { describe, expect, it } from 'vitest';
import { center, hardWrap, textWidth } from './text-width';

/** Receipt columns stay straight whatever script a store name, address or terminal text is in. */
describe('receipt text width', () => {
  it('counts East Asian wide characters as two cells and halfwidth ones as one', () => {
    expect(textWidth('漢字')).toBe(4);
    expect(textWidth('합계')).toBe(4);
    expect(textWidth('ｱｲｳ')).toBe(3);
  });

  it('counts combining marks as no cell, in every script (Latin, Thai, Hebrew)', () => {
    expect(textWidth('Cafe\u0301')).toBe(4);
    expect(textWidth('กิน')).toBe(2); // Thai: the vowel sign sits on its consonant
    expect(textWidth('שָׁלוֹם')).toBe(4); // Hebrew points
  });

  it('counts an emoji sequence as the one wide character it shows', () => {
    expect(textWidth('👩‍💻')).toBe(2);
    expect(textWidth('ok ✅')).toBe(5);
  });

  it('never wraps inside a character a person sees as one, and centres by cells', () => {
    expect(hardWrap('ab👩‍💻cd', 3)).toEqual(['ab', '👩‍💻c', 'd']);
    expect(hardWrap('กินข้าว', 2)).toEqual(['กิน', 'ข้า', 'ว']);
    expect(center('漢字', 8)).toBe('  漢字');
  });
});
