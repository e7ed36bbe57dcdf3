import type { PowerMonitor } from 'electron';
import type { Clock, PosCore } from '../../core/ports';
import { systemClock } from '../../core/ports';

/**
 * After sleep or a network change the gateway socket may be dead without knowing it; waiting for
 * the next heartbeat to notice would leave the cashier looking at "online" terminals that are not.
 * Electron has no network-change event in main, so `net.isOnline()` is sampled.
 */
export interface PowerWatchDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  isOnline: () => boolean;
  core: Pick<PosCore, 'checkNow'>;
  clock?: Clock;
  pollMs?: number;
}

export function watchPowerAndNetwork(deps: PowerWatchDeps): () => void {
  const clock = deps.clock ?? systemClock;
  const pollMs = deps.pollMs ?? 3_000;
  const check = () => deps.core.checkNow();
  deps.powerMonitor.on('resume', check);
  deps.powerMonitor.on('unlock-screen', check);

  let online = deps.isOnline();
  let timer = clock.setTimeout(function poll() {
    const now = deps.isOnline();
    if (now !== online) {
      online = now;
      check();
    }
    timer = clock.setTimeout(poll, pollMs);
  }, pollMs);

  return () => {
    clock.clearTimeout(timer);
    deps.powerMonitor.removeListener('resume', check);
    deps.powerMonitor.removeListener('unlock-screen', check);
  };
}
