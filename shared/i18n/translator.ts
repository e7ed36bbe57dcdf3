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

function isolateTexts(values?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? isolate(v) : v]));
}

export function createTranslator(resolved: ResolvedLocale, intl: MessageFormatter, keys: ReadonlySet<string>): Translator {
  const { locale } = resolved;
  // Right-to-left: every text placed into a message (an amount, a terminal id, an order, a name)
  // keeps its own direction, so "TERM-001" and "24.500 د.ك." read right inside Arabic (issue 16).
  const placed = resolved.dir === 'rtl' ? isolateTexts : (values?: Record<string, unknown>) => values;
  const t = (key: string, values?: Record<string, unknown>) => String(intl.formatMessage({ id: key }, placed(values)));
  return {
    ...resolved,
    t,
    has: (key) => keys.has(key),
    say: (message, fallback = '') => {
      if (!message) return fallback;
      if (typeof message === 'string') return message;
      return keys.has(message.key) ? t(message.key, message.values) : fallback || message.key;
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
