import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/core-translator';
import { parseCatalog } from './parse-catalog';

// Issue 16: store IT reads why a catalogue line was skipped in the till's language; the log keeps English.
describe('catalogue problems are codes', () => {
  it('a skipped line carries its reason as a code, its English for the log, and reads in German', () => {
    const parsed = parseCatalog('barcode,name,price\n100,Milk,\n101,Bread,2.50\n101,Rolls,1.00\n', 'csv', 'EUR');
    expect(parsed.items.map((i) => i.barcode)).toEqual(['101']);
    expect(parsed.problems[0]).toEqual({ line: 2, message: 'Skipped: it has no price.', msg: { key: 'services.catalog.skip.no_price' } });
    expect(parsed.problems[1]!.msg).toEqual({ key: 'services.catalog.skip.duplicate', values: { barcode: '101', unit: 'line', first: 3 } });
    const de = translatorFor('de-DE');
    expect(de.say(parsed.problems[0]!.msg)).toBe('Übersprungen: kein Preis.');
    expect(de.say(parsed.problems[1]!.msg)).toBe('Übersprungen: Der Barcode 101 steht schon in Zeile 3.');
  });

  it('a JSON duplicate names the item, in Japanese too; a whole-file error is a code', () => {
    const parsed = parseCatalog('[{"barcode":"1","name":"A","price":"1"},{"barcode":"1","name":"B","price":"2"}]', 'json', 'JPY');
    expect(parsed.problems[0]!.message).toBe('Skipped: barcode 1 is already on item 1.');
    expect(translatorFor('ja-JP').say(parsed.problems[0]!.msg)).toBe('スキップ：バーコード 1 は項目 1 に既にあります。');
    const broken = parseCatalog('{"items": 3}', 'json', 'EUR');
    expect(broken.errorMsg).toEqual({ key: 'services.catalog.not_array' });
    expect(translatorFor('ar-KW').say(broken.errorMsg)).toContain('items');
  });
});
