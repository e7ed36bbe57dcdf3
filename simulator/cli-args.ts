import { parseArgs } from 'node:util';
import type { ScriptOutcome, SimulatorOptions } from './api';
import { loadConfigFile } from './registry';

export const USAGE = `Usage: npm run sim -- [options]

  --port <n>                 port (default 4010; 0 = any free port)
  --host <addr>              listen address (default 127.0.0.1)
  --config <file.json>       key registry ({"keys":{"<apiKey>":{role,groupId,deviceId?,apiSecret?,metadata?,autoConnect?}}})
  --grace-ms <n>             terminal reconnect grace period (default 60000)
  --payment-timeout-ms <n>   payment timeout (default 90000)
  --timeout-mode <m>         silent | failed (default silent, OQ-5)
  --delay-ms <n>             virtual terminal answer delay (default 1500)
  --outcome <o>              default virtual terminal outcome (default SUCCESS; MANUAL = wait for the control page)
  --no-replay                do not replay undelivered pushes on reconnect (OQ-15)
  --max-payload <bytes>      largest accepted frame (default 65536)
  --idle-timeout-ms <n>      close idle POS connections (default off)
  --max-lifetime-ms <n>      maximum POS connection lifetime (default off; e.g. 7200000)
  --log <file|stdout>        JSON-lines frame log, keys redacted (default off)
  --json                     print the startup summary as one JSON line
  --help                     this text`;

const OUTCOMES: ScriptOutcome[] = ['SUCCESS', 'FAILED', 'CANCELLED', 'PENDING_THEN_SUCCESS', 'NO_RESPONSE', 'DROP_MID_PAYMENT', 'MANUAL'];

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

export interface CliChoice {
  help: boolean;
  json: boolean;
  options: SimulatorOptions;
}

/** Parses the command line into startSimulator options; throws a readable error on bad input. */
export function parseCli(argv: string[]): CliChoice {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'grace-ms': { type: 'string' },
      'payment-timeout-ms': { type: 'string' },
      'timeout-mode': { type: 'string' },
      'delay-ms': { type: 'string' },
      outcome: { type: 'string' },
      'no-replay': { type: 'boolean' },
      'max-payload': { type: 'string' },
      'idle-timeout-ms': { type: 'string' },
      'max-lifetime-ms': { type: 'string' },
      log: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const mode = values['timeout-mode'];
  if (mode !== undefined && mode !== 'silent' && mode !== 'failed') throw new Error('--timeout-mode must be silent or failed');
  const outcome = values.outcome;
  if (outcome !== undefined && !OUTCOMES.includes(outcome as ScriptOutcome)) throw new Error(`--outcome must be one of ${OUTCOMES.join(', ')}`);
  const options: SimulatorOptions = {
    port: int('port', values.port) ?? 4010,
    ...(values.host ? { host: values.host } : {}),
    ...(values.config ? { config: loadConfigFile(values.config) } : {}),
    ...(values.log ? { log: values.log } : {}),
    ...(mode ? { paymentTimeoutMode: mode } : {}),
    ...(outcome ? { defaultOutcome: outcome as ScriptOutcome } : {}),
    ...(values['no-replay'] ? { replayOnReconnect: false } : {}),
  };
  const numbers: [keyof SimulatorOptions, string][] = [
    ['gracePeriodMs', 'grace-ms'],
    ['paymentTimeoutMs', 'payment-timeout-ms'],
    ['defaultDelayMs', 'delay-ms'],
    ['maxPayloadBytes', 'max-payload'],
    ['idleTimeoutMs', 'idle-timeout-ms'],
    ['maxConnectionLifetimeMs', 'max-lifetime-ms'],
  ];
  for (const [key, flag] of numbers) {
    const n = int(flag, values[flag as keyof typeof values] as string | undefined);
    if (n !== undefined) (options as Record<string, unknown>)[key] = n;
  }
  return { help: values.help ?? false, json: values.json ?? false, options };
}
