import type { CatalogItem, CatalogProblem } from '../../../shared/basket';
import { whereJsonBreaks } from '../settings/provisioning';
import { checkItem, type RawItem } from './catalog-fields';
import { separatorOf, splitCsvLine } from './csv-fields';

export interface ParsedCatalog {
  items: CatalogItem[];
  /** Skipped lines (CSV: file line numbers; JSON: item numbers), each with the reason. */
  problems: CatalogProblem[];
  /** The whole file is unusable (no header, not JSON, empty): no items. */
  error?: string;
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
  if (body.trim() === '') return { items: [], problems: [], error: 'The catalogue file is empty.' };
  return format === 'json' ? parseJson(body, currency) : parseCsv(body, currency);
}

/** Keeps the first of two entries with one barcode: a scan must find exactly one item. */
class Collector {
  readonly items: CatalogItem[] = [];
  readonly problems: CatalogProblem[] = [];
  private readonly seen = new Map<string, number>();

  add(line: number, checked: CatalogItem | string, unit: string): void {
    if (typeof checked === 'string') return this.skip(line, `Skipped: ${checked}.`);
    const first = this.seen.get(checked.barcode);
    if (first !== undefined) return this.skip(line, `Skipped: barcode ${checked.barcode} is already on ${unit} ${first}.`);
    this.seen.set(checked.barcode, line);
    this.items.push(checked);
  }

  skip(line: number, message: string): void {
    this.problems.push({ line, message });
  }
}

function parseCsv(body: string, currency: string): ParsedCatalog {
  const lines = body.split(/\r?\n/);
  const sep = separatorOf(lines[0]!);
  const header = (splitCsvLine(lines[0]!, sep) ?? []).map((h) => h.trim());
  const columns = header.map((name) => COLUMNS[name.toLowerCase()]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { items: [], problems: [], error: `The header (line 1) must name the columns barcode, name and price; missing: ${missing.join(', ')}.` };
  }
  const out = new Collector();
  header.forEach((name, i) => {
    if (!columns[i]) out.skip(1, `Unknown column "${name}" is ignored (the columns are barcode, name, price, sku, category, brand, taxRate).`);
  });
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const fields = splitCsvLine(line, sep);
    if (!fields) out.skip(n + 1, 'Skipped: a quote (") is opened and never closed.');
    else if (fields.length !== header.length) out.skip(n + 1, `Skipped: it has ${fields.length} fields, the header has ${header.length}.`);
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
    return { items: [], problems: [], error: `The catalogue file is not valid JSON (${whereJsonBreaks(body, error as Error)}).` };
  }
  const list = Array.isArray(json) ? json : (json as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) return { items: [], problems: [], error: 'The catalogue JSON must be an array of items, or an object with an "items" array.' };
  const out = new Collector();
  list.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) out.skip(i + 1, 'Skipped: the item is not an object.');
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
