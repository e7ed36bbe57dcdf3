import type { Browser, Page } from '@playwright/test';
import type { SimulatorHandle } from '../../simulator/api';
import { SALE_BUDGETS, SaleCounter, keyboardFirstSale, keyboardRepeatSale, touchFirstSale, touchRepeatSale } from '../../e2e/sale-flows';
import { atMs, desktopFrames } from './frames';
import { PAGE_PROBES, waitInPage } from './page-probes';

/**
 * Bench part 0 (till: a sale in five keys): the cashier's own sequences from e2e/sale-flows.ts —
 * keys and taps per sale, first and repeat, keyboard and touch, against the budgets — and the
 * time from the cashier's last key or tap to the `payment` frame at the gateway.
 */
export interface SaleFigures {
  counts: { keyboard: { first: number; repeat: number }; touch: { first: number; repeat: number } };
  /** Last key (Enter) or tap (the keypad's Pay) → the payment frame at the gateway, ms. */
  lastInputToFrame: { keyboard: number[]; touch: number[] };
}

const APPROVED = `document.querySelector('h1')?.textContent.includes('Approved')`;

/** Runs one sale and returns the wall-clock time from the page's last input to its payment frame. */
async function timedSale(page: Page, sim: SimulatorHandle, run: () => Promise<void>): Promise<number | undefined> {
  const since = Date.now();
  await run();
  await waitInPage(page, APPROVED, 10_000);
  const lastInputAt = (await page.evaluate('window.__lastInputAt')) as number;
  const frame = desktopFrames(sim, 'in', 'payment', since).at(0);
  return frame ? atMs(frame) - lastInputAt : undefined;
}

/** Keyboard on the given page (a fresh till: nothing remembered), then touch in a touch context; `repeats` repeat sales each. */
export async function saleFigures(browser: Browser, page: Page, url: string, sim: SimulatorHandle, repeats: number): Promise<SaleFigures> {
  const times = { keyboard: [] as number[], touch: [] as number[] };
  const keep = (into: number[]) => (ms: number | undefined) => void (ms !== undefined && into.push(ms));
  const kFirst = new SaleCounter(page);
  keep(times.keyboard)(await timedSale(page, sim, () => keyboardFirstSale(kFirst, '1250')));
  let kRepeat = new SaleCounter(page);
  for (let i = 0; i < repeats; i += 1) {
    kRepeat = new SaleCounter(page);
    keep(times.keyboard)(await timedSale(page, sim, () => keyboardRepeatSale(kRepeat, String(2400 + i))));
  }
  await page.keyboard.press('n');

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true });
  try {
    const touch = await context.newPage();
    await touch.addInitScript(PAGE_PROBES);
    await touch.goto(url);
    await waitInPage(touch, `document.querySelector('[data-testid="connection-banner"]')?.textContent.includes('Online')`, 30_000);
    const tFirst = new SaleCounter(touch);
    keep(times.touch)(await timedSale(touch, sim, () => touchFirstSale(tFirst, /^Lane 2(\s|$)/, '1250')));
    let tRepeat = new SaleCounter(touch);
    for (let i = 0; i < repeats; i += 1) {
      tRepeat = new SaleCounter(touch);
      keep(times.touch)(await timedSale(touch, sim, () => touchRepeatSale(tRepeat, String(2400 + i))));
    }
    return {
      counts: { keyboard: { first: kFirst.count, repeat: kRepeat.count }, touch: { first: tFirst.count, repeat: tRepeat.count } },
      lastInputToFrame: times,
    };
  } finally {
    await context.close();
  }
}

export { SALE_BUDGETS };
