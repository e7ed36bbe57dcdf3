import { localeProblem } from '../../../shared/i18n/locale';
import { msg, type Msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
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
export function endpointProblem(value: string): Msg | undefined {
  const key = endpointProblemKey(value);
  return key ? msg(key) : undefined;
}

function endpointProblemKey(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'services.settings.endpoint_example';
  }
  if (url.username || url.password) return 'services.settings.endpoint_credentials';
  if (url.search || url.hash) return 'services.settings.endpoint_query';
  if (url.protocol === 'wss:') return undefined;
  if (url.protocol === 'ws:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  if (url.protocol === 'ws:') return 'services.settings.endpoint_wss_local';
  return 'services.settings.endpoint_wss';
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
  .max(500, 'services.settings.endpoint_too_long')
  .superRefine((v, ctx) => {
    const problem = endpointProblem(v);
    if (problem) addProblem(ctx, problem);
  });

const printer = z
  .object({
    kind: z.enum(['none', 'system', 'network', 'pdf'], { error: 'services.settings.printer_kind' }),
    systemName: z.string().trim().max(200, 'services.settings.printer_name_too_long'),
    host: z.string().trim().max(253, 'services.settings.printer_address_too_long'),
    port: z
      .number({ error: 'services.settings.printer_port_number' })
      .int('services.settings.printer_port_whole')
      .min(1, 'services.settings.printer_port_range')
      .max(65535, 'services.settings.printer_port_range'),
    paperWidthMm: z.union([z.literal(58), z.literal(80)], { error: 'services.settings.paper_width' }),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'network' && !/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:]+\]$/.test(p.host)) {
      ctx.addIssue({ code: 'custom', path: ['host'], message: 'services.settings.printer_host' });
    }
    if (p.kind === 'system' && p.systemName === '') {
      ctx.addIssue({ code: 'custom', path: ['systemName'], message: 'services.settings.printer_system' });
    }
  });

/** The non-secret settings as stored and as validated. */
export const PlainSettings = z.object({
  endpoint,
  groupId: z.string().trim().max(200, 'services.settings.group_too_long'),
  storeName: z.string().trim().max(200, 'services.settings.store_name_too_long'),
  storeAddress: z.string().trim().max(500, 'services.settings.store_address_too_long'),
  currency: z.string().superRefine((v, ctx) => {
    const problem = currencyProblem(v);
    if (problem) addProblem(ctx, problem);
  }),
  amountEntry: z.enum(DIGITS_ONLY_ENTRIES, { error: 'services.settings.amount_entry' }),
  printer,
  autoPrint: z.boolean({ error: 'services.settings.auto_print' }),
  updatesEnabled: z.boolean({ error: 'services.settings.updates' }),
  kiosk: z.boolean({ error: 'services.settings.kiosk' }),
  /** This till's code in generated order references ("R2-0042"): one per register of a store. */
  registerCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,8}$/, 'services.settings.register_code'),
  startAtLogin: z.boolean({ error: 'services.settings.start_at_login' }),
  // This till's terminal and the terminal methods (till3).
  /** The terminal id this till pays on; '' = the last terminal used. */
  tillTerminal: z.string().trim().max(200, 'services.settings.till_terminal'),
  /** Mobile and Other are sent to the terminal only where the store enables them. */
  terminalMethods: z
    .array(z.enum(['MOBILE', 'OTHER'], { error: 'services.settings.terminal_method' }), {
      error: 'services.settings.terminal_methods',
    })
    .transform((methods) => [...new Set(methods)].sort()),
  // People: the idle lock and the cashier's name on receipts.
  idleLockMinutes: z
    .number({ error: 'services.settings.idle_number' })
    .int('services.settings.idle_whole')
    .min(0, 'services.settings.idle_range')
    .max(240, 'services.settings.idle_range'),
  receiptCashierName: z.enum(RECEIPT_CASHIER_NAMES, { error: 'services.settings.receipt_cashier' }),
  // basket: the store's catalogue file.
  catalogPath: z
    .string({ error: 'services.settings.catalog_path' })
    .trim()
    .max(1000, 'services.settings.catalog_too_long')
    .regex(/^$|\.(csv|json)$/i, 'services.settings.catalog_type'),
  /** The till's language and formats (BCP 47, "de-DE"); '' = the OS's. */
  locale: z
    .string({ error: 'services.settings.locale_type' })
    .trim()
    .max(50, 'services.settings.locale_too_long')
    .superRefine((v, ctx) => {
      const problem = localeProblem(v);
      if (problem) addProblem(ctx, problem);
    }),
});
export type PlainSettings = z.infer<typeof PlainSettings>;

const secret = z
  .string()
  .trim()
  .max(500, 'services.settings.key_too_long')
  .regex(/^[\x21-\x7e]*$/, 'services.settings.key_visible');

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

/**
 * The schema's messages are catalogue keys (issue 16): an issue becomes a code, its values the
 * problem's own (a currency code) and zod's limits (`{min}`, `{max}`). A message zod wrote itself
 * (not a key) reads as the generic "not valid".
 */
export function issueMsg(issue: z.core.$ZodIssue): Msg {
  const own = (issue as { params?: { values?: Record<string, string | number> } }).params?.values;
  const limits = Object.fromEntries(
    (['minimum', 'maximum'] as const)
      .map((bound) => [bound === 'minimum' ? 'min' : 'max', (issue as unknown as Record<string, unknown>)[bound]] as const)
      .filter((entry): entry is readonly ['min' | 'max', number] => typeof entry[1] === 'number'),
  );
  const values = { ...limits, ...own };
  const key = issue.message.startsWith('services.') ? issue.message : 'services.settings.invalid';
  return msg(key, Object.keys(values).length ? values : undefined);
}

/** An issue's English, for the problems list and the log. */
export function issueText(issue: z.core.$ZodIssue): string {
  return english(issueMsg(issue));
}

/** Turns zod issues into `{ field, message, msg }` with field names the form knows ("printer.port"). */
export function fieldErrors(error: z.ZodError): { field: string; message: string; msg: Msg }[] {
  return error.issues.map((issue) => {
    const m = issueMsg(issue);
    return { field: issue.path.map(String).join('.') || 'settings', message: english(m), msg: m };
  });
}

function addProblem(ctx: z.RefinementCtx, problem: Msg): void {
  ctx.addIssue({ code: 'custom', message: problem.key, params: { values: problem.values } });
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
