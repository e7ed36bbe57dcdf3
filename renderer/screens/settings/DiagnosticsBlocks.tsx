import type { Diagnostics } from '../../../shared/ipc';

/**
 * Money-truth rules 1 and 8 in Diagnostics: what blocks payments (a bad gateway setting and where
 * it came from, a journal that cannot be written) and every journal line replay skipped.
 */
export function DiagnosticsBlocks({ diag }: { diag: Diagnostics | null }) {
  if (!diag) return null;
  const paused = diag.paused ?? [];
  const journal = diag.journal;
  return (
    <>
      <h2>Payments blocked by</h2>
      {paused.length === 0 ? (
        <p className="hint">Nothing: only the gateway connection decides.</p>
      ) : (
        <ul className="payment-list" aria-label="What blocks payments">
          {paused.map((p) => (
            <li key={p.message} className="error-text">
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {journal && (
        <>
          <h2>Payment journal</h2>
          <p>
            {journal.writable
              ? 'The journal can be written.'
              : `The journal cannot be written (${journal.reason ?? 'write failed'}); ${journal.pendingRecords} change(s) wait in memory and are retried.`}
          </p>
          {journal.badLines.length === 0 ? (
            <p className="hint">Every journal line read at start was valid.</p>
          ) : (
            <ul className="payment-list" aria-label="Skipped journal lines">
              {journal.badLines.map((b) => (
                <li key={`${b.file}:${b.line}`}>
                  {b.file} line {b.line}: {b.torn ? 'torn by a crash' : b.reason ? `not a valid record (${b.reason})` : 'unreadable'} — skipped
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
