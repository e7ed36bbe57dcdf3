import { isLoopbackHost } from '../connection/endpoint';

/**
 * The update feed decides what code a till runs next, so it is only ever asked over HTTPS:
 * electron-updater checks a Windows installer's publisher, but on Linux the only check is a
 * sha512 from the same feed, and over plain HTTP anyone on the store's network could serve both.
 * Plain http is allowed on this machine only (a release tester's local server).
 */

export function updateFeedProblem(url: string | undefined): string | undefined {
  if (!url) return 'No update feed is configured in this build (app-update.yml has no url).';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The update feed address in this build is not a valid URL.';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
  return `The update feed must be HTTPS; this build points at ${parsed.protocol}//${parsed.host}, so updates are off. Rebuild with an https:// CHECKSTAND_UPDATE_URL.`;
}

/** The `url:` of electron-builder's app-update.yml (a flat YAML map; no YAML library needed). */
export function feedUrlFromUpdateConfig(yml: string): string | undefined {
  const line = /^url:\s*(.+?)\s*$/m.exec(yml)?.[1];
  return line?.replace(/^(['"])(.*)\1$/, '$2');
}
