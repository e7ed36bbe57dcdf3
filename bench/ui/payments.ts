import type { Page } from '@playwright/test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SimulatorHandle } from '../../simulator/api';
import { sleep } from '../lib/stats';
import { atMs, desktopFrames } from './frames';
import { waitInPage } from './page-probes';

/** Bench part 2: payments by mouse, Pay → frame at the gateway and paymentComplete → result on screen. */

export interface PaymentFigures {
  toGateway: number[];
  toScreen: number[];
  /** Of toScreen: the part until the approved payment event reached the page (core + bridge). */
  toPage: number[];
  /** Of toPage: the part until the core's socket had the frame (simulator → socket). */
  toCore: number[];
  /** Long tasks in the page during these payments (count, longest). */
  longTasks: number;
  longestTask: number;
  /** This Node process (host + core + simulator + virtual terminals): event-loop delay p99, max. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** When the page and the core saw each approval (bridge frames into the page; the core's socket). */
export interface ApprovalTimes {
  approvedEventsAt: number[];
  coreGotCompleteAt: number[];
}

/** `count` approvals on Lane 1: click → gateway, and gateway's paymentComplete → on screen. */
export async function payments(page: Page, sim: SimulatorHandle, run: { prefix: string; count: number; seen: ApprovalTimes }): Promise<PaymentFigures> {
  const { prefix, count } = run;
  const { approvedEventsAt, coreGotCompleteAt } = run.seen;
  const toGateway: number[] = [];
  const toScreen: number[] = [];
  const toPage: number[] = [];
  const toCore: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const fromPerf = (await page.evaluate('performance.now()')) as number;
  for (let i = 0; i < count; i += 1) {
    const one = await clickPay(page, sim, `${prefix}-${i}`, 100 + i);
    if (one.sent) toGateway.push(one.sent - one.clickedAt);
    if (one.complete) toScreen.push(one.approvedAt - one.complete);
    const arrived = approvedEventsAt.find((t) => t >= one.clickedAt);
    if (one.complete && arrived !== undefined) toPage.push(arrived - one.complete);
    const gotByCore = coreGotCompleteAt.find((t) => t >= one.clickedAt);
    if (one.complete && gotByCore !== undefined) toCore.push(gotByCore - one.complete);
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: 'New payment' }).waitFor();
  }
  loop.disable();
  const tasks = ((await page.evaluate('window.__longtasks')) as { start: number; duration: number }[]).filter((t) => t.start >= fromPerf);
  return {
    longTasks: tasks.length,
    longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    toGateway,
    toScreen,
    toPage,
    toCore,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
  };
}

/** One payment by mouse: the wall-clock times of the click, the frame at the gateway, its paymentComplete and "Approved" on screen. */
async function clickPay(page: Page, sim: SimulatorHandle, orderRef: string, amountDigits: number) {
  await page.getByRole('radio', { name: /^Lane 1(\s|$)/ }).check();
  await page.getByLabel(/^Amount/).fill(String(amountDigits));
  await page.getByLabel('Order reference').fill(orderRef);
  await waitInPage(page, `!document.querySelector('.pay-button')?.disabled`);
  await sleep(100);
  const clickedAt = (await page.evaluate(`(() => {
    window.__approvedAt = 0;
    const mo = new MutationObserver(() => {
      const h = document.querySelector('h1');
      if (!window.__approvedAt && h && h.textContent.includes('Approved')) { window.__approvedAt = window.__now(); mo.disconnect(); }
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    const t = window.__now();
    document.querySelector('.pay-button').click();
    return t;
  })()`)) as number;
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Approved' }).waitFor({ timeout: 10_000 });
  const approvedAt = (await page.evaluate('window.__approvedAt')) as number;
  const sent = desktopFrames(sim, 'in', 'payment', Math.floor(clickedAt) - 1).at(0);
  const complete = desktopFrames(sim, 'out', 'paymentComplete', Math.floor(clickedAt) - 1).at(-1);
  return { clickedAt, approvedAt, sent: sent ? atMs(sent) : undefined, complete: complete ? atMs(complete) : undefined };
}
