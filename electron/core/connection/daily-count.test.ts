import { describe, expect, it } from 'vitest';
import { DailyCount } from './daily-count';

/** Diagnostics' "reconnects today": a UTC day's count, 0 on a day with none. */
describe('daily count', () => {
  const at = (iso: string) => Date.parse(iso);

  it('counts within a day and shows 0 on the next day until something happens on it', () => {
    const count = new DailyCount();
    expect(count.today(at('2026-03-01T10:00:00Z'))).toBe(0);
    count.add(at('2026-03-01T10:00:00Z'));
    count.add(at('2026-03-01T23:59:59.999Z'));
    expect(count.today(at('2026-03-01T23:59:59.999Z'))).toBe(2);
    expect(count.today(at('2026-03-02T00:00:00Z'))).toBe(0);
    count.add(at('2026-03-02T00:00:00Z'));
    expect(count.today(at('2026-03-02T08:00:00Z'))).toBe(1);
  });

  it('a clock set back to an earlier day starts that day afresh', () => {
    const count = new DailyCount();
    count.add(at('2026-03-02T09:00:00Z'));
    count.add(at('2026-03-01T09:00:00Z'));
    expect(count.today(at('2026-03-01T09:00:00Z'))).toBe(1);
    expect(count.today(at('2026-03-02T09:00:00Z'))).toBe(0);
  });
});
