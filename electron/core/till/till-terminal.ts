import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger, SettingsService } from '../ports';
import { writeFileAtomic } from '../settings/atomic-write';

/** The till's own small state (not a setting: nobody types it), next to the journal in the data dir. */
export const TILL_STATE_FILE = 'till-state.json';

const TillState = z.object({ lastTerminalId: z.string().max(200) });

/**
 * "This till's terminal" (till: a sale in five keys): the one the store set for this register
 * (Settings, provisioning or CHECKSTAND_TILL_TERMINAL), else the last terminal a card payment was
 * started on. The last one is kept in the core's data dir, so a restarted till opens with its
 * terminal chosen; the renderer's memory would not survive a new host or a cleared profile.
 */
export class TillTerminal {
  private lastTerminalId = '';
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly settings: SettingsService,
    private readonly logger: Logger,
  ) {
    this.file = path.join(dataDir, TILL_STATE_FILE);
    this.lastTerminalId = this.load();
  }

  /** The terminal the checkout should open with; '' when none is known yet. */
  current(): string {
    return this.settings.current().tillTerminal || this.lastTerminalId;
  }

  /** A card payment was started on this terminal: remember it (written in the background, in order). */
  noteUsed(terminalId: string): void {
    if (terminalId === this.lastTerminalId) return;
    this.lastTerminalId = terminalId;
    const contents = `${JSON.stringify({ lastTerminalId: terminalId })}\n`;
    this.writing = this.writing
      .then(() => writeFileAtomic(this.file, contents))
      .catch((err: unknown) => this.logger.warn('till.state_not_saved', { message: String(err) }));
  }

  /** Resolves when the last remembered terminal is on disk (tests, and a clean stop). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private load(): string {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return ''; // first start: no terminal used yet
    }
    try {
      return TillState.parse(JSON.parse(text)).lastTerminalId;
    } catch (err) {
      // Only a convenience is lost: the cashier chooses the terminal once more.
      this.logger.warn('till.state_unreadable', { file: this.file, message: String(err) });
      return '';
    }
  }
}
