import fs from 'node:fs';
import type { JournalFs } from '../journal/journal-fs';

/**
 * A journal file API over the real node:fs that can be told to fail the way a real disk does
 * (the same `code`, `errno` and `syscall` as Node's own errors), and that records every write
 * and fsync per file, so tests can see whether a record was durable at a given moment.
 */
const ERRNO: Record<string, { errno: number; text: string }> = {
  ENOSPC: { errno: -28, text: 'no space left on device' },
  EIO: { errno: -5, text: 'i/o error' },
  EACCES: { errno: -13, text: 'permission denied' },
};

export type FailCode = keyof typeof ERRNO;

export function diskError(code: FailCode, syscall: string): NodeJS.ErrnoException {
  const e = ERRNO[code]!;
  return Object.assign(new Error(`${code}: ${e.text}, ${syscall}`), { code, errno: e.errno, syscall });
}

export interface RecordingFs extends JournalFs {
  /** Make writes (and opens for writing) fail with this code from now on; undefined = heal. */
  failWith(code: FailCode | undefined): void;
  /** Operations in order: "open <file>", "write <file>", "fsync <file>", "close <file>". */
  readonly ops: string[];
  /** Files with bytes written since their last fsync. */
  unsynced(): string[];
}

export function recordingFs(): RecordingFs {
  let failing: FailCode | undefined;
  const ops: string[] = [];
  const fdFile = new Map<number, string>();
  const dirty = new Set<string>();
  const name = (fd: number) => fdFile.get(fd) ?? `fd${fd}`;
  const api = {
    ...fs,
    openSync: ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (failing && flags !== 'r') throw diskError(failing, 'open');
      const fd = fs.openSync(file, flags ?? 'r', mode);
      fdFile.set(fd, String(file));
      ops.push(`open ${String(file)}`);
      return fd;
    }) as typeof fs.openSync,
    writeSync: ((fd: number, ...rest: unknown[]) => {
      if (failing) throw diskError(failing, 'write');
      const n = (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
      ops.push(`write ${name(fd)}`);
      dirty.add(name(fd));
      return n;
    }) as typeof fs.writeSync,
    fsyncSync: (fd: number) => {
      if (failing) throw diskError(failing, 'fsync');
      fs.fsyncSync(fd);
      ops.push(`fsync ${name(fd)}`);
      dirty.delete(name(fd));
    },
    closeSync: (fd: number) => {
      fs.closeSync(fd);
      ops.push(`close ${name(fd)}`);
      fdFile.delete(fd);
    },
    writeFileSync: ((file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
      if (failing) throw diskError(failing, 'open');
      fs.writeFileSync(file, data, options);
    }) as typeof fs.writeFileSync,
  };
  return Object.assign(api, {
    failWith(code: FailCode | undefined) {
      failing = code;
    },
    ops,
    unsynced: () => [...dirty],
  }) as RecordingFs;
}
