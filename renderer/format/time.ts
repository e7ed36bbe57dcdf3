import { formatClockIn, formatDateTimeIn, formatDurationIn } from '../../shared/i18n/format';
import { activeLocale } from '../i18n/active-locale';

/** Times and durations as a cashier reads them, in the window's locale and its digits. */

export function formatClock(epochMs: number): string {
  return formatClockIn(activeLocale().locale, epochMs);
}

export function formatDateTime(epochMs: number): string {
  return formatDateTimeIn(activeLocale().locale, epochMs);
}

/** 75_000 → "1:15"; negative values count as zero. */
export function formatDuration(ms: number): string {
  return formatDurationIn(activeLocale().locale, ms);
}

/** Whole seconds of a countdown's time left, rounded up, never negative. */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
