import type { CatalogItem, CatalogProblem } from '../../../shared/basket';
import { whereJsonBreaks } from '../settings/provisioning';
import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import { checkItem, isProblem, type RawItem } from './catalog-fields';
import { separatorOf, splitCsvLine } from './csv-fields';

export interface ParsedCatalog {
  items: CatalogItem[];
  /** Skipped lines (CSV: file line numbers; JSON: item numbers), each with the reason. */
  problems: CatalogProblem[];
  /** The whole file is unusable (no header, not JSON, empty): no items. */
  error?: string;
  errorMsg?: Msg;
}

/** A whole-file problem: its code and its English (the log, older screens). */
function unusable(key: string, values?: MsgValues): ParsedCatalog {
  const m = msg(`services.catalog.${key}`, values);
  return { items: [], problems: [], error: english(m), errorMsg: m };
}

const COLUMNS: Record<string, keyof RawItem> = {
  barcode: 'barcode',
  name: 'name',
  price: 'price',
  sku: 'sku',
  category: 'category',
  brand: 'brand',
  taxrate: 'taxRate',
  tax_rate: 'taxRate',
};
const REQUIRED: (keyof RawItem)[] = ['barcode', 'name', 'price'];

/** Reads a store's catalogue file: each entry checked on its own, a bad one skipped and reported. */
export function parseCatalog(text: string, format: 'csv' | 'json', currency: string): ParsedCatalog {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') return unusable('empty');
  return format === 'json' ? parseJson(body, currency) : parseCsv(body, currency);
}

/** Keeps the first of two entries with one barcode: a scan must find exactly one item. */
class Collector {
  readonly items: CatalogItem[] = [];
  readonly problems: CatalogProblem[] = [];
  private readonly seen = new Map<string, number>();

  add(line: number, checked: CatalogItem | Msg, unit: 'line' | 'item'): void {
    if (isProblem(checked)) return this.skip(line, checked);
    const first = this.seen.get(checked.barcode);
    if (first !== undefined) return this.skip(line, msg('services.catalog.skip.duplicate', { barcode: checked.barcode, unit, first }));
    this.seen.set(checked.barcode, line);
    this.items.push(checked);
  }

  skip(line: number, why: Msg): void {
    this.problems.push({ line, message: english(why), msg: why });
  }
}

function parseCsv(body: string, currency: string): ParsedCatalog {
  const lines = body.split(/\r?\n/);
  const sep = separatorOf(lines[0]!);
  const header = (splitCsvLine(lines[0]!, sep) ?? []).map((h) => h.trim());
  const columns = header.map((name) => COLUMNS[name.toLowerCase()]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return unusable('header_missing', { missing: missing.join(', ') });
  }
  const out = new Collector();
  header.forEach((name, i) => {
    if (!columns[i]) out.skip(1, msg('services.catalog.unknown_column', { name }));
  });
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const fields = splitCsvLine(line, sep);
    if (!fields) out.skip(n + 1, msg('services.catalog.skip.open_quote'));
    else if (fields.length !== header.length) out.skip(n + 1, msg('services.catalog.skip.field_count', { fields: fields.length, header: header.length }));
    else out.add(n + 1, checkItem(rawFromFields(columns, fields), currency), 'line');
  }
  return { items: out.items, problems: out.problems };
}

function rawFromFields(columns: (keyof RawItem | undefined)[], fields: string[]): RawItem {
  const raw: RawItem = {};
  columns.forEach((column, i) => {
    if (column) raw[column] = fields[i];
  });
  return raw;
}

function parseJson(body: string, currency: string): ParsedCatalog {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return unusable('not_json', { where: whereJsonBreaks(body, error as Error) });
  }
  const list = Array.isArray(json) ? json : (json as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) return unusable('not_array');
  const out = new Collector();
  list.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) out.skip(i + 1, msg('services.catalog.skip.not_object'));
    else out.add(i + 1, checkItem(rawFromObject(entry as Record<string, unknown>), currency), 'item');
  });
  return { items: out.items, problems: out.problems };
}

function rawFromObject(entry: Record<string, unknown>): RawItem {
  const raw: RawItem = {};
  for (const [key, value] of Object.entries(entry)) {
    const column = COLUMNS[key.toLowerCase()];
    if (column && (typeof value === 'string' || typeof value === 'number')) raw[column] = value;
  }
  return raw;
}
