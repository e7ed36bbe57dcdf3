import { countdowns } from '../clock/countdowns';
import { useNow } from './useNow';

/**
 * Time left until a countdown's end from the main process, refreshed every `intervalMs` while the
 * component is shown. Counted on the monotonic clock (clock/countdowns.ts), so setting the PC's
 * clock moves no countdown the core's timers do not move either.
 */
export function useTimeLeft(intervalMs = 1000): (endsAt: number) => number {
  useNow(intervalMs); // only for the re-render each tick: the wall clock's reading is not used
  return countdowns.msLeft;
}
