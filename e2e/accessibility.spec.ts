import AxeBuilder from '@axe-core/playwright';
import { BROWSER_ONLY_REASON, LONG_TOUR_TIMEOUT_MS, expect, test } from './fixtures';
import { TOUR_SIM, TOUR_STOPS, TOUR_TUNING, tour, type TourStop } from './tour';
import { RESULT, banner, expectResult, pay, waitOnline } from './cashier';

/**
 * axe-core on every screen and state (checkout, in progress, approved, declined, reconnecting
 * terminal, unknown, void alert, history, end of day, settings, diagnostics, offline banner):
 * no serious or critical violation anywhere.
 */
test.use({ simOptions: TOUR_SIM, tuning: TOUR_TUNING });
test.setTimeout(LONG_TOUR_TIMEOUT_MS);

test('no serious or critical axe violation on any screen', async ({ page, sim, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  const checked: TourStop[] = [];
  const problems: string[] = [];
  await tour(page, sim, async (stop) => {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        problems.push(
          `${stop}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
        );
      }
    }
    expect(results.passes.length, `axe ran its rules at ${stop}`).toBeGreaterThan(10);
    checked.push(stop);
  });
  expect(checked).toEqual([...TOUR_STOPS]);
  expect(problems).toEqual([]);
});

test('no serious or critical axe violation in the error states: settings refused, displaced, payment details', async ({ page, sim, host }) => {
  test.skip(host === 'electron', BROWSER_ONLY_REASON);
  const problems: string[] = [];
  const scan = async (where: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${where}: [${v.impact}] ${v.id} — ${v.help}`);
    }
  };
  await waitOnline(page);

  await page.keyboard.press('F9');
  await page.getByLabel('Gateway address').fill('http://gateway.example.com/v1');
  await page.getByLabel(/^Currency/).fill('E1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Some settings need fixing; see the messages above.')).toBeVisible();
  await scan('settings with errors');

  await page.keyboard.press('F1');
  await pay(page, { terminal: 'Lane 1', digits: '990', order: 'AX-1' });
  await expectResult(page, RESULT.approved);
  await page.keyboard.press('F2');
  await page.getByRole('button', { name: 'Details for order AX-1' }).click();
  await expect(page.getByRole('heading', { name: 'Payment for order AX-1' })).toBeVisible();
  await scan('history with payment details');

  await sim.control.displace();
  await expect(banner(page)).toContainText('another register');
  await scan('displaced banner');

  expect(problems).toEqual([]);
});
