import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { GatewaySettingProblem, Settings } from '../ports';
import { PlainSettings, SecretValue, issueMsg, issueText, splitEndpointKey, type SettingsField } from './schema';
import { gatewayProblem } from './setting-sources';

/**
 * Store IT sets a fleet of PCs up without clicking: a JSON file and/or environment variables
 * (README.md "Configuration"). Environment beats file beats what was saved from the form. Provisioned
 * fields are shown locked in the form. A bad value is reported by name and ignored, never fatal:
 * the till still starts and says what is wrong.
 */

export type Provisioned = Partial<Omit<Settings, 'printer'>> & { printer?: Partial<Settings['printer']> };

export interface Provisioning {
  values: Provisioned;
  /** Which source set each field, for the "locked" message. */
  sources: Partial<Record<SettingsField, string>>;
  /** Plain-language problems ("CHECKSTAND_CURRENCY: The currency must be …"), never a secret value. */
  problems: string[];
  /**
   * Problems with a gateway setting (address, key, secret, group) or with a provisioning file that
   * could not be applied: these block payments (money-truth rule 1) instead of being skipped.
   */
  gatewayProblems: GatewaySettingProblem[];
  /** A key found in the provisioned address (`?x-api-key=`), taken out of it; the store decides its use. */
  endpointKey?: { key: string; source: string };
  /** People: the file's `roles` and `people`, checked by electron/core/people/people-file.ts. */
  people?: { roles?: unknown; people?: unknown; source: string };
}

/** The settings that decide which gateway the till pays through. */
export const GATEWAY_FIELDS: readonly SettingsField[] = ['endpoint', 'apiKey', 'apiSecret', 'groupId'];

export const ENV = {
  endpoint: 'CHECKSTAND_ENDPOINT',
  apiKey: 'CHECKSTAND_API_KEY',
  apiSecret: 'CHECKSTAND_API_SECRET',
  groupId: 'CHECKSTAND_GROUP_ID',
  storeName: 'CHECKSTAND_STORE_NAME',
  storeAddress: 'CHECKSTAND_STORE_ADDRESS',
  currency: 'CHECKSTAND_CURRENCY',
  amountEntry: 'CHECKSTAND_AMOUNT_ENTRY',
  autoPrint: 'CHECKSTAND_AUTO_PRINT',
  updatesEnabled: 'CHECKSTAND_UPDATES',
  kiosk: 'CHECKSTAND_KIOSK',
  registerCode: 'CHECKSTAND_REGISTER_CODE',
  startAtLogin: 'CHECKSTAND_START_AT_LOGIN',
  tillTerminal: 'CHECKSTAND_TILL_TERMINAL',
  terminalMethods: 'CHECKSTAND_TERMINAL_METHODS',
  idleLockMinutes: 'CHECKSTAND_IDLE_LOCK_MINUTES',
  receiptCashierName: 'CHECKSTAND_RECEIPT_CASHIER_NAME',
  catalogPath: 'CHECKSTAND_CATALOG',
  locale: 'CHECKSTAND_LOCALE',
  printerKind: 'CHECKSTAND_PRINTER_KIND',
  printerName: 'CHECKSTAND_PRINTER_NAME',
  printerHost: 'CHECKSTAND_PRINTER_HOST',
  printerPort: 'CHECKSTAND_PRINTER_PORT',
  printerPaperWidth: 'CHECKSTAND_PRINTER_PAPER_WIDTH',
} as const;

export const CONFIG_FILE_ENV = 'CHECKSTAND_CONFIG';
export const DEFAULT_PROVISIONING_FILE = 'provisioning.json';

const P = PlainSettings.shape;
const printerShape = z
  .object({
    kind: z.enum(['none', 'system', 'network', 'pdf'], { error: 'Choose a printer type: none, system, network or pdf.' }),
    systemName: z.string().trim().max(200, 'The printer name is too long.'),
    host: z.string().trim().max(253, 'The printer address is too long.'),
    port: z.number().int().min(1, 'The printer port must be between 1 and 65535.').max(65535, 'The printer port must be between 1 and 65535.'),
    paperWidthMm: z.union([z.literal(58), z.literal(80)], { error: 'Paper width must be 58 or 80 mm.' }),
  })
  .partial()
  .strict();

/** The provisioning file's format: every field optional; unknown names are reported (typos). */
export const ProvisioningFile = z
  .object({
    endpoint: z.unknown(),
    groupId: z.unknown(),
    apiKey: z.unknown(),
    apiSecret: z.unknown(),
    storeName: z.unknown(),
    storeAddress: z.unknown(),
    currency: z.unknown(),
    amountEntry: z.unknown(),
    printer: z.unknown(),
    autoPrint: z.unknown(),
    updatesEnabled: z.unknown(),
    kiosk: z.unknown(),
    startAtLogin: z.unknown(),
    registerCode: z.unknown(),
    tillTerminal: z.unknown(),
    terminalMethods: z.unknown(),
    idleLockMinutes: z.unknown(),
    receiptCashierName: z.unknown(),
    // People (electron/core/people/people-file.ts reads these two; not settings).
    roles: z.unknown(),
    people: z.unknown(),
    catalogPath: z.unknown(),
    locale: z.unknown(),
  })
  .partial()
  .strict();

const validators: Record<SettingsField, z.ZodType> = {
  endpoint: P.endpoint,
  groupId: P.groupId,
  storeName: P.storeName,
  storeAddress: P.storeAddress,
  currency: P.currency,
  amountEntry: P.amountEntry,
  autoPrint: P.autoPrint,
  updatesEnabled: P.updatesEnabled,
  kiosk: P.kiosk,
  startAtLogin: P.startAtLogin,
  registerCode: P.registerCode,
  tillTerminal: P.tillTerminal,
  terminalMethods: P.terminalMethods,
  idleLockMinutes: P.idleLockMinutes,
  receiptCashierName: P.receiptCashierName,
  catalogPath: P.catalogPath,
  locale: P.locale,
  apiKey: SecretValue,
  apiSecret: SecretValue,
  printer: printerShape,
};

/** A provisioning file that exists but cannot be applied: store IT meant something, so it blocks (rule 1). */
function fileUnusable(into: Provisioning, file: string, why: string): void {
  into.problems.push(`Provisioning file ${file} ${why}.`);
  into.gatewayProblems.push({ field: 'provisioning', source: `provisioning file ${file}`, problem: `The file ${why}; none of it was applied.` });
}

function parseBool(raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return raw; // left as a string so validation reports it
}

function parseIntOr(raw: string): number | string {
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
}

function accept(into: Provisioning, field: SettingsField, value: unknown, source: string, readableSource: string): void {
  if (field === 'endpoint' && typeof value === 'string') {
    const split = splitEndpointKey(value);
    value = split.endpoint;
    if (split.keyFromUrl) into.endpointKey = { key: split.keyFromUrl, source: readableSource };
    else if (into.endpointKey) delete into.endpointKey; // a later source's address replaces the earlier one
  }
  const parsed = validators[field].safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length ? `${source} (${issue.path.join('.')})` : source;
      into.problems.push(`${where}: ${issueText(issue)}`);
      if (GATEWAY_FIELDS.includes(field)) into.gatewayProblems.push(gatewayProblem(field, readableSource, issueMsg(issue)));
    }
    return;
  }
  if (field === 'printer') {
    into.values.printer = { ...into.values.printer, ...(parsed.data as Provisioned['printer']) };
  } else {
    (into.values as Record<string, unknown>)[field] = parsed.data;
  }
  into.sources[field] = source;
}

/**
 * Where a file stops being JSON, without a word of what it says: the parser's own message quotes
 * the characters around the mistake, and a mistake in a provisioning file is most often in the
 * value being typed in — the API secret. Only the line and column are kept, when V8 gives them.
 */
export function whereJsonBreaks(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return 'check the quotes, commas and braces';
  const before = text.slice(0, Number(position)).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}: check the quotes, commas and braces there`;
}

/** The settings each read from one environment variable, and how its text becomes the value. */
const ENV_SETTINGS: [SettingsField, string, (raw: string) => unknown][] = [
  ['endpoint', ENV.endpoint, (s) => s],
  ['apiKey', ENV.apiKey, (s) => s],
  ['apiSecret', ENV.apiSecret, (s) => s],
  ['groupId', ENV.groupId, (s) => s],
  ['storeName', ENV.storeName, (s) => s],
  ['storeAddress', ENV.storeAddress, (s) => s],
  ['currency', ENV.currency, (s) => s.trim()],
  ['amountEntry', ENV.amountEntry, (s) => s.trim()],
  ['autoPrint', ENV.autoPrint, parseBool],
  ['updatesEnabled', ENV.updatesEnabled, parseBool],
  ['kiosk', ENV.kiosk, parseBool],
  ['registerCode', ENV.registerCode, (s) => s.trim()],
  ['startAtLogin', ENV.startAtLogin, parseBool],
  ['tillTerminal', ENV.tillTerminal, (s) => s.trim()],
  // "MOBILE,OTHER" (any case); "none" or "-" for Card only.
  ['terminalMethods', ENV.terminalMethods, (s) => (/^\s*(none|-)\s*$/i.test(s) ? [] : s.split(',').map((m) => m.trim().toUpperCase()))],
  ['idleLockMinutes', ENV.idleLockMinutes, parseIntOr],
  ['receiptCashierName', ENV.receiptCashierName, (s) => s.trim()],
  ['catalogPath', ENV.catalogPath, (s) => s.trim()],
  ['locale', ENV.locale, (s) => s.trim()],
];

/** Reads the provisioning file (if any) and the environment. */
export async function readProvisioning(options: { dataDir: string; env: NodeJS.ProcessEnv }): Promise<Provisioning> {
  const result: Provisioning = { values: {}, sources: {}, problems: [], gatewayProblems: [] };
  const explicit = options.env[CONFIG_FILE_ENV];
  const file = explicit || join(options.dataDir, DEFAULT_PROVISIONING_FILE);

  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    // The default file is optional; a file store IT named explicitly must exist.
    if (!missing || explicit) fileUnusable(result, file, `could not be read (${(error as Error).message})`);
  }
  if (text !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      fileUnusable(result, file, `is not valid JSON (${whereJsonBreaks(text, error as Error)})`);
    }
    if (json !== undefined) {
      const shape = ProvisioningFile.safeParse(json);
      if (!shape.success) {
        for (const issue of shape.error.issues) {
          const keys = 'keys' in issue ? ` ${(issue.keys as string[]).join(', ')}` : '';
          result.problems.push(`Provisioning file ${file}: ${issue.code === 'unrecognized_keys' ? `unknown setting${keys}` : issueText(issue)}.`);
          result.gatewayProblems.push({
            field: 'provisioning',
            source: `provisioning file ${file}`,
            problem: `${issue.code === 'unrecognized_keys' ? `Unknown setting${keys}` : issueText(issue)}; none of the file was applied.`,
          });
        }
      } else {
        const { roles, people, ...settingsPart } = shape.data;
        result.people = { roles, people, source: file };
        for (const [field, value] of Object.entries(settingsPart) as [SettingsField, unknown][]) {
          if (value !== undefined) accept(result, field, value, `provisioning file ${file}, "${field}"`, `provisioning file ${file}`);
        }
      }
    }
  }

  const env = options.env;
  const fromEnv = (name: string): string | undefined => (env[name] !== undefined && env[name] !== '' ? env[name] : undefined);
  for (const [field, name, convert] of ENV_SETTINGS) {
    const raw = fromEnv(name);
    if (raw !== undefined) accept(result, field, convert(raw), name, `environment variable ${name}`);
  }
  const printer: Record<string, unknown> = {};
  const printerNames: string[] = [];
  const pick = (key: string, name: string, convert: (raw: string) => unknown) => {
    const raw = fromEnv(name);
    if (raw === undefined) return;
    printer[key] = convert(raw);
    printerNames.push(name);
  };
  pick('kind', ENV.printerKind, (s) => s.trim());
  pick('systemName', ENV.printerName, (s) => s);
  pick('host', ENV.printerHost, (s) => s);
  pick('port', ENV.printerPort, parseIntOr);
  pick('paperWidthMm', ENV.printerPaperWidth, parseIntOr);
  if (printerNames.length > 0) accept(result, 'printer', printer, printerNames.join(', '), printerNames.join(', '));

  return result;
}
