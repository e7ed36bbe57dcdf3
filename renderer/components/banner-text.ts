import type { ConnectionView, PaymentsPause } from '../../shared/ipc';
import type { Translator } from '../../shared/i18n/translator';
import { joinSentencesIn } from '../format/sentences';
import { secondsLeft } from '../format/time';
import type { Tone } from './StatusIcon';
import { pauseWords } from '../format/pause';

export interface BannerText {
  tone: Tone;
  title: string;
  detail?: string;
  action?: 'reconnect' | 'reconnectHere' | 'settings';
}

export interface BannerState {
  connection: ConnectionView | null;
  bridgeLinked: boolean;
  synced: boolean;
  paused: PaymentsPause[];
  /** Settings store IT provisioned: the cashier cannot fix those in Settings. */
  locked?: readonly string[] | undefined;
}

/**
 * The banner's words: can a card be taken right now, and if not, why and what to do. `msLeft`
 * tells the time left until a moment the main process sent (useTimeLeft).
 */
export function bannerText({ connection, bridgeLinked, synced, paused, locked }: BannerState, msLeft: (at: number) => number, t: Translator): BannerText {
  if (!bridgeLinked) return { tone: 'bad', title: t.t('common.banner.appLost.title'), detail: t.t('common.banner.appLost.detail') };
  if (synced && paused.length > 0) {
    // Rules 1 and 8 outrank the link: a bad setting or an unwritable journal blocks every payment.
    const settings = paused.find((p) => p.kind === 'settings');
    const detail = joinSentencesIn(t.language, ...paused.map((p) => pauseWords(t, p)));
    return settings
      ? { tone: 'bad', title: t.t('common.banner.badSetting.title'), detail, action: 'settings' }
      : { tone: 'bad', title: t.t('common.banner.journal.title'), detail };
  }
  if (!connection || !synced) return { tone: 'busy', title: t.t('common.banner.starting'), detail: t.t('common.loading.detail') };
  return linkText(connection, msLeft, locked ?? [], t);
}

function linkText(connection: ConnectionView, msLeft: (at: number) => number, locked: readonly string[], t: Translator): BannerText {
  const join = (...parts: (string | undefined)[]) => joinSentencesIn(t.language, ...parts);
  const reason = t.say(connection.reasonMsg, connection.reason);
  switch (connection.state) {
    case 'open':
      return {
        tone: 'ok',
        title: t.t('common.banner.online.title'),
        detail: connection.lastPongRttMs !== undefined ? t.t('common.banner.online.rtt', { ms: t.number(Math.round(connection.lastPongRttMs)) }) : undefined,
      };
    case 'connecting':
    case 'backoff': {
      const wait = connection.nextRetryAt !== undefined ? secondsLeft(msLeft(connection.nextRetryAt)) : undefined;
      return {
        tone: 'warn',
        // Attempt 0 is the first connection of this run, not a reconnection.
        title: connection.attempt > 0 ? t.t('common.banner.reconnecting.title', { attempt: connection.attempt }) : t.t('common.banner.connecting.title'),
        detail:
          connection.state === 'connecting' || wait === undefined || wait === 0
            ? t.t('common.banner.reconnecting.now')
            : t.t('common.banner.reconnecting.next', { seconds: wait }),
        action: 'reconnect',
      };
    }
    case 'displaced':
      return { tone: 'bad', title: t.t('common.banner.displaced.title'), detail: t.t('common.banner.displaced.detail'), action: 'reconnectHere' };
    case 'auth_failed': {
      const byIt = locked.includes('apiKey');
      return {
        tone: 'bad',
        title: t.t('common.banner.auth.title'),
        detail: join(reason, byIt ? t.t('common.banner.callIt.apiKey') : t.t('common.banner.auth.checkKey'), t.t('common.banner.blocked')),
        ...(byIt ? {} : { action: 'settings' as const }),
      };
    }
    case 'idle':
    case 'stopped':
    default: {
      // A setting store IT set up cannot be fixed at the till: the cashier calls whoever set it up.
      const byIt = locked.includes('endpoint');
      const fix = byIt ? t.t('common.banner.callIt.endpoint') : connection.endpoint ? undefined : t.t('common.banner.openSettingsSentence');
      return {
        tone: 'bad',
        title: t.t('common.banner.offline.title'),
        detail: join(reason || (connection.endpoint ? t.t('common.banner.offline.notConnected') : t.t('common.banner.offline.noGateway')), fix),
        ...(connection.endpoint ? { action: 'reconnect' as const } : byIt ? {} : { action: 'settings' as const }),
      };
    }
  }
}
