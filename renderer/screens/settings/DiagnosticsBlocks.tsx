import type { Diagnostics } from '../../../shared/ipc';
import { useT } from '../../i18n/useT';
import { pauseWords } from '../../format/pause';

/**
 * Money-truth rules 1 and 8 in Diagnostics: what blocks payments (a bad gateway setting and where
 * it came from, a journal that cannot be written) and every journal line replay skipped.
 */
export function DiagnosticsBlocks({ diag }: { diag: Diagnostics | null }) {
  const t = useT();
  if (!diag) return null;
  const paused = diag.paused ?? [];
  const journal = diag.journal;
  return (
    <>
      <h2>{t.t('settings.diag.blocked_by')}</h2>
      {paused.length === 0 ? (
        <p className="hint">{t.t('settings.diag.blocked_by.nothing')}</p>
      ) : (
        <ul className="payment-list" aria-label={t.t('settings.diag.blocked_by.list')}>
          {paused.map((p) => (
            <li key={p.message} className="error-text">
              {pauseWords(t, p)}
            </li>
          ))}
        </ul>
      )}
      {journal && (
        <>
          <h2>{t.t('settings.diag.journal')}</h2>
          <p>
            {journal.writable
              ? t.t('settings.diag.journal.writable')
              : t.t('settings.diag.journal.not_writable', {
                  reason: journal.reason ?? t.t('settings.diag.journal.write_failed'),
                  count: journal.pendingRecords,
                })}
          </p>
          {journal.badLines.length === 0 ? (
            <p className="hint">{t.t('settings.diag.journal.all_valid')}</p>
          ) : (
            <ul className="payment-list" aria-label={t.t('settings.diag.journal.skipped')}>
              {journal.badLines.map((b) => (
                <li key={`${b.file}:${b.line}`}>
                  {t.t('settings.diag.journal.bad_line', {
                    file: b.file,
                    line: b.line,
                    why: b.torn
                      ? t.t('settings.diag.journal.torn')
                      : b.reason
                        ? t.t('settings.diag.journal.invalid', { reason: b.reason })
                        : t.t('settings.diag.journal.unreadable'),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
