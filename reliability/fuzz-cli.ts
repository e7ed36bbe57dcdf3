/**
 * npm run fuzz -- --frames 100000 --messages 100000 --seed 1
 * Exit code 1 on any crash, any input not rejected with exactly one log line, or any input accepted.
 */
import { table } from '../bench/lib/stats';
import { numberFlags } from './cli-args';
import { runBridgeFuzz, runFrameFuzz, type FuzzReport } from './fuzz-run';

const flags = numberFlags(process.argv.slice(2), { frames: 100_000, messages: 100_000, seed: 1 });
const reports: FuzzReport[] = [];
if (flags.frames > 0) reports.push(await runFrameFuzz({ frames: flags.frames, seed: flags.seed }));
if (flags.messages > 0) reports.push(await runBridgeFuzz({ messages: flags.messages, seed: flags.seed }));
let ok = true;
for (const r of reports) {
  console.log(
    table([
      ['figure', r.target],
      ['seed', r.seed],
      ['malformed inputs sent', r.inputs],
      ...Object.entries(r.byKind).map(([k, n]) => [`  ${k}`, n]),
      ['rejection log lines', r.rejectionLogLines],
      ['CRASHES (uncaught)', r.crashes],
      ['accepted (must be 0)', r.accepted],
      ['missing answers (bridge)', r.missingAnswers],
      ['reconnects (frames)', r.reconnects],
      ['wall time', `${(r.wallMs / 1000).toFixed(1)} s (${Math.round(r.inputs / (r.wallMs / 1000))} inputs/s)`],
    ]),
  );
  if (r.crashMessages.length) console.log(`crash messages (seed ${r.seed}): ${r.crashMessages.join(' | ')}`);
  const good = r.crashes === 0 && r.rejectionLogLines === r.inputs && r.accepted === 0 && r.missingAnswers === 0 && r.reconnects === 0;
  console.log(good ? `OK ${r.target}` : `FAIL ${r.target} (seed ${r.seed})`);
  ok &&= good;
}
process.exit(ok ? 0 : 1);
