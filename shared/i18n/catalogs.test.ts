import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './locale';

/**
 * The catalogues (shared/i18n/catalogs/<lang>/<area>.json) are complete and consistent: English
 * is the reference, every other language has exactly its keys, the same placeholders and the same
 * plural/select structure, every message is valid ICU and not empty, and every key starts with its
 * file's area. A failure lists every problem (language, file, key), not just the first.
 */
const DIR = path.join(import.meta.dirname, 'catalogs');
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
type Catalog = Record<string, unknown>;

const areaFiles = (language: string) =>
  readdirSync(path.join(DIR, language))
    .filter((f) => f.endsWith('.json'))
    .sort();
const read = (language: string, file: string): Catalog => JSON.parse(readFileSync(path.join(DIR, language, file), 'utf8')) as Catalog;
const AREAS = areaFiles('en');

/** What a message needs from its caller and how it branches: argument names, plural/select options, rich-text tags. */
interface Shape {
  args: Set<string>;
  plurals: Map<string, Set<string>>;
  selects: Map<string, Set<string>>;
  tags: Set<string>;
}

function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Set(), plurals: new Map(), selects: new Map(), tags: new Set() };
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) shape.args.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        shape.args.add(el.value);
        const options = el.type === TYPE.plural ? shape.plurals : shape.selects;
        options.set(el.value, new Set([...(options.get(el.value) ?? []), ...Object.keys(el.options)]));
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        shape.tags.add(el.value);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return shape;
}

const sorted = (set: Iterable<string>) => [...set].sort().join(',');

/** Each problem of one catalogue file as a line; an empty list means the file is right. */
function problemsOf(language: string, file: string): string[] {
  const problems: string[] = [];
  const where = `${language}/${file}`;
  const area = file.replace(/\.json$/, '');
  const english = read('en', file);
  const catalog = read(language, file);
  for (const key of Object.keys(english)) if (!(key in catalog)) problems.push(`${where}: missing ${key}`);
  for (const [key, message] of Object.entries(catalog)) {
    if (!(key in english)) problems.push(`${where}: ${key} is not in en/${file}`);
    if (!key.startsWith(`${area}.`)) problems.push(`${where}: ${key} does not start with "${area}."`);
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${where}: ${key} is empty or not a string`);
      continue;
    }
    problems.push(...messageProblems(language, `${where}: ${key}`, message, typeof english[key] === 'string' ? english[key] : undefined));
  }
  return problems;
}

function messageProblems(language: string, where: string, message: string, english: string | undefined): string[] {
  let shape: Shape;
  try {
    shape = shapeOf(message);
  } catch (error) {
    return [`${where} is not valid ICU: ${(error as Error).message}`];
  }
  const problems = pluralProblems(language, where, shape);
  if (english === undefined || language === 'en') return problems;
  const reference = shapeOf(english);
  if (sorted(shape.args) !== sorted(reference.args))
    problems.push(`${where} has placeholders {${sorted(shape.args)}}, English has {${sorted(reference.args)}}`);
  if (sorted(shape.tags) !== sorted(reference.tags)) problems.push(`${where} has tags <${sorted(shape.tags)}>, English has <${sorted(reference.tags)}>`);
  if (sorted(shape.plurals.keys()) !== sorted(reference.plurals.keys()))
    problems.push(`${where}: plural on {${sorted(shape.plurals.keys())}}, English on {${sorted(reference.plurals.keys())}}`);
  for (const [name, options] of reference.selects) {
    if (sorted(shape.selects.get(name) ?? []) !== sorted(options)) problems.push(`${where}: select {${name}} options differ from English (${sorted(options)})`);
  }
  return problems;
}

/**
 * The plural categories a count on a till (0 to 999) falls in for `language`: es and fr "many"
 * (millions) falls back to "other" correctly, so it is not required; Arabic "zero" may fall back to
 * "other" too (the contract asks ar for one, two, few, many, other).
 */
function requiredCategories(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  const seen = new Set(Array.from({ length: 1000 }, (_, n) => rules.select(n)));
  return [...seen].filter((c) => !(language === 'ar' && c === 'zero'));
}

/** Every plural has the categories its language needs, and none it never uses. */
function pluralProblems(language: string, where: string, shape: Shape): string[] {
  const problems: string[] = [];
  const categories = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[]);
  const required = requiredCategories(language);
  for (const [name, options] of shape.plurals) {
    const missing = required.filter((c) => !options.has(c));
    if (missing.length) problems.push(`${where}: plural {${name}} lacks ${missing.join(', ')} (${language} counts use ${required.sort().join(',')})`);
    const unused = [...options].filter((o) => !o.startsWith('=') && !categories.has(o));
    if (unused.length) problems.push(`${where}: plural {${name}} has ${unused.join(', ')}, which ${language} never uses`);
  }
  return problems;
}

describe('the catalogues', () => {
  it('every language has the same area files as English', () => {
    for (const language of OTHERS) expect(areaFiles(language), language).toEqual(AREAS);
  });

  it('every area has its English words (no area left empty)', () => {
    const empty = AREAS.filter((file) => Object.keys(read('en', file)).length === 0);
    expect(empty, 'en area files with no messages').toEqual([]);
  });

  it('every key of English is in de, es, ja and ar, and none extra, with the same placeholders and plurals', () => {
    const problems = OTHERS.flatMap((language) => AREAS.flatMap((file) => problemsOf(language, file)));
    expect(problems).toEqual([]);
  });

  it('English itself: valid ICU, nothing empty, keys start with the area, plurals with one and other', () => {
    expect(AREAS.flatMap((file) => problemsOf('en', file))).toEqual([]);
  });

  it('ja plurals have "other" (its only category) and Arabic plurals have one, two, few, many, other', () => {
    expect(pluralProblems('ja', 'ja', shapeOf('{n, plural, one {# 件} other {# 件}}'))).toEqual(['ja: plural {n} has one, which ja never uses']);
    expect(pluralProblems('ja', 'ja', shapeOf('{n, plural, other {# 件}}'))).toEqual([]);
    expect(pluralProblems('es', 'es', shapeOf('{n, plural, one {# pago} other {# pagos}}'))).toEqual([]);
    expect(pluralProblems('de', 'de', shapeOf('{n, plural, other {# Zahlungen}}'))).toEqual(['de: plural {n} lacks one (de counts use one,other)']);
    expect(pluralProblems('ar', 'ar', shapeOf('{n, plural, one {دفعة} other {# دفعة}}'))).toEqual([
      'ar: plural {n} lacks two, few, many (ar counts use few,many,one,other,two)',
    ]);
  });
});

describe('the checks themselves catch what they should', () => {
  it('a changed placeholder, a broken message and a dropped plural are reported', () => {
    expect(messageProblems('de', 'k', '{betrag} bezahlen', 'Pay {amount}')).toEqual(['k has placeholders {betrag}, English has {amount}']);
    expect(messageProblems('de', 'k', 'Bezahlen {amount', 'Pay {amount}')[0]).toMatch(/^k is not valid ICU/);
    expect(messageProblems('de', 'k', '{count} Zahlungen', '{count, plural, one {# payment} other {# payments}}')).toEqual([
      'k: plural on {}, English on {count}',
    ]);
  });
});
