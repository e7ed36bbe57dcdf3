import { fmtMs, median, p95 } from '../lib/stats';
import type { BurstFigures } from './burst';
import type { QueueDelay } from './page-probes';
import type { PaymentFigures } from './payments';
import { SALE_BUDGETS, type SaleFigures } from './sales';

/** The UI benchmark's table rows: figures against their targets ("met" / "NOT met"), never assertions. */
type Row = (string | number)[];

const ok = (met: boolean) => (met ? 'met' : 'NOT met');

export function burstRows(bursts: BurstFigures[], pushes: number, terminals: number, calibrated: boolean): Row[] {
  const col = (k: keyof BurstFigures) => bursts.map((b) => b[k]);
  const worst = (k: keyof BurstFigures) => Math.max(...col(k));
  const pair = (k: keyof BurstFigures) => [fmtMs(median(col(k))), fmtMs(worst(k))];
  return [
    [
      `longest long task, burst of ${pushes} status updates, ${terminals} terminals (${bursts.length} bursts; worst)`,
      ...pair('longestTask'),
      '≤ 50 ms',
      ok(worst('longestTask') <= 50),
    ],
    [
      `  (long tasks per burst; observer calibrated with an 80 ms task: ${calibrated ? 'yes' : 'NO'})`,
      String(median(col('longTasks'))),
      String(worst('longTasks')),
      '',
      '',
    ],
    ["view settled after the gateway's last push (worst)", ...pair('settledMs'), '≤ 100 ms', ok(worst('settledMs') <= 100)],
    ['  (the gateway sent the burst over)', ...pair('spanMs'), '', ''],
    ['  (last terminal event reached the page, after the last push)', ...pair('lastEventLagMs'), '', ''],
    ["  (last status push reached the core's socket, after the last push)", ...pair('lastCoreLagMs'), '', ''],
    ['  (main process event-loop delay during the burst, max)', ...pair('loopMaxMs'), '', ''],
  ];
}

export function paymentRows(label: string, f: PaymentFigures): Row[] {
  return [
    [
      `click Pay → payment frame at gateway, ${label} (n=${f.toGateway.length})`,
      fmtMs(median(f.toGateway)),
      fmtMs(p95(f.toGateway)),
      'p95 < 50 ms',
      ok(p95(f.toGateway) < 50),
    ],
    [
      `paymentComplete at gateway → result on screen, ${label} (n=${f.toScreen.length})`,
      fmtMs(median(f.toScreen)),
      fmtMs(p95(f.toScreen)),
      'p95 < 50 ms',
      ok(p95(f.toScreen) < 50),
    ],
    [`  (of which: until the payment event reached the page)`, fmtMs(median(f.toPage)), fmtMs(p95(f.toPage)), '', ''],
    [`  (of which: until the core's socket received paymentComplete)`, fmtMs(median(f.toCore)), fmtMs(p95(f.toCore)), '', ''],
    [`  (page long tasks during these payments: count, longest)`, String(f.longTasks), fmtMs(f.longestTask), '', ''],
    [`  (main process event-loop delay meanwhile: p99, max)`, fmtMs(f.loopDelayP99Ms), fmtMs(f.loopDelayMaxMs), '', ''],
  ];
}

export function saleRows(s: SaleFigures): Row[] {
  const count = (how: 'keyboard' | 'touch', which: 'first' | 'repeat'): Row => [
    `${how === 'keyboard' ? 'keys' : 'taps'} per sale, ${how}, ${which} sale${which === 'first' ? ' (fresh till)' : ' (from the result screen)'}`,
    '',
    String(s.counts[how][which]),
    `≤ ${SALE_BUDGETS[how][which]}`,
    ok(s.counts[how][which] <= SALE_BUDGETS[how][which]),
  ];
  const latency = (how: 'keyboard' | 'touch'): Row => {
    const v = s.lastInputToFrame[how];
    return [
      `last ${how === 'keyboard' ? 'key (Enter)' : 'tap (keypad Pay)'} → payment frame at gateway (n=${v.length})`,
      fmtMs(median(v)),
      fmtMs(p95(v)),
      'p95 < 50 ms',
      ok(p95(v) < 50),
    ];
  };
  return [count('keyboard', 'first'), count('keyboard', 'repeat'), count('touch', 'first'), count('touch', 'repeat'), latency('keyboard'), latency('touch')];
}

export function startupRows(empty: number[], withJournal: number[], journal: { days: number; records: number }): Row[] {
  return [
    [`fresh host start → payable checkout, terminals listed, empty data dir (n=${empty.length})`, fmtMs(median(empty)), fmtMs(p95(empty)), '', ''],
    [
      `  … with a ${journal.days}-day journal (${journal.records.toLocaleString('en')} records) (n=${withJournal.length})`,
      fmtMs(median(withJournal)),
      fmtMs(p95(withJournal)),
      '',
      '',
    ],
  ];
}

export function queueRows(queues: [string, QueueDelay][]): Row[] {
  return queues.map(([label, q]) => [
    `page main-thread queue delay, idle checkout with ${label} (p50, p95; max ${fmtMs(q.max)})`,
    fmtMs(q.p50),
    fmtMs(q.p95),
    '',
    '',
  ]);
}

export function bundleRow(js: { files: number; raw: number; gz: number }): Row {
  return [
    `renderer JS gzipped (${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw)`,
    '',
    `${(js.gz / 1024).toFixed(1)} KB`,
    '< 250 KB',
    ok(js.gz < 250 * 1024),
  ];
}
