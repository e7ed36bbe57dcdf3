/**
 * The host process of the crash run: a real core with a data dir, paying on several terminals
 * until its parent kills it with SIGKILL.
 *   crash-child.ts <dataDir> <endpoint> <apiKey> <apiSecret> <terminals,comma,separated> <orderPrefix> <maxPayments>
 * Protocol on stdout (one line each):
 *   READY                      connected, terminal list synced, recovery of the last run done
 *   JOURNALED <txId> <order>   startPayment resolved: the payment is on disk (fsync) and on the wire
 *   FINAL <txId> <state>       the payment reached a final state
 */
import { FINAL_PAYMENT_STATES } from '../shared/ipc';
import { createHarness } from '../electron/core/testing/harness';
import { CoreObserver } from './core-observer';

const [dataDir, endpoint, apiKey, apiSecret, terminalList, orderPrefix, maxText] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const terminals = terminalList.split(',');
const max = Number(maxText);
const h = await createHarness({
  dataDir,
  settings: { endpoint, apiKey, apiSecret },
  tuning: {
    pingIntervalMs: 500,
    pongTimeoutMs: 300,
    errorWindowMs: 150,
    paymentDeadlineMs: 2_500,
    terminalGraceMs: 400,
    replayWindowMs: 300,
    backoffBaseMs: 30,
    backoffCapMs: 300,
  },
});
const observer = new CoreObserver();
h.core.subscribe(observer.listener);
await h
  .waitFor((s) => s.connection.state === 'open' && terminals.every((id) => s.terminals.some((t) => t.id === id && t.payable)), 30_000)
  .catch(() => undefined);
process.stdout.write('READY\n');

let next = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function worker(terminalId: string): Promise<void> {
  let n: number | undefined;
  for (;;) {
    if (n === undefined) {
      if (next >= max) return;
      n = next++;
    }
    const orderRef = `${orderPrefix}-${n}`;
    const r = await h.core.invoke('startPayment', { terminalId, amountMinor: 1_000 + n, currency: 'USD', paymentMethod: 'CARD', orderRef });
    if (!r.ok) {
      // Busy with a payment restored from the last run, or offline: the cashier asks the gateway.
      const open = (await h.snapshot()).payments.find((p) => p.terminalId === terminalId && !FINAL_PAYMENT_STATES.includes(p.state));
      if (open?.state === 'unknown') await h.core.invoke('checkPaymentNow', { transactionId: open.transactionId });
      await sleep(50);
      continue;
    }
    n = undefined;
    const id = r.value.transactionId;
    process.stdout.write(`JOURNALED ${id} ${orderRef}\n`);
    const final = await observer
      .waitFor(
        () => {
          const p = observer.payments.get(id);
          return p && FINAL_PAYMENT_STATES.includes(p.state) ? p : undefined;
        },
        10_000,
        id,
      )
      .catch(() => undefined);
    if (final) process.stdout.write(`FINAL ${id} ${final.state}\n`);
    else if (observer.payments.get(id)?.state === 'unknown') await h.core.invoke('checkPaymentNow', { transactionId: id });
  }
}
await Promise.all(terminals.map((t) => worker(t)));
await h.dispose({ keepDir: true });
process.stdout.write('DONE\n');
process.exit(0);
