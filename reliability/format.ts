import { table } from '../bench/lib/stats';
import type { ChaosReport } from './chaos-run';

/** The chaos run's figures as a printable table (the README figures come from this). */
export function formatChaosReport(r: ChaosReport): string {
  const v = r.verdict;
  const rows: (string | number)[][] = [['figure', 'value']];
  const add = (k: string, val: string | number) => rows.push([k, val]);
  add('seed', r.options.seed);
  add('API secret (lookup)', r.options.withSecret ? 'yes' : 'no (cashier settles unknowns)');
  add('orders (payments)', r.orders);
  add('terminals', r.options.terminals);
  add('attempts (Pay accepted)', r.attempts);
  add('orders paid', r.ordersPaid);
  add('orders given up (time limit)', r.ordersGivenUp);
  for (const [k, n] of Object.entries(r.faults)) add(`fault: ${k}`, n);
  add(
    'faults total',
    Object.values(r.faults).reduce((a, b) => a + b, 0),
  );
  for (const [k, n] of Object.entries(r.behaviours)) add(`terminal: ${k}`, n);
  for (const [k, n] of Object.entries(r.refusals)) add(`start refused: ${k}`, n);
  add(
    'gateway statuses',
    Object.entries(r.gatewayStatuses)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  add(
    'app states',
    Object.entries(r.appStates)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  add(
    'declined because',
    Object.entries(r.declineReasons)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  add('agreed with ground truth', `${v.agreed}/${v.compared}`);
  add('settled by the lookup (agree by construction; also judged by what the cashier saw)', v.settledByLookup);
  add('MISMATCHES', v.mismatches.length);
  add('  false approvals', v.falseApprovals.length);
  add('  missed approvals', v.missedApprovals.length);
  add('DOUBLE CHARGES', v.doubleCharges.length);
  add('voided (gateway)', v.voided);
  add('void alerts raised', v.alertsRaised);
  add('ALERT ERRORS (not exactly once)', v.alertErrors.length);
  add('ORPHAN gateway transactions', v.orphans.length);
  add('TWO OPEN ON ONE TERMINAL', r.twoOpenOnTerminal);
  add('unresolved (unknown/needs review)', v.unresolved.length);
  add('"not charged" later contradicted', r.contradictedNotCharged.length);
  add('gateway never settled', v.gatewayUnsettled.length);
  add('"rejected" but the gateway took it (misattributed error)', r.misattributed.length);
  add('voided at the gateway, app never told (lost void)', r.lostVoids.length);
  add('hard violations not explained by those two', r.unexplainedViolations);
  add('POS reconnects', r.reconnects);
  add('unknown outcomes entered', r.unknownEntered);
  add('time to resolve unknown p50/p95/max', `${r.unknownResolveMs.p50} / ${r.unknownResolveMs.p95} / ${r.unknownResolveMs.max} ms`);
  add('Pay → final state p50/p95/max', `${r.answerMs.p50} / ${r.answerMs.p95} / ${r.answerMs.max} ms`);
  add('"check now" lookups requested', r.lookupsRequested);
  add('settled by the cashier', r.cashierResolutions);
  add('stuck terminals cancelled by hand (TERMINAL_BUSY)', r.terminalsUnstuck);
  add('payments open when their order ran out of time', r.stuck.length);
  add('wall time', `${(r.durationMs / 1000).toFixed(1)} s`);
  return table(rows);
}

/** Everything a developer needs to chase a failing seed. */
export function formatChaosFindings(r: ChaosReport): string {
  const v = r.verdict;
  const lines: string[] = [];
  const show = (title: string, items: unknown[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (seed ${r.options.seed}):`);
    for (const i of items.slice(0, 20)) lines.push(`  ${JSON.stringify(i)}`);
    if (items.length > 20) lines.push(`  … ${items.length - 20} more`);
  };
  show('mismatches', v.mismatches);
  show('double charges', v.doubleCharges);
  show('alert errors', v.alertErrors);
  show('orphans', v.orphans);
  show('amount or currency differs from the gateway', v.amountMismatches);
  show('cashier first shown the wrong answer', v.shownWrong);
  show('unresolved', v.unresolved);
  show('gateway never settled', v.gatewayUnsettled);
  show('"not charged" later contradicted', r.contradictedNotCharged);
  show('stuck', r.stuck);
  return lines.join('\n');
}
