import type { VoidAlert } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';
import { escapeHtml } from '../../core/receipts/receipt-html';

/**
 * The screen a till shows when its renderer keeps crashing: built in main as plain HTML with no
 * script at all (whatever breaks the renderer cannot break this), so it says what to do and —
 * money-safety rule 6 — still shows every void alert waiting to be acknowledged.
 */
export interface RecoveryPageInput {
  alerts: readonly VoidAlert[];
  logDir: string;
  retryInMinutes: number;
}

const CSP = `default-src 'none'; style-src 'unsafe-inline'`;

export function recoveryPageUrl(input: RecoveryPageInput): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(recoveryPageHtml(input))}`;
}

export function recoveryPageHtml(input: RecoveryPageInput): string {
  const alerts = input.alerts.length
    ? `<h2>Payments the gateway VOIDED — tell the customer they were not charged</h2><ul>${input.alerts.map(alertItem).join('')}</ul>
       <p>Acknowledge them in Checkstand once it is back; they stay until then.</p>`
    : '<p>No void alert is waiting.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Checkstand — recovery</title>
<style>body{font:18px/1.5 system-ui,sans-serif;margin:3em;max-width:46em}h1{color:#a00}li{margin:.5em 0}code{background:#eee;padding:0 .3em}</style>
</head><body>
<h1>Checkstand stopped working</h1>
<p>The till screen failed several times in a row. Payments already taken are safe in the payment journal.</p>
<ol>
<li>Check any payment that was in progress on the terminal's screen or slip.</li>
<li>Close Checkstand and start it again. Checkstand also tries again by itself in ${input.retryInMinutes} minutes.</li>
<li>If this screen comes back, call support and send the log folder <code>${escapeHtml(input.logDir)}</code>.</li>
</ol>
${alerts}
</body></html>`;
}

function alertItem(alert: VoidAlert): string {
  const amount = `${alert.currency} ${toWireAmount(alert.amountMinor, alert.currency)}`;
  const when = new Date(alert.at).toISOString().replace('T', ' ').slice(0, 16);
  return `<li><strong>${escapeHtml(amount)}</strong>, order ${escapeHtml(alert.orderRef)}, terminal ${escapeHtml(alert.terminalId)} (${when} UTC): ${escapeHtml(alert.reason)}</li>`;
}
