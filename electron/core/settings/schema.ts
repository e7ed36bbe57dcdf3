import { localeProblem } from '../../../shared/i18n/locale';
import { z } from 'zod';
import { RECEIPT_CASHIER_NAMES, SettingsView } from '../../../shared/ipc';
import { currencyProblem, DEFAULT_CURRENCY, DIGITS_ONLY_ENTRIES } from '../../../shared/money';
import type { Settings } from '../ports';

/**
 * One schema for settings, whoever supplies them (the form, a provisioning file, environment
 * variables), with messages a store manager can act on.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** '' means "no gateway configured" (demo mode). Otherwise wss://, or ws:// on this machine only. */
export function endpointProblem(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the gateway address, for example wss://gateway.example.com/v1.';
  }
  if (url.username || url.password) return 'The gateway address must not contain a user name or password.';
  if (url.search || url.hash) return 'The gateway address must not contain "?" or "#" parts; the API key is entered separately.';
  if (url.protocol === 'wss:') return undefined;
  if (url.protocol === 'ws:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  if (url.protocol === 'ws:') return 'The gateway address must start with wss:// (ws:// is only allowed for 127.0.0.1 or localhost).';
  return 'The gateway address must start with wss://.';
}

/**
 * The vendor quick-start writes the key into the address (`wss://host/v1?x-api-key=KEY`). The
 * key must travel only in the header and never be logged, so it is taken out here, before the
 * address is validated, stored or shown; a query with anything else stays and is refused.
 */
export function splitEndpointKey(raw: string): { endpoint: string; keyFromUrl?: string } {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { endpoint: value };
  }
  const names = [...url.searchParams.keys()];
  if (url.hash || names.length !== 1 || names[0] !== 'x-api-key') return { endpoint: value };
  const key = url.searchParams.get('x-api-key') ?? '';
  url.search = '';
  return { endpoint: url.toString(), ...(key !== '' ? { keyFromUrl: key } : {}) };
}

const endpoint = z
  .string()
  .trim()
  .max(500, 'The gateway address is too long (500 characters at most).')
  .superRefine((v, ctx) => {
    const problem = endpointProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const printer = z
  .object({
    kind: z.enum(['none', 'system', 'network', 'pdf'], { error: 'Choose a printer type: none, system, network or pdf.' }),
    systemName: z.string().trim().max(200, 'The printer name is too long.'),
    host: z.string().trim().max(253, 'The printer address is too long.'),
    port: z
      .number({ error: 'The printer port must be a number.' })
      .int('The printer port must be a whole number.')
      .min(1, 'The printer port must be between 1 and 65535.')
      .max(65535, 'The printer port must be between 1 and 65535.'),
    paperWidthMm: z.union([z.literal(58), z.literal(80)], { error: 'Paper width must be 58 or 80 mm.' }),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'network' && !/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:]+\]$/.test(p.host)) {
      ctx.addIssue({ code: 'custom', path: ['host'], message: "Enter the network printer's IP address or host name." });
    }
    if (p.kind === 'system' && p.systemName === '') {
      ctx.addIssue({ code: 'custom', path: ['systemName'], message: 'Choose which installed printer to use.' });
    }
  });

/** The non-secret settings as stored and as validated. */
export const PlainSettings = z.object({
  endpoint,
  groupId: z.string().trim().max(200, 'The group id is too long (200 characters at most).'),
  storeName: z.string().trim().max(200, 'The store name is too long (200 characters at most).'),
  storeAddress: z.string().trim().max(500, 'The store address is too long (500 characters at most).'),
  currency: z.string().superRefine((v, ctx) => {
    const problem = currencyProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  amountEntry: z.enum(DIGITS_ONLY_ENTRIES, { error: 'Digits-only amounts are read "cash-register" (2450 is 24.50) or "whole-units" (2450 is 2450.00).' }),
  printer,
  autoPrint: z.boolean({ error: 'Auto-print must be on or off.' }),
  updatesEnabled: z.boolean({ error: 'Automatic updates must be on or off.' }),
  kiosk: z.boolean({ error: 'Kiosk mode must be on or off.' }),
  /** This till's code in generated order references ("R2-0042"): one per register of a store. */
  registerCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,8}$/, 'The register code must be 1 to 8 letters or digits, for example R2.'),
  startAtLogin: z.boolean({ error: 'Start at login must be on or off.' }),
  // This till's terminal and the terminal methods (till3).
  /** The terminal id this till pays on; '' = the last terminal used. */
  tillTerminal: z.string().trim().max(200, "This till's terminal is an id of at most 200 characters, for example TERM-001."),
  /** Mobile and Other are sent to the terminal only where the store enables them. */
  terminalMethods: z
    .array(z.enum(['MOBILE', 'OTHER'], { error: 'The terminal methods besides Card are MOBILE and OTHER.' }), {
      error: 'The terminal methods are a list: MOBILE, OTHER, both or none.',
    })
    .transform((methods) => [...new Set(methods)].sort()),
  // People: the idle lock and the cashier's name on receipts.
  idleLockMinutes: z
    .number({ error: 'The idle lock must be a number of minutes.' })
    .int('The idle lock must be a whole number of minutes.')
    .min(0, 'The idle lock is 0 (never) to 240 minutes.')
    .max(240, 'The idle lock is 0 (never) to 240 minutes.'),
  receiptCashierName: z.enum(RECEIPT_CASHIER_NAMES, { error: 'The cashier on receipts is "full", "first" or "none".' }),
  // basket: the store's catalogue file.
  catalogPath: z
    .string({ error: 'The catalogue must be the path of a CSV or JSON file.' })
    .trim()
    .max(1000, 'The catalogue path is too long (1000 characters at most).')
    .regex(/^$|\.(csv|json)$/i, 'The catalogue must be a .csv or .json file.'),
  /** The till's language and formats (BCP 47, "de-DE"); '' = the OS's. */
  locale: z
    .string({ error: 'The locale must be a language tag, for example de-DE.' })
    .trim()
    .max(50, 'The locale is a short language tag, for example de-DE, ja-JP or ar-KW.')
    .superRefine((v, ctx) => {
      const problem = localeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});
export type PlainSettings = z.infer<typeof PlainSettings>;

const secret = z
  .string()
  .trim()
  .max(500, 'The key is too long (500 characters at most).')
  .regex(/^[\x21-\x7e]*$/, 'The key may only contain visible characters, no spaces.');

/** The secrets' format check (the values themselves never appear in a message). */
export const SecretValue = secret;

export const DEFAULT_SETTINGS: Settings = {
  endpoint: '',
  groupId: '',
  apiKey: '',
  apiSecret: '',
  storeName: '',
  storeAddress: '',
  currency: DEFAULT_CURRENCY,
  amountEntry: 'cash-register',
  printer: { kind: 'none', systemName: '', host: '', port: 9100, paperWidthMm: 80 },
  autoPrint: false,
  updatesEnabled: true,
  kiosk: false,
  registerCode: 'R1',
  startAtLogin: false,
  tillTerminal: '',
  terminalMethods: [],
  idleLockMinutes: 5,
  receiptCashierName: 'first',
  catalogPath: '',
  locale: '',
};

/** The settings field names the renderer knows (SettingsInput keys); `lockedFields` uses them. */
export const SETTINGS_FIELDS = [
  'endpoint',
  'groupId',
  'apiKey',
  'apiSecret',
  'storeName',
  'storeAddress',
  'currency',
  'amountEntry',
  'printer',
  'autoPrint',
  'updatesEnabled',
  'kiosk',
  'startAtLogin',
  'registerCode',
  'tillTerminal',
  'terminalMethods',
  'idleLockMinutes',
  'receiptCashierName',
  'catalogPath',
  'locale',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Turns zod issues into `{ field, message }` with field names the form knows ("printer.port"). */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'settings',
    message: issue.message,
  }));
}

export function toView(settings: Settings, lockedFields: readonly string[], mask: (s: string) => SettingsView['apiKey']): SettingsView {
  return {
    endpoint: settings.endpoint,
    groupId: settings.groupId,
    apiKey: mask(settings.apiKey),
    apiSecret: mask(settings.apiSecret),
    storeName: settings.storeName,
    storeAddress: settings.storeAddress,
    currency: settings.currency,
    amountEntry: settings.amountEntry,
    printer: { ...settings.printer },
    autoPrint: settings.autoPrint,
    updatesEnabled: settings.updatesEnabled,
    kiosk: settings.kiosk,
    registerCode: settings.registerCode,
    startAtLogin: settings.startAtLogin,
    tillTerminal: settings.tillTerminal ?? '',
    terminalMethods: [...(settings.terminalMethods ?? [])],
    idleLockMinutes: settings.idleLockMinutes,
    receiptCashierName: settings.receiptCashierName,
    catalogPath: settings.catalogPath ?? '',
    locale: settings.locale ?? '',
    lockedFields: [...lockedFields],
  };
}
