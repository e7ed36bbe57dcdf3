import { memo } from 'react';
import { useCommand } from '../../hooks/useCommand';
import { useBridge, usePos } from '../../store/context';
import { selectTerminalIds } from '../../store/selectors';
import { TerminalOption } from './TerminalOption';
import { useT } from '../../i18n/useT';

/**
 * The terminal cards. Memoised, with a stable `onSelect` and one atomic selector per card: typing
 * an amount or a status change on one terminal re-renders one card, not hundreds.
 */
export const TerminalPicker = memo(function TerminalPicker() {
  const t = useT();
  const ids = usePos(selectTerminalIds);
  const selected = usePos((s) => s.draft.terminalId);
  const selectTerminal = usePos((s) => s.selectDraftTerminal);
  const bridge = useBridge();
  const refresh = useCommand<{ done: true }>();
  return (
    <fieldset className="terminal-picker">
      <legend>{t.t('common.facts.terminal')}</legend>
      {ids.length === 0 && <p className="hint">{t.t('checkout.terminals.none')}</p>}
      <div className="terminal-grid">
        {ids.map((id) => (
          <TerminalOption key={id} id={id} checked={selected === id} onSelect={selectTerminal} />
        ))}
      </div>
      <button type="button" className="secondary" disabled={refresh.busy} onClick={() => void refresh.run(() => bridge.refreshTerminals({}))}>
        {t.t('checkout.terminals.refresh')}
      </button>
      {refresh.error && (
        <p role="alert" className="error-text">
          {refresh.error}
        </p>
      )}
    </fieldset>
  );
});
