import fs from 'node:fs';
import path from 'node:path';
import type { Clock, DiagnosticLogger, RecentError } from '../ports';
import { createLogMemory, type LogLevel } from './log-memory';
import { redact } from './redact';

export type { RecentError };

/**
 * The audit and diagnostics log: JSON lines, rotated by size, redacted before anything is
 * written. Writes are synchronous appends: an audit line about a cashier decision must not be
 * lost to a crash a moment later, and the volume is tiny (a few lines a minute).
 * The folder is 0700 and every file 0600: lines name order references and authorisation codes.
 */
export interface FileLoggerOptions {
  dir: string;
  clock: Clock;
  /** Current secret values to mask inside strings (read on every write: settings can change). */
  secrets: () => readonly string[];
  maxBytes?: number;
  maxFiles?: number;
  /** Also print to stderr (development). */
  echo?: boolean;
}

export interface FileLogger extends DiagnosticLogger {
  readonly file: string;
}

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const file = path.join(options.dir, 'checkstand.log');
  const memory = createLogMemory();
  let size = -1;

  function rotate(): void {
    for (let i = maxFiles - 1; i >= 1; i -= 1) {
      const from = i === 1 ? file : `${file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
    }
    size = 0;
  }

  /** First write: make the folder, and tighten a folder or log an older version left readable. */
  function open(): void {
    fs.mkdirSync(options.dir, { recursive: true, mode: DIR_MODE });
    fs.chmodSync(options.dir, DIR_MODE);
    size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (size > 0) fs.chmodSync(file, FILE_MODE);
  }

  function write(level: LogLevel, event: string, fields?: Record<string, unknown>): void {
    const at = options.clock.now();
    const safe = redact({ at: new Date(at).toISOString(), level, event, ...fields }, options.secrets()) as Record<string, unknown>;
    memory.record(level, at, safe);
    const line = `${JSON.stringify(safe)}\n`;
    try {
      if (size < 0) open();
      if (size + line.length > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: FILE_MODE });
      size += Buffer.byteLength(line);
      if (options.echo) process.stderr.write(line);
    } catch {
      // A full disk must not take the till down; the journal (money) has its own error path.
    }
  }

  return {
    file,
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    recentErrors: memory.recentErrors,
    recentLines: memory.recentLines,
  };
}

/** For tests and benchmarks: keeps lines in memory, still redacted. */
export function createMemoryLogger(secrets: () => readonly string[] = () => []): DiagnosticLogger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const memory = createLogMemory();
  const push = (level: LogLevel) => (event: string, fields?: Record<string, unknown>) => {
    const line = redact({ level, event, ...fields }, secrets()) as Record<string, unknown>;
    memory.record(level, Date.now(), line);
    lines.push(line);
    if (lines.length > 5000) lines.splice(0, 1000);
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error'), recentErrors: memory.recentErrors, recentLines: memory.recentLines };
}
