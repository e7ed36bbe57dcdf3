import { startSimulator } from '../../../simulator/index';
import type { SimulatorHandle, SimulatorOptions } from '../../../simulator/api';
import type { CoreDeps, CoreTuning, Settings } from '../ports';
import { createHarness, type CoreHarness } from './harness';

/** The real simulator on 127.0.0.1 (port 0) plus a core connected to it. */
export interface SimFixture {
  sim: SimulatorHandle;
  h: CoreHarness;
  close(): Promise<void>;
}

export const FAST_SIM: SimulatorOptions = { defaultDelayMs: 80, gracePeriodMs: 600, paymentTimeoutMs: 3_000 };

export async function startFixture(
  options: {
    sim?: SimulatorOptions;
    settings?: Partial<Settings>;
    tuning?: Partial<CoreTuning>;
    deps?: Partial<CoreDeps>;
    withSecret?: boolean;
    dataDir?: string;
    waitForTerminals?: boolean;
  } = {},
): Promise<SimFixture> {
  const sim = await startSimulator({ ...FAST_SIM, ...options.sim });
  const h = await createHarness({
    settings: { endpoint: sim.url, apiKey: sim.apiKeys.pos, apiSecret: options.withSecret ? sim.apiKeys.posSecret : '', ...options.settings },
    ...(options.tuning ? { tuning: options.tuning } : {}),
    ...(options.deps ? { deps: options.deps } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  if (options.waitForTerminals !== false) {
    await h.waitFor((s) => s.connection.state === 'open' && s.terminals.some((t) => t.id === 'TERM-001' && t.payable));
  }
  return {
    sim,
    h,
    async close() {
      await h.dispose({ keepDir: Boolean(options.dataDir) });
      await sim.close();
    },
  };
}

export async function pay(h: CoreHarness, terminalId: string, orderRef: string, amountMinor = 1234) {
  return h.core.invoke('startPayment', { terminalId, amountMinor, currency: 'USD', paymentMethod: 'CARD', orderRef });
}

export async function payOk(h: CoreHarness, terminalId: string, orderRef: string, amountMinor = 1234): Promise<string> {
  const r = await pay(h, terminalId, orderRef, amountMinor);
  if (!r.ok) throw new Error(`startPayment refused: ${r.error.code} ${r.error.message}`);
  return r.value.transactionId;
}

export function paymentStates(h: CoreHarness, transactionId: string): string[] {
  const out: string[] = [];
  for (const e of h.events) {
    if (e.type === 'payment' && e.payment.transactionId === transactionId && out[out.length - 1] !== e.payment.state) out.push(e.payment.state);
  }
  return out;
}
