import { useBridge, usePos } from '../store/context';
import { useCommand } from '../hooks/useCommand';
import type { UpdateView } from '../../shared/ipc';

const BLOCKED: Record<UpdateView['blockedBy'][number], string> = {
  payment_in_flight: 'a payment is in progress',
  void_alert_open: 'a void alert is waiting',
};

/** Only shown when an update is ready: it never interrupts a payment (the main process decides). */
export function UpdateNotice() {
  const update = usePos((s) => s.update);
  const bridge = useBridge();
  const install = useCommand<UpdateView>();
  if (!update || update.phase !== 'ready') return null;
  const blocked = update.blockedBy.map((b) => BLOCKED[b]).join(' and ');
  return (
    <div className="update-notice" role="status">
      <span>Update {update.version ?? ''} is ready.</span>
      {blocked ? (
        <span> It will install after {blocked}.</span>
      ) : (
        <button type="button" disabled={install.busy} onClick={() => void install.run(() => bridge.installUpdate({}))}>
          Restart and update
        </button>
      )}
      {install.error && <span role="alert"> {install.error}</span>}
    </div>
  );
}
