import type { VoidAlert } from '../../../shared/ipc';
import type { Translator } from '../../../shared/i18n/translator';
import { translatorFor } from '../../core/i18n/core-translator';
import { escapeHtml } from '../../core/receipts/receipt-html';

/**
 * The screen a till shows when its renderer keeps crashing: built in main as plain HTML with no
 * script at all (whatever breaks the renderer cannot break this), so it says what to do and —
 * money-safety rule 6 — still shows every void alert waiting to be acknowledged. In the till's
 * language (issue 16), with `lang` and `dir` on its <html>.
 */
export interface RecoveryPageInput {
  alerts: readonly VoidAlert[];
  logDir: string;
  retryInMinutes: number;
  /** The till's locale in effect ("ar-KW"); absent = English. */
  locale?: string;
}

const CSP = `default-src 'none'; style-src 'unsafe-inline'`;

export function recoveryPageUrl(input: RecoveryPageInput): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(recoveryPageHtml(input))}`;
}

export function recoveryPageHtml(input: RecoveryPageInput): string {
  const t = translatorFor(input.locale);
  const say = (key: string, values?: Record<string, string | number>) => escapeHtml(t.t(key, values));
  const alerts = input.alerts.length
    ? `<h2>${say('services.recovery.voided_heading')}</h2><ul>${input.alerts.map((a) => alertItem(t, a)).join('')}</ul>
       <p>${say('services.recovery.voided_keep')}</p>`
    : `<p>${say('services.recovery.no_alerts')}</p>`;
  return `<!doctype html><html lang="${escapeHtml(t.locale)}" dir="${t.dir}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${say('services.recovery.title')}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;margin:3em;max-width:46em}h1{color:#a00}li{margin:.5em 0}code{background:#eee;padding:0 .3em;unicode-bidi:isolate;direction:ltr}</style>
</head><body>
<h1>${say('services.recovery.heading')}</h1>
<p>${say('services.recovery.safe')}</p>
<ol>
<li>${say('services.recovery.step_check')}</li>
<li>${say('services.recovery.step_restart', { minutes: input.retryInMinutes })}</li>
<li>${say('services.recovery.step_support')} <code>${escapeHtml(input.logDir)}</code></li>
</ol>
${alerts}
</body></html>`;
}

function alertItem(t: Translator, alert: VoidAlert): string {
  // The gateway's reason is its own words: shown as sent, inside our sentence.
  const line = t.t('services.recovery.voided_item', {
    amount: t.money(alert.amountMinor, alert.currency),
    orderRef: alert.orderRef,
    terminal: alert.terminalId,
    time: t.dateTime(alert.at),
    reason: alert.reason,
  });
  return `<li>${escapeHtml(line)}</li>`;
}
