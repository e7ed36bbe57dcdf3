/**
 * npm run soak -- --hours 8 --seed 1 [--payment-every-min 2]
 * (the script runs `node --expose-gc --import tsx reliability/soak-cli.ts` so heap figures are exact)
 * Exit code 1 when heap grows by 10 MB or more, or handles / socket listeners grow.
 */
import { table } from '../bench/lib/stats';
import { numberFlags } from './cli-args';
import { runSoak } from './soak-run';

const flags = numberFlags(process.argv.slice(2), { hours: 8, seed: 1, paymentEveryMin: 2 });
const r = await runSoak({ ...flags, log: (l) => console.log(`[soak] ${l}`) });
if (!r.gcExposed) console.log('WARNING: run with node --expose-gc; heap figures below include garbage.');
const row = (s: typeof r.baseline) => [
  s.hour === 0 ? 'after warm-up' : s.hour === -1 ? 'end, after quiet' : `hour ${s.hour}`,
  s.heapMb.toFixed(2),
  s.handles,
  Object.entries(s.handlesByType)
    .map(([k, n]) => `${k}:${n}`)
    .join(' '),
  s.socketListeners,
  s.payments,
  s.reconnects,
];
console.log(table([['sample', 'heap MB', 'handles', 'handles by type', 'socket listeners', 'payments', 'reconnects'], row(r.baseline), ...r.samples.map(row)]));
console.log(
  table([
    ['figure', 'value'],
    ['simulated shift', `${r.options.hours} h (accelerated FakeClock, real sockets)`],
    ['wall time', `${(r.wallMs / 1000).toFixed(1)} s`],
    ['payments / approved', `${r.payments} / ${r.approved}`],
    ['pings sent', r.pings],
    ['reconnects', r.reconnects],
    ['heap growth after warm-up', `${r.heapGrowthMb.toFixed(2)} MB (limit < 10 MB)`],
    ['handle growth', r.handleGrowth],
    ['socket listener growth', r.listenerGrowth],
  ]),
);
const ok = r.heapGrowthMb < 10 && r.handleGrowth <= 0 && r.listenerGrowth <= 0;
console.log(ok ? 'OK' : 'FAIL');
process.exit(ok ? 0 : 1);
