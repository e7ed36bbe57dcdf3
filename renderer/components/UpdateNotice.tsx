import { useBridge, usePos } from '../store/context';
import { useCommand } from '../hooks/useCommand';
import type { UpdateView } from '../../shared/ipc';
import { useT } from '../i18n/useT';

const BLOCKED_KEY: Record<UpdateView['blockedBy'][number], string> = {
  payment_in_flight: 'common.update.blockedPayment',
  void_alert_open: 'common.update.blockedAlert',
};

/** Only shown when an update is ready: it never interrupts a payment (the main process decides). */
export function UpdateNotice() {
  const t = useT();
  const update = usePos((s) => s.update);
  const bridge = useBridge();
  const install = useCommand<UpdateView>();
  if (!update || update.phase !== 'ready') return null;
  const blockers = update.blockedBy.map((b) => t.t(BLOCKED_KEY[b]));
  const blocked = blockers.length > 1 ? t.t('common.update.blockedBoth', { first: blockers[0], second: blockers[1] }) : blockers[0];
  return (
    <div className="update-notice" role="status">
      <span>{t.t('common.update.ready', { version: update.version ?? '' })}</span>
      {blocked ? (
        <span> {t.t('common.update.installsAfter', { blocked })}</span>
      ) : (
        <button type="button" disabled={install.busy} onClick={() => void install.run(() => bridge.installUpdate({}))}>
          {t.t('common.update.restart')}
        </button>
      )}
      {install.error && <span role="alert"> {install.error}</span>}
    </div>
  );
}
