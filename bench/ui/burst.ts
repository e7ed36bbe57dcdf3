import type { Page } from '@playwright/test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SimLogEntry, SimulatorHandle } from '../../simulator/api';
import { sleep } from '../lib/stats';
import { atMs, desktopFrames } from './frames';
import { PICKER_OBSERVER, waitInPage } from './page-probes';

/** Bench part 1: hundreds of terminals drop and come back at once; what the page does meanwhile. */

export interface BurstFigures {
  longestTask: number;
  longTasks: number;
  settledMs: number;
  spanMs: number;
  lastEventLagMs: number;
  /** The last status push reached the core's socket, after the gateway sent it. */
  lastCoreLagMs: number;
  /** This process's event-loop delay during the burst (max). */
  loopMaxMs: number;
}

/** One burst of 2 × ids.length status pushes; the page's long tasks and when the picker settled. */
export async function burst(
  page: Page,
  sim: SimulatorHandle,
  ids: string[],
  seen: { terminalEventsAt: number[]; coreGotStatusAt: number[] },
): Promise<BurstFigures> {
  const { terminalEventsAt, coreGotStatusAt } = seen;
  if (process.env.BENCH_DEBUG) await page.evaluate('window.__debugMutations = []');
  await page.evaluate(PICKER_OBSERVER);
  const burstStartPerf = (await page.evaluate('performance.now()')) as number;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const burstStart = Date.now();
  for (const id of ids) sim.control.dropTerminal(id, { reconnectAfterMs: 20 });
  let pushes: SimLogEntry[] = [];
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    pushes = desktopFrames(sim, 'out', 'terminalStatusUpdate', burstStart);
    if (pushes.length >= ids.length * 2 && sim.control.terminals().every((t) => t.status === 'online')) break;
    await sleep(20);
  }
  const lastPush = Math.max(...pushes.map(atMs));
  loop.disable();
  // Settled: no option says "Reconnecting" any more, then 1 s more to catch any late change.
  await waitInPage(page, `[...document.querySelectorAll('.terminal-option')].every((el) => !el.textContent.includes('Reconnecting'))`, 60_000, 5);
  await sleep(1_000);
  const probe = (await page.evaluate(`({ lastChange: window.__lastPickerChange, longtasks: window.__longtasks, error: window.__longtaskError })`)) as {
    lastChange: number;
    longtasks: { start: number; duration: number }[];
    error?: string;
  };
  await page.evaluate('window.__pickerObserver.disconnect()');
  if (probe.error) console.warn(`longtask observer: ${probe.error}`);
  const tasks = probe.longtasks.filter((t) => t.start >= burstStartPerf);
  if (process.env.BENCH_DEBUG) {
    const muts = (await page.evaluate('window.__debugMutations')) as [number, string, string, string, string][];
    console.log(`${muts.length} visible picker changes; the last ones relative to the last push:`);
    for (const m of muts.slice(-4)) console.log(`  +${(m[0] - lastPush).toFixed(1)} ms ${m.slice(1).join(' ')}`);
  }
  return {
    longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longTasks: tasks.length,
    settledMs: probe.lastChange - lastPush,
    spanMs: lastPush - Math.min(...pushes.map(atMs)),
    lastEventLagMs: Math.max(...terminalEventsAt.filter((t) => t >= burstStart)) - lastPush,
    lastCoreLagMs: Math.max(...coreGotStatusAt.filter((t) => t >= burstStart)) - lastPush,
    loopMaxMs: loop.max / 1e6,
  };
}
