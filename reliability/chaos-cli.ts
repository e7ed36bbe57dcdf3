/**
 * npm run chaos -- --payments 10000 --terminals 50 --seed 7 [--no-secret] [--verbose]
 * Exit code 1 when any hard invariant is violated (mismatch, double charge, alert error, orphan,
 * two open payments on one terminal); the seed is printed with every finding.
 */
import { runChaos } from './chaos-run';
import { hasFlag, numberFlags } from './cli-args';
import { formatChaosFindings, formatChaosReport } from './format';

const argv = process.argv.slice(2).filter((a) => a !== '--no-secret' && a !== '--verbose');
const flags = numberFlags(argv, { payments: 300, terminals: 8, seed: 1, graceMs: 400 });
const verbose = hasFlag(process.argv, 'verbose');
const report = await runChaos({
  payments: flags.payments,
  terminals: flags.terminals,
  seed: flags.seed,
  graceMs: flags.graceMs,
  withSecret: !hasFlag(process.argv, 'no-secret'),
  log: (line) => {
    if (verbose || line.startsWith('progress') || line.startsWith('settle')) console.log(`[chaos seed ${flags.seed}] ${line}`);
  },
});
console.log(formatChaosReport(report));
const findings = formatChaosFindings(report);
if (findings) console.log(findings);
const contradicted = report.contradictedNotCharged.length;
const ok = report.hardViolations === 0 && contradicted === 0;
console.log(
  ok
    ? `OK: zero hard violations, no "not charged" taken back (seed ${flags.seed})`
    : `FAIL: ${report.hardViolations} hard violations, ${contradicted} "not charged" taken back (seed ${flags.seed})`,
);
process.exit(ok ? 0 : 1);
