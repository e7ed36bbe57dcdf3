import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Logger } from '../ports';
import { redact } from './redact';

/**
 * The audit and diagnostics log (issue item 8): JSON lines, rotated by size, redacted before
 * anything is written. Writes are synchronous appends: an audit line about a cashier decision
 * must not be lost to a crash a moment later, and the volume is tiny (a few lines a minute).
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

export interface RecentError {
  at: number;
  message: string;
}

export interface FileLogger extends Logger {
  readonly file: string;
  recentErrors(): RecentError[];
}

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const file = path.join(options.dir, 'checkstand.log');
  const recent: RecentError[] = [];
  let size = -1;

  function rotate(): void {
    for (let i = maxFiles - 1; i >= 1; i -= 1) {
      const from = i === 1 ? file : `${file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
    }
    size = 0;
  }

  function write(level: 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>): void {
    const at = options.clock.now();
    const safe = redact({ at: new Date(at).toISOString(), level, event, ...fields }, options.secrets());
    const line = `${JSON.stringify(safe)}\n`;
    if (level !== 'info') {
      const message = typeof (safe as Record<string, unknown>).message === 'string' ? `${event}: ${(safe as Record<string, string>).message}` : event;
      recent.push({ at, message });
      if (recent.length > 20) recent.shift();
    }
    try {
      if (size < 0) {
        fs.mkdirSync(options.dir, { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      if (size + line.length > maxBytes) rotate();
      fs.appendFileSync(file, line);
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
    recentErrors: () => [...recent],
  };
}

/** For tests and benchmarks: keeps lines in memory, still redacted. */
export function createMemoryLogger(secrets: () => readonly string[] = () => []): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const push = (level: string) => (event: string, fields?: Record<string, unknown>) => {
    lines.push(redact({ level, event, ...fields }, secrets()) as Record<string, unknown>);
    if (lines.length > 5000) lines.splice(0, 1000);
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
