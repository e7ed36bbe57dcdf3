import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../../../shared/ipc';
import type { AppInfo } from '../../../shared/ipc';
import type { DiagnosticLogger, SettingsService } from '../ports';

/**
 * The parts of Diagnostics meant for store IT and support: the crash dumps Electron left in the
 * data directory, and the "Copy for support" bundle — versions, settings with the key and secret
 * reduced to "set"/"not set", and the last log lines (already redacted by the logger).
 */
const LOG_TAIL_LINES = 100;
const MAX_DUMPS = 20;

export function supportInfo(deps: {
  appInfo: AppInfo;
  settings: Pick<SettingsService, 'view'>;
  logger: DiagnosticLogger;
  crashDumpDir?: string;
}): Pick<Diagnostics, 'crashDumpDir' | 'crashDumps' | 'support'> {
  const { apiKey, apiSecret, lockedFields, ...plain } = deps.settings.view();
  return {
    ...(deps.crashDumpDir ? { crashDumpDir: deps.crashDumpDir, crashDumps: listCrashDumps(deps.crashDumpDir) } : {}),
    support: {
      versions: {
        app: deps.appInfo.version,
        host: deps.appInfo.host,
        ...definedOnly({ electron: process.versions.electron, chrome: process.versions.chrome }),
        node: process.versions.node,
        platform: process.platform,
        arch: process.arch,
      },
      settings: { ...plain, apiKey: apiKey.set ? 'set' : 'not set', apiSecret: apiSecret.set ? 'set' : 'not set', lockedFields },
      logTail: deps.logger.recentLines().slice(-LOG_TAIL_LINES),
    },
  };
}

/** Crashpad keeps dumps in sub-folders ("completed", "pending", "reports"): every *.dmp, newest first. */
export function listCrashDumps(dir: string): NonNullable<Diagnostics['crashDumps']> {
  let names: string[];
  try {
    names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.dmp'))
    .flatMap((name) => {
      try {
        const stat = fs.statSync(path.join(dir, name));
        return stat.isFile() ? [{ file: name, bytes: stat.size, at: stat.mtimeMs }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_DUMPS);
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}
