import type { SimulatorHandle } from './api';
import { parseCli, USAGE } from './cli-args';
import { startSimulator } from './index';

/** `npm run sim -- …`: a gateway on this machine for demos, training and manual testing. */
async function main(): Promise<void> {
  let choice;
  try {
    choice = parseCli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (choice.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let sim: SimulatorHandle;
  try {
    sim = await startSimulator(choice.options);
  } catch (err) {
    process.stderr.write(`Could not start the simulator: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const terminals = sim.control.terminals();
  if (choice.json) {
    process.stdout.write(
      `${JSON.stringify({ url: sim.url, httpUrl: sim.httpUrl, port: sim.port, posKey: sim.apiKeys.pos, posSecret: sim.apiKeys.posSecret, control: `${sim.httpUrl}/__sim/`, terminals })}\n`,
    );
  } else {
    const lines = [
      'Checkstand gateway simulator (NOT the real Modulus gateway; no real money)',
      `  WebSocket endpoint : ${sim.url}`,
      `  HTTP API           : ${sim.httpUrl}/v1`,
      `  POS API key        : ${sim.apiKeys.pos}`,
      `  POS API secret     : ${sim.apiKeys.posSecret}`,
      `  Control page       : ${sim.httpUrl}/__sim/`,
      '  Terminals:',
      ...terminals.map(
        (t) =>
          `    ${(t.deviceId ?? '(no deviceId)').padEnd(14)} ${t.groupId.padEnd(10)} ${t.status.padEnd(8)} ${t.label ?? ''}${t.deviceId ? '' : `  connectionId ${t.connectionId}`}`,
      ),
      'Press Ctrl+C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (!choice.json) process.stdout.write(`\n${signal}: stopping the simulator…\n`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
