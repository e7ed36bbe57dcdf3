import type { PosBridge } from '../../shared/ipc';
import type { RendererBridge } from './types';
import { bridgeUrl, createWsBridge } from './ws-bridge-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload: exactly the PosBridge functions. */
    checkstand?: PosBridge;
  }
}

const TOKEN_KEY = 'checkstand.bridgeToken';

/** The per-launch token of the browser host: from `?token=` first, then from this tab's session. */
export function readBridgeToken(location: Pick<Location, 'search'>, storage: Storage | undefined): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    try {
      storage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the URL still works for this load.
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export type BridgeChoice = { kind: 'ready'; bridge: RendererBridge } | { kind: 'no-token' };

let cached: BridgeChoice | undefined;

/**
 * The one place the renderer gets its bridge: Electron's preload if present, otherwise the
 * browser host's WebSocket bridge (which needs the token printed by `npm start`).
 */
export function getBridge(): BridgeChoice {
  if (cached) return cached;
  if (window.checkstand) {
    cached = { kind: 'ready', bridge: window.checkstand };
    return cached;
  }
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const token = readBridgeToken(window.location, storage);
  if (!token) return { kind: 'no-token' };
  if (new URLSearchParams(window.location.search).has('token')) {
    // Kept in sessionStorage now; off the address bar so it is not in screenshots or history.
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }
  cached = { kind: 'ready', bridge: createWsBridge({ url: bridgeUrl(window.location, token) }) };
  return cached;
}
