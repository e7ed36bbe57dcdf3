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
console.log(report.hardViolations === 0 ? `OK: zero hard violations (seed ${flags.seed})` : `FAIL: ${report.hardViolations} hard violations (seed ${flags.seed})`);
process.exit(report.hardViolations === 0 ? 0 : 1);
