import type { GatewaySettingProblem, Settings } from '../ports';
import type { SettingsField } from './schema';
import { fieldError } from './setting-sources';

/**
 * Settings keep their keys honest: an API key and secret belong to the gateway server they were
 * entered for. "Server" is scheme + host + port (the URL's origin): a listener on another port of
 * the same host is another program, and ws:// vs wss:// on one host:port is not the same service
 * either, so both count as a change; a new path on the same origin is the same server (the vendor
 * versions its API by path) and keeps the key. Host case and a default port (:443) do not count.
 */
export function gatewayServer(endpoint: string): string {
  if (endpoint === '') return '';
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}`;
  } catch {
    return endpoint;
  }
}

export function sameGatewayServer(a: string, b: string): boolean {
  return a !== '' && gatewayServer(a) === gatewayServer(b);
}

export const KEY_CLEARED = 'services.settings.key_cleared';

/**
 * At start: secrets saved from the form for another server than the address the till now runs
 * with (store IT changed the provisioned address) are not used. Returns the problem to show.
 */
export function dropSecretsForOtherServer(stored: Settings, keyServer: string | undefined, effectiveEndpoint: string): GatewaySettingProblem | undefined {
  if (keyServer === undefined || (stored.apiKey === '' && stored.apiSecret === '')) return undefined;
  if (effectiveEndpoint === '' || gatewayServer(effectiveEndpoint) === keyServer) return undefined;
  stored.apiKey = '';
  stored.apiSecret = '';
  return {
    field: 'apiKey',
    source: 'the saved settings (settings.json)',
    problem: `The gateway address changed to ${gatewayServer(effectiveEndpoint)}; the saved API key and secret were for ${keyServer} and must be entered again.`,
  };
}

/**
 * On save from the form: a move to another server clears every stored secret not typed in this
 * save; a provisioned secret cannot follow a typed address to another server, so that is refused.
 */
export function secretsForNewServer(
  input: { apiKey?: string | undefined; apiSecret?: string | undefined },
  secrets: { apiKey: string; apiSecret: string },
  moved: { from: string; to: string; locked: ReadonlySet<SettingsField> },
): ReturnType<typeof fieldError> | undefined {
  if (moved.from === '' || gatewayServer(moved.to) === moved.from) return undefined;
  for (const field of ['apiKey', 'apiSecret'] as const) {
    if (moved.locked.has(field) && !moved.locked.has('endpoint')) {
      return fieldError('endpoint', 'services.settings.key_provisioned_elsewhere', { server: moved.from });
    }
    if (input[field] === undefined && !moved.locked.has(field)) secrets[field] = '';
  }
  return undefined;
}
