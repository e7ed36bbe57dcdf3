import type { Clock, DiagnosticLogger, Logger, RecentError } from '../ports';
import { redact } from './redact';

/**
 * What Diagnostics shows of the log: the last warnings and errors ("Recent errors") and the last
 * lines of every level (the "copy for support" bundle). It holds lines already redacted; the
 * logger that feeds it is created in one place (electron/host/compose.ts), so a line logged by
 * the core, the settings store or a host adapter lands here alike.
 */
export interface LogMemory {
  record(level: LogLevel, at: number, line: Record<string, unknown>): void;
  recentErrors(): RecentError[];
  recentLines(): string[];
}

export type LogLevel = 'info' | 'warn' | 'error';

const MAX_ERRORS = 20;
const MAX_LINES = 200;
/** The field that says what went wrong, in the order the code base names it. */
const DETAIL_FIELDS = ['message', 'problem', 'reason', 'details'];

export function createLogMemory(): LogMemory {
  const errors: RecentError[] = [];
  const lines: string[] = [];
  return {
    record(level, at, line) {
      lines.push(JSON.stringify(line));
      if (lines.length > MAX_LINES) lines.shift();
      if (level === 'info') return;
      const event = String(line.event);
      const detail = DETAIL_FIELDS.map((f) => line[f]).find((v) => typeof v === 'string' && v !== '');
      errors.push({ at, message: detail === undefined ? event : `${event}: ${String(detail)}` });
      if (errors.length > MAX_ERRORS) errors.shift();
    },
    recentErrors: () => [...errors],
    recentLines: () => [...lines],
  };
}

/** A logger a host or test brought, with every line also remembered (redacted) for Diagnostics. */
export function rememberingLogger(inner: Logger, options: { clock: Clock; secrets: () => readonly string[]; memory?: LogMemory }): DiagnosticLogger {
  const memory = options.memory ?? createLogMemory();
  const write = (level: LogLevel) => (event: string, fields?: Record<string, unknown>) => {
    const at = options.clock.now();
    memory.record(level, at, redact({ at: new Date(at).toISOString(), level, event, ...fields }, options.secrets()) as Record<string, unknown>);
    inner[level](event, fields);
  };
  return { info: write('info'), warn: write('warn'), error: write('error'), recentErrors: memory.recentErrors, recentLines: memory.recentLines };
}
