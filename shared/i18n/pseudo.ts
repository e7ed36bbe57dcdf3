import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/**
 * The development pseudo-locale (`en-XA`): every English message accented, about 35 % longer
 * and wrapped in ⟦ ⟧, placeholders and plurals left working. A word on screen without the
 * brackets did not come from a catalogue; a label cut off or wrapping badly will be in German.
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  I: 'Í',
  N: 'Ñ',
  O: 'Ö',
  S: 'Š',
  U: 'Ú',
  Y: 'Ý',
  Z: 'Ž',
};

function stretch(text: string): string {
  const accented = [...text].map((c) => ACCENTED[c] ?? c).join('');
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  // ~35 % longer: German and Finnish run about that much longer than English.
  return accented + '·'.repeat(Math.ceil(letters * 0.35));
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: stretch(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }]));
      return { ...el, options };
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    return el;
  });
}

export function pseudoMessage(message: string): string {
  try {
    return `⟦${printAST(transform(parse(message)))}⟧`;
  } catch {
    return `⟦${message}⟧`;
  }
}

export function pseudoCatalog(catalog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, pseudoMessage(message)]));
}
