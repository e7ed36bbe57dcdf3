/**
 * A core in its own process, so tests can kill -9 it mid-payment (the journal's promise: "nothing
 * acknowledged is lost across a kill -9"). Usage: child-core.ts <dataDir> <endpoint> <apiKey> <terminalId> <orderRef>
 * Prints `SENT <transactionId>` once the payment is out and delivered, then waits to be killed.
 */
import { createHarness } from './harness';

const [dataDir, endpoint, apiKey, terminalId, orderRef] = process.argv.slice(2) as [string, string, string, string, string];
// No heartbeat: on a loaded machine a late pong would drop the link and turn the payment unknown
// before it is reported; the waits are generous because the parent puts no budget on start-up.
const h = await createHarness({ dataDir, settings: { endpoint, apiKey }, tuning: { pingIntervalMs: 3_600_000, pongTimeoutMs: 3_600_000 } });
const WAIT_MS = 60_000;
await h.waitFor((s) => s.connection.state === 'open' && s.terminals.some((t) => t.id === terminalId && t.payable), WAIT_MS);
const r = await h.core.invoke('startPayment', { terminalId, amountMinor: 4321, currency: 'USD', paymentMethod: 'CARD', orderRef });
if (!r.ok) {
  process.stdout.write(`REFUSED ${r.error.message}\n`);
  process.exit(2);
}
await h.waitFor((s) => s.payments.find((p) => p.transactionId === r.value.transactionId && p.state === 'awaiting_result'), WAIT_MS);
process.stdout.write(`SENT ${r.value.transactionId}\n`);
setInterval(() => undefined, 1_000);
