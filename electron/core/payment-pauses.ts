import type { PaymentsPause } from '../../shared/ipc';
import type { JournalGuard, JournalHealth } from './journal/journal-guard';
import { msg, type Msg } from '../../shared/i18n/message';
import { english } from './i18n/english';
import type { GatewaySettingProblem, SettingsService } from './ports';
import { sourceMsgOf } from './settings/setting-sources';

/**
 * What blocks payments besides the link (money-truth rules 1 and 8), as the sentences the red
 * banner, Diagnostics and the Pay refusal show. One place, so every screen says the same.
 */
const FIELD_NAMES: Record<string, string> = {
  endpoint: 'the gateway address',
  apiKey: 'the API key',
  apiSecret: 'the API secret',
  groupId: 'the group id',
};

export function settingsPauses(problems: readonly GatewaySettingProblem[]): PaymentsPause[] {
  return problems.map((p) => {
    const sourceMsg = p.sourceMsg ?? sourceMsgOf(p.source);
    const kind = sourceMsg.key.replace('services.settings.source_', '');
    // One sentence per field and source (no ICU select: RTL isolates the values it would compare).
    // A whole file that could not be used (provisioning, damaged settings) has no single field.
    const what = FIELD_NAMES[p.field] ? p.field : 'source';
    const messageMsg: Msg = msg(`services.settings.pause_${what}_${kind}`, { field: p.field, ...(sourceMsg.values ?? {}) });
    return {
      kind: 'settings',
      field: p.field,
      source: p.source,
      problem: p.problem,
      message: `${english(messageMsg)} ${p.problem}`,
      messageMsg,
      sourceMsg,
      ...(p.problemMsg ? { problemMsg: p.problemMsg } : {}),
    };
  });
}

export function journalPause(health: JournalHealth): PaymentsPause | undefined {
  if (health.writable) return undefined;
  return {
    kind: 'journal',
    message: `Payments paused — the journal cannot be written (${health.reason ?? 'write failed'}). The till keeps trying; payments already taken are kept in memory until it can.`,
  };
}

/** Everything that blocks payments right now, from the settings and the journal's health. */
export class PaymentPauses {
  constructor(
    private readonly settings: Pick<SettingsService, 'gatewayProblems'>,
    private readonly journalGuard: Pick<JournalGuard, 'health'>,
  ) {}

  gatewayProblems(): GatewaySettingProblem[] {
    return this.settings.gatewayProblems?.() ?? [];
  }

  current(): PaymentsPause[] {
    const journalBlock = journalPause(this.journalGuard.health());
    return [...settingsPauses(this.gatewayProblems()), ...(journalBlock ? [journalBlock] : [])];
  }
}
