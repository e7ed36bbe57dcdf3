import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { formatClockIn, formatDateIn, formatDateTimeIn, formatDurationIn, formatMoneyIn, formatMoneyListIn, formatNumberIn, isolate } from './format';
import type { ResolvedLocale } from './locale';
import type { Msg } from './message';

/** Whatever turns a key and its values into words: @formatjs/intl in the core, react-intl in the renderer. */
export interface MessageFormatter {
  formatMessage(descriptor: { id: string }, values?: Record<string, unknown>): unknown;
}

/**
 * The words and formats of one locale, the same interface on screens and on paper. `say` reads
 * what the core sent: a `Msg` code, or (journals of older versions) a finished English sentence,
 * shown as it is.
 */
export interface Translator extends ResolvedLocale {
  t(key: string, values?: Record<string, unknown>): string;
  say(message: Msg | string | undefined | null, fallback?: string): string;
  has(key: string): boolean;
  money(minor: number, currency: string): string;
  moneyList(amounts: { minor: number; currency: string }[]): string;
  number(value: number): string;
  clock(epochMs: number): string;
  date(epochMs: number): string;
  dateTime(epochMs: number): string;
  duration(ms: number): string;
}

/** The arguments a message chooses by (select, plural): their values must reach ICU as they are. */
function chooserArguments(message: string | undefined): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  try {
    if (message) walk(parse(message));
  } catch {
    // An unparsable message is the catalogue test's to report; formatting shows it as it is.
  }
  return names;
}

/**
 * Right-to-left: every text placed into a message (an amount, a terminal id, an order, a name)
 * keeps its own direction, so "TERM-001" and "24.500 د.ك." read right inside Arabic (issue 16) —
 * except the values a `select` chooses by, which must match their option names.
 */
function isolator(messages: Readonly<Record<string, string>>) {
  const choosers = new Map<string, Set<string>>();
  return (key: string, values?: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (!values) return values;
    let skip = choosers.get(key);
    if (!skip) choosers.set(key, (skip = chooserArguments(messages[key])));
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && !skip.has(k) ? isolate(v) : v]));
  };
}

/** `messages`: the catalogue `intl` formats from (its keys answer `has`; RTL reads which arguments choose). */
export function createTranslator(resolved: ResolvedLocale, intl: MessageFormatter, messages: Readonly<Record<string, string>>): Translator {
  const { locale } = resolved;
  const placed = resolved.dir === 'rtl' ? isolator(messages) : (_key: string, values?: Record<string, unknown>) => values;
  const t = (key: string, values?: Record<string, unknown>) => String(intl.formatMessage({ id: key }, placed(key, values)));
  const has = (key: string) => Object.prototype.hasOwnProperty.call(messages, key);
  return {
    ...resolved,
    t,
    has,
    say: (message, fallback = '') => {
      if (!message) return fallback;
      if (typeof message === 'string') return message;
      return has(message.key) ? t(message.key, message.values) : fallback || message.key;
    },
    money: (minor, currency) => formatMoneyIn(locale, minor, currency),
    moneyList: (amounts) => formatMoneyListIn(locale, amounts),
    number: (value) => formatNumberIn(locale, value),
    clock: (ms) => formatClockIn(locale, ms),
    date: (ms) => formatDateIn(locale, ms),
    dateTime: (ms) => formatDateTimeIn(locale, ms),
    duration: (ms) => formatDurationIn(locale, ms),
  };
}
