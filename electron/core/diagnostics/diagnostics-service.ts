import path from 'node:path';
import type { AppInfo, Diagnostics } from '../../../shared/ipc';
import type { GatewayConnection } from '../connection/gateway-connection';
import type { BadLine } from '../journal/journal';
import type { JournalGuard } from '../journal/journal-guard';
import { supportInfo } from '../log/support-info';
import type { PaymentPauses } from '../payment-pauses';
import type { Clock, DiagnosticLogger, RecentError, SettingsService, UpdateService } from '../ports';

/** What Diagnostics keeps besides the log: the last 20 problems a cashier should hear about. */
const RECENT_ERRORS_KEPT = 20;

export interface DiagnosticsDeps {
  clock: Clock;
  logger: DiagnosticLogger;
  appInfo: AppInfo;
  settings: SettingsService;
  connection: GatewayConnection;
  journalGuard: JournalGuard;
  pauses: PaymentPauses;
  updates?: UpdateService;
  crashDumpDir?: string;
}

/** The Diagnostics screen: link, journal, pauses, update errors and the recent problems. */
export class DiagnosticsService {
  private readonly recentErrors: RecentError[] = [];
  private journalBadLines: BadLine[] = [];

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** A problem that is not a log warning of its own (a refused frame, a failed auto-print…). */
  noteError(message: string): void {
    this.recentErrors.push({ at: this.deps.clock.now(), message });
    if (this.recentErrors.length > RECENT_ERRORS_KEPT) this.recentErrors.shift();
  }

  /** Journal lines the replay skipped: logged, noted and listed until the next start. */
  noteBadLines(badLines: BadLine[]): void {
    this.journalBadLines = badLines;
    for (const bad of badLines) {
      const file = path.basename(bad.file);
      this.deps.logger.warn('journal.bad_line', { file, line: bad.line, torn: bad.torn, ...(bad.reason ? { reason: bad.reason } : {}) });
      this.noteError(
        bad.torn
          ? `Journal ${file}: the last line was torn by a crash and was skipped`
          : `Journal ${file} line ${bad.line} is ${bad.reason ? 'not a valid record' : 'unreadable'} and was skipped`,
      );
    }
  }

  report(): Diagnostics {
    const { connection, logger, appInfo, updates } = this.deps;
    const c = connection.view();
    const update = updates?.view();
    return {
      connectionState: c.state,
      endpoint: c.endpoint,
      ...(c.lastPongRttMs !== undefined ? { lastPongRttMs: c.lastPongRttMs } : {}),
      reconnectsToday: c.reconnectsToday,
      appVersion: appInfo.version,
      logDir: appInfo.logDir,
      journalDir: appInfo.journalDir,
      ...(update?.phase === 'error' && update.message ? { updateError: update.message } : {}),
      recentErrors: [...logger.recentErrors(), ...this.recentErrors].sort((a, b) => a.at - b.at).slice(-RECENT_ERRORS_KEPT),
      ...supportInfo({ appInfo, settings: this.deps.settings, logger, ...(this.deps.crashDumpDir ? { crashDumpDir: this.deps.crashDumpDir } : {}) }),
      journal: { ...this.deps.journalGuard.health(), badLines: this.journalBadLines.map((b) => ({ ...b, file: path.basename(b.file) })) },
      paused: this.deps.pauses.current(),
    };
  }
}
