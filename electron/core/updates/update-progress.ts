import type { UpdateView } from '../../../shared/ipc';
import { msg, type Msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import type { Logger } from '../ports';
import type { UpdaterEvent } from './updater-port';

/** What electron-updater has told us so far: checking, downloading, ready, failed. */
export class UpdateProgress {
  phase: Exclude<UpdateView['phase'], 'disabled'> = 'idle';
  version: string | undefined;
  percent: number | undefined;
  /** What the cashier reads about the update, as a code (its English fills `message`). */
  message: Msg | undefined;
  lastError: string | undefined;
  /** A downloaded update waits; survives later check errors (the download is still on disk). */
  readyVersion: string | undefined;

  constructor(private readonly logger: Logger) {}

  /** `blockedBy` is asked only when an update is ready (it asks the core whether the till is busy). */
  view(blockedBy: () => UpdateView['blockedBy']): UpdateView {
    const v: UpdateView = { phase: this.phase, blockedBy: this.phase === 'ready' ? blockedBy() : [] };
    if (this.version !== undefined) v.version = this.version;
    if (this.percent !== undefined && this.phase === 'downloading') v.percent = this.percent;
    if (this.message !== undefined) Object.assign(v, said(this.message));
    return v;
  }

  apply(event: UpdaterEvent): void {
    switch (event.type) {
      case 'checking':
        if (this.readyVersion === undefined) this.set('checking', this.version);
        return;
      case 'not-available':
        if (this.readyVersion === undefined) this.set('idle', undefined);
        return;
      case 'available':
        if (this.readyVersion !== event.version) this.set('available', event.version, 0);
        return;
      case 'progress':
        if (this.phase === 'available' || this.phase === 'downloading') {
          this.phase = 'downloading';
          this.percent = Math.max(0, Math.min(100, Math.round(event.percent)));
        }
        return;
      case 'downloaded':
        this.readyVersion = event.version;
        this.set('ready', event.version, undefined);
        this.logger.info('update.ready', { version: event.version });
        return;
      case 'error':
        this.fail(event.message);
        return;
    }
  }

  fail(text: string): void {
    this.lastError = text;
    this.logger.error('update.error', { message: text });
    if (this.readyVersion !== undefined) {
      // The downloaded update is still good: stay ready, keep the error for diagnostics.
      this.phase = 'ready';
      this.version = this.readyVersion;
      this.message = msg('core.update.ready_later_check_failed', { version: this.readyVersion, problem: text });
    } else {
      this.phase = 'error';
      this.percent = undefined;
      this.message = msg('core.update.check_failed', { problem: text });
    }
  }

  /** A new phase clears the message; `percent` is left alone unless given. */
  private set(phase: UpdateProgress['phase'], version: string | undefined, ...percent: [number | undefined] | []): void {
    this.phase = phase;
    this.version = version;
    this.message = undefined;
    if (percent.length > 0) this.percent = percent[0];
  }
}

/** An update message for the view: its English (logs, older renderers) and its code (the screens). */
export function said(m: Msg): Pick<UpdateView, 'message' | 'messageMsg'> {
  return { message: english(m), messageMsg: m };
}
