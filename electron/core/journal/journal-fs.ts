import fs from 'node:fs';

/**
 * The file operations the journal uses, injectable (money-truth rule 8): tests pass a file API that
 * fails the way a real disk does (ENOSPC, EIO, EACCES) or that records every write and fsync, so
 * "the record is durable before the frame is sent" is observable rather than assumed.
 */
export type JournalFs = Pick<
  typeof fs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'fstatSync'
  | 'readSync'
  | 'mkdirSync'
  | 'chmodSync'
  | 'readFileSync'
  | 'readdirSync'
  | 'existsSync'
  | 'writeFileSync'
  | 'renameSync'
  | 'unlinkSync'
>;

export const nodeJournalFs: JournalFs = fs;

/** The journal folder is this user's business only (shell: secrets stay secret); files are 0600. */
export const JOURNAL_DIR_MODE = 0o700;
export const JOURNAL_FILE_MODE = 0o600;

/** A plain-language reason for a failed journal write, from the errno code the OS gave. */
export function journalFailureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk full';
    case 'EIO':
      return 'disk error';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write the journal folder';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return code ? `write failed (${code})` : 'write failed';
  }
}
