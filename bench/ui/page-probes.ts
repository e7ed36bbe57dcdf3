import type { Page } from '@playwright/test';
import { sleep } from '../lib/stats';

/**
 * Page code the UI benchmark installs or evaluates, as strings: the Node tsconfig has no DOM types,
 * and the renderer's CSP forbids the eval that waitForFunction(string) needs.
 */

/** Installed before the app loads: long tasks (page-relative times) and the wall clock. */
export const PAGE_PROBES = `
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__longtaskError = String(e); }
  // Wall clock, like the simulator's log and Node: comparable across processes (1 ms resolution).
  window.__now = () => Date.now();
  // The cashier's last key or tap (capture phase: before the app handles it), for "last key → payment frame".
  window.__lastInputAt = 0;
  for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, () => { window.__lastInputAt = window.__now(); }, true);
`;

/** Started just before the burst and stopped after it (it must not slow the payment timings). */
export const PICKER_OBSERVER = `(() => {
  window.__lastPickerChange = 0;
  window.__pickerObserver = new MutationObserver((records) => {
    // React re-sets a radio's name/type on every render (name → '' → name), and the options
    // re-render every second for their countdown: only a NET change within a batch is visible.
    const first = new Map();
    let changed = false;
    let sample;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!(el && el.closest && el.closest('.terminal-picker'))) continue;
      if (r.type === 'childList') { changed = true; sample = r; continue; }
      const perTarget = first.get(r.target) || new Map();
      first.set(r.target, perTarget);
      const key = r.type === 'attributes' ? r.attributeName : '#text';
      if (!perTarget.has(key)) perTarget.set(key, { old: r.oldValue, r });
    }
    for (const [target, perTarget] of first) {
      for (const [key, v] of perTarget) {
        const now = key === '#text' ? target.data : target.getAttribute(key);
        if (now !== v.old) { changed = true; sample = v.r; }
      }
    }
    if (!changed) return;
    window.__lastPickerChange = window.__now();
    if (window.__debugMutations) {
      const el = sample.target.nodeType === 1 ? sample.target : sample.target.parentElement;
      window.__debugMutations.push([window.__now(), sample.type, sample.attributeName, el.tagName, (el.textContent || '').slice(0, 40)]);
    }
  });
  window.__pickerObserver.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true, characterDataOldValue: true });
})()`;

/**
 * How long a message posted to the page waits before its handler runs (MessageChannel, 400
 * samples 5 ms apart): how busy the renderer's main thread is even without any long task.
 */
export const PAGE_QUEUE_DELAY = `new Promise((resolve) => {
  const ch = new MessageChannel();
  const d = [];
  let t = performance.now();
  ch.port1.onmessage = () => {
    d.push(performance.now() - t);
    if (d.length < 400) setTimeout(() => { t = performance.now(); ch.port2.postMessage(0); }, 5);
    else { d.sort((a, b) => a - b); resolve({ p50: d[199], p95: d[379], max: d[399] }); }
  };
  ch.port2.postMessage(0);
})`;
export type QueueDelay = { p50: number; p95: number; max: number };

/**
 * Polls a page expression (page code as strings: the Node tsconfig has no DOM types, and the
 * renderer's CSP forbids the eval that waitForFunction(string) needs).
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 10_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${expression}`);
    await sleep(everyMs);
  }
}
