import AxeBuilder from '@axe-core/playwright';
import { BROWSER_ONLY_REASON, expect, test } from './fixtures';
import { TOUR_SIM, TOUR_STOPS, TOUR_TUNING, tour, type TourStop } from './tour';

/**
 * axe-core on every screen and state (checkout, in progress, approved, declined, reconnecting
 * terminal, unknown, void alert, history, end of day, settings, diagnostics, offline banner):
 * no serious or critical violation anywhere.
 */
test.use({ simOptions: TOUR_SIM, tuning: TOUR_TUNING });
test.setTimeout(90_000);

test('no serious or critical axe violation on any screen', async ({ page, sim, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  const checked: TourStop[] = [];
  const problems: string[] = [];
  await tour(page, sim, async (stop) => {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        problems.push(`${stop}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      }
    }
    expect(results.passes.length, `axe ran its rules at ${stop}`).toBeGreaterThan(10);
    checked.push(stop);
  });
  expect(checked).toEqual([...TOUR_STOPS]);
  expect(problems).toEqual([]);
});
