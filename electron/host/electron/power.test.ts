import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../core/ports';
import { watchPowerAndNetwork } from './power';

function manualClock(): Clock & { tick(): void } {
  let pending: (() => void) | undefined;
  return {
    now: () => 0,
    elapsed: () => 0,
    setTimeout: (fn) => {
      pending = fn;
      return {};
    },
    clearTimeout: () => {
      pending = undefined;
    },
    tick: () => pending?.(),
  };
}

describe('power and network watch', () => {
  it('checks the connection on resume and when the network comes or goes', () => {
    const powerMonitor = new EventEmitter();
    const core = { checkNow: vi.fn() };
    let online = true;
    const clock = manualClock();
    const stop = watchPowerAndNetwork({ powerMonitor: powerMonitor as never, isOnline: () => online, core, clock });
    powerMonitor.emit('resume');
    expect(core.checkNow).toHaveBeenCalledTimes(1);
    clock.tick();
    expect(core.checkNow).toHaveBeenCalledTimes(1);
    online = false;
    clock.tick();
    online = true;
    clock.tick();
    expect(core.checkNow).toHaveBeenCalledTimes(3);
    stop();
    powerMonitor.emit('resume');
    expect(core.checkNow).toHaveBeenCalledTimes(3);
  });
});
