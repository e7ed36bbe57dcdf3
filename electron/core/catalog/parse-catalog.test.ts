import { describe, expect, it } from 'vitest';
import { parseCatalog } from './parse-catalog';

const HEADER = 'barcode,name,price,sku,category,brand,taxRate';

describe('catalogue file (CSV)', () => {
  it('reads every valid line into integer minor units of the store currency, tax rate in percent', () => {
    const csv = `${HEADER}\n4006381333931,Espresso beans 1 kg,18.90,ESP-1KG,Coffee,Roastery,7\n"5000112637922","Cola, 0.33 l",1.2,,Drinks,,19%\n`;
    const { items, problems, error } = parseCatalog(csv, 'csv', 'EUR');
    expect(error).toBeUndefined();
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { barcode: '4006381333931', name: 'Espresso beans 1 kg', priceMinor: 1890, sku: 'ESP-1KG', category: 'Coffee', brand: 'Roastery', taxRate: 7 },
      { barcode: '5000112637922', name: 'Cola, 0.33 l', priceMinor: 120, category: 'Drinks', taxRate: 19 },
    ]);
  });

  it('uses the currency’s own decimals: JPY has none, KWD has three', () => {
    expect(parseCatalog('barcode,name,price\n111111,Tea,500\n', 'csv', 'JPY').items[0]?.priceMinor).toBe(500);
    expect(parseCatalog('barcode,name,price\n111111,Tea,1.250\n', 'csv', 'KWD').items[0]?.priceMinor).toBe(1250);
    expect(parseCatalog('barcode,name,price\n111111,Tea,1.5\n', 'csv', 'JPY').problems[0]?.message).toMatch(/JPY prices have no decimals/);
  });

  it('skips every kind of bad line, naming its line number and what is wrong, and keeps the good ones', () => {
    const lines = [
      HEADER, // 1
      '111111,Good item,1.00,,,,', // 2
      ',No barcode,1.00,,,,', // 3
      '222222,,1.00,,,,', // 4
      '333333,No price,,,,,', // 5
      '444444,Word price,abc,,,,', // 6
      '555555,Too many decimals,1.005,,,,', // 7
      '666666,Negative,-2.00,,,,', // 8
      '777777,Bad tax,1.00,,,,twenty', // 9
      '888888,Tax over 100,1.00,,,,150', // 10
      '999999,Too few fields,1.00', // 11
      '101010,"Unclosed quote,1.00,,,,', // 12
      '111111,Same barcode again,2.00,,,,', // 13
      '12 34 56,Spaces in barcode,1.00,,,,', // 14
      `131313,${'x'.repeat(121)},1.00,,,,`, // 15
      '', // 16: blank lines are not problems
      '141414,Huge,99999999999999.00,,,,', // 17
      '151515,Good too,0.50,,,,0', // 18
    ].join('\n');
    const { items, problems } = parseCatalog(lines, 'csv', 'EUR');
    expect(items.map((i) => i.barcode)).toEqual(['111111', '151515']);
    const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17]);
    expect(byLine[3]).toMatch(/no barcode/i);
    expect(byLine[4]).toMatch(/no name/i);
    expect(byLine[5]).toMatch(/no price/i);
    expect(byLine[6]).toMatch(/price "abc" is not an amount/i);
    expect(byLine[7]).toMatch(/EUR prices have at most 2 decimals/);
    expect(byLine[8]).toMatch(/negative/i);
    expect(byLine[9]).toMatch(/tax rate "twenty" is not a percentage/i);
    expect(byLine[10]).toMatch(/between 0 and 100/);
    expect(byLine[11]).toMatch(/3 fields.*header has 7/);
    expect(byLine[12]).toMatch(/quote/i);
    expect(byLine[13]).toMatch(/barcode 111111 is already on line 2/i);
    expect(byLine[14]).toMatch(/spaces/i);
    expect(byLine[15]).toMatch(/name is longer than 120/i);
    expect(byLine[17]).toMatch(/too large/i);
  });

  it('refuses a file whose header lacks a required column, and names the unknown ones', () => {
    const missing = parseCatalog('barcode,name,cost\n111111,Tea,1.00\n', 'csv', 'EUR');
    expect(missing.items).toEqual([]);
    expect(missing.error).toMatch(/header .*missing: price/i);
    const typo = parseCatalog('barcode,name,price,brnd\n111111,Tea,1.00,Acme\n', 'csv', 'EUR');
    expect(typo.items).toHaveLength(1);
    expect(typo.problems).toEqual([
      { line: 1, message: expect.stringMatching(/unknown column "brnd"/i), msg: { key: 'services.catalog.unknown_column', values: { name: 'brnd' } } },
    ]);
  });

  it('reads semicolon-separated files (spreadsheets in comma-decimal locales) and a byte-order mark', () => {
    const { items } = parseCatalog('\ufeffbarcode;name;price\n111111;Tea;1.50\n', 'csv', 'EUR');
    expect(items).toEqual([{ barcode: '111111', name: 'Tea', priceMinor: 150 }]);
  });

  it('an empty file is an error the till survives, not a crash', () => {
    expect(parseCatalog('', 'csv', 'EUR')).toMatchObject({ items: [], error: expect.stringMatching(/empty/i) });
  });
});

describe('catalogue file (JSON)', () => {
  it('reads an array (or {"items": [...]}) with the same checks, numbering problems by item', () => {
    const json = JSON.stringify({
      items: [
        { barcode: '111111', name: 'Tea', price: '1.50', taxRate: 7 },
        { barcode: 222222, name: 'Number barcode', price: 2 },
        { barcode: '333333', name: 'Bad', price: 'x' },
        'not an object',
      ],
    });
    const { items, problems } = parseCatalog(json, 'json', 'EUR');
    expect(items).toEqual([
      { barcode: '111111', name: 'Tea', priceMinor: 150, taxRate: 7 },
      { barcode: '222222', name: 'Number barcode', priceMinor: 200 },
    ]);
    expect(problems).toEqual([
      { line: 3, message: expect.stringMatching(/price "x" is not an amount/), msg: expect.objectContaining({ key: 'services.catalog.skip.price_invalid' }) },
      { line: 4, message: expect.stringMatching(/not an object/), msg: { key: 'services.catalog.skip.not_object' } },
    ]);
  });

  it('says where a broken JSON file breaks', () => {
    expect(parseCatalog('[{"barcode": "1",]', 'json', 'EUR').error).toMatch(/not valid JSON/);
    expect(parseCatalog('{"things": []}', 'json', 'EUR').error).toMatch(/array of items/);
  });
});
