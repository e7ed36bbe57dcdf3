/**
 * npm run crash -- --payments 200 --seed 1 [--kill-every 10] [--terminals 4]
 * Exit code 1 when a journaled payment is missing, left without a reason, or disagrees with the gateway.
 */
import { table } from '../bench/lib/stats';
import { numberFlags } from './cli-args';
import { runCrash } from './crash-run';

const flags = numberFlags(process.argv.slice(2), { payments: 200, seed: 1, killEvery: 10, terminals: 4, minKills: 1 });
const r = await runCrash({ ...flags, log: (l) => console.log(`[crash seed ${flags.seed}] ${l}`) });
const v = r.verdict;
console.log(
  table([
    ['figure', 'value'],
    ['seed', r.options.seed],
    ['payments journaled (reported by the child)', r.journaled],
    ['kill -9', r.kills],
    ['payments mid-flight at a kill (in the journal)', r.openAtKill],
    ['torn journal lines skipped at replay', r.tornLines],
    ['journaled but not yet reported when killed', r.journaledUnreported],
    ['MISSING after replay', r.missingAfterReplay.length],
    ['not final, and not unknown / needs review with a reason', r.withoutReason.length],
    [
      'final states',
      Object.entries(r.finalStates)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    ],
    ['agreed with ground truth', `${v.agreed}/${v.compared}`],
    ['MISMATCHES', v.mismatches.length],
    ['DOUBLE CHARGES', v.doubleCharges.length],
    ['ALERT ERRORS', v.alertErrors.length],
    ['ORPHAN gateway transactions', v.orphans.length],
    ['unresolved (needs review / unknown, with reason)', v.unresolved.length],
    ['wall time', `${(r.durationMs / 1000).toFixed(1)} s`],
  ]),
);
for (const [title, items] of [
  ['missing', r.missingAfterReplay],
  ['without reason', r.withoutReason],
  ['mismatches', v.mismatches],
  ['orphans', v.orphans],
  ['unresolved', v.unresolved],
] as const) {
  if (items.length)
    console.log(
      `${title} (seed ${r.options.seed}):\n${items
        .slice(0, 20)
        .map((i) => `  ${JSON.stringify(i)}`)
        .join('\n')}`,
    );
}
console.log(r.hardViolations === 0 ? `OK (seed ${r.options.seed})` : `FAIL: ${r.hardViolations} violations (seed ${r.options.seed})`);
process.exit(r.hardViolations === 0 ? 0 : 1);
