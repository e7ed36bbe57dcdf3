import type { PaymentView, PrintJobView } from '../../shared/ipc';
import { useCommand } from '../hooks/useCommand';
import { useKeyShortcuts } from '../hooks/useKeyShortcuts';
import { useBridge, usePos } from '../store/context';
import { selectLatestPrintJob } from '../store/selectors';
import { StatusIcon, type Tone } from './StatusIcon';
import { useT } from '../i18n/useT';
import { GLYPH, KEYCAP } from './glyphs';

/** A print job's state: tone and catalogue key `common.receipt.job.<state>`. */
const JOB_TONE: Record<PrintJobView['state'], Tone> = { queued: 'busy', printing: 'busy', done: 'ok', retrying: 'warn', failed: 'bad' };

/** Saves base64 as a file through a temporary Blob link (works in both hosts). */
export function downloadFile(filename: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Print, reprint (customer copy) and save as PDF; shows the print job's live state. */
export function ReceiptActions({ payment, autoPrint = false, shortcut = false }: { payment: PaymentView; autoPrint?: boolean; shortcut?: boolean }) {
  const t = useT();
  const bridge = useBridge();
  const job = usePos(selectLatestPrintJob(payment.transactionId));
  const print = useCommand<{ jobId: string }>();
  const pdf = useCommand<{ filename: string; base64: string }>();
  const busy = print.busy || pdf.busy;
  const printReceipt = (copy: boolean) => void print.run(() => bridge.printReceipt({ transactionId: payment.transactionId, copy }));
  // Every approved payment has a receipt (money-truth rule 7): without the terminal's text,
  // Checkstand's own receipt (header fields and a line saying so) is printed instead.
  useKeyShortcuts({ p: shortcut ? () => printReceipt(false) : undefined });
  const jobText = job
    ? { tone: JOB_TONE[job.state], text: t.t(`common.receipt.job.${job.state}`) }
    : autoPrint
      ? { tone: 'busy' as Tone, text: t.t('common.receipt.autoPrint') }
      : undefined;
  const jobError = job ? t.say(job.errorMsg, job.error) : '';
  return (
    <div className="receipt-actions" role="group" aria-label={t.t('common.receipt.label')}>
      {!payment.hasReceipt && !payment.cash && <p className="hint">{t.t('common.receipt.noTerminalText')}</p>}
      {payment.cash && <p className="hint">{t.t('common.receipt.cash')}</p>}
      <button type="button" disabled={busy} onClick={() => printReceipt(false)} aria-keyshortcuts={shortcut ? 'P' : undefined}>
        {t.t('common.receipt.print')}
        {shortcut && <kbd>{KEYCAP.print}</kbd>}
      </button>
      <button type="button" disabled={busy} onClick={() => printReceipt(true)}>
        {t.t('common.receipt.reprint')}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          const result = await pdf.run(() => bridge.receiptPdf({ transactionId: payment.transactionId }));
          if (result?.ok) downloadFile(result.value.filename, base64ToBytes(result.value.base64), 'application/pdf');
        }}
      >
        {t.t('common.receipt.savePdf')}
      </button>
      {jobText && (
        <p role="status" className="job-status">
          <StatusIcon tone={jobText.tone} /> {jobText.text}
          {jobError && GLYPH.space}
          {jobError}
        </p>
      )}
      {(print.error || pdf.error) && (
        <p role="alert" className="error-text">
          {print.error ?? pdf.error}
        </p>
      )}
    </div>
  );
}
