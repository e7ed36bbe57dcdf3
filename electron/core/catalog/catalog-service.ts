import { readFileSync, watch as fsWatch } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { CatalogItem, CatalogStatus } from '../../../shared/basket';
import type { Clock, Logger } from '../ports';
import { CatalogIndex } from './catalog-index';
import { demoCatalogCsv } from './demo-catalog';
import { parseCatalog } from './parse-catalog';
import { msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';

/** Said after any catalogue error: the till still sells by amount (the screens add it in their language). */
export const AMOUNT_ONLY = msg('services.catalog.amount_only');

/** Diagnostics lists this many skipped lines; a badly broken file says how many more. */
const LISTED_PROBLEMS = 200;
/** Editors and copy tools write a file in several steps: reload once it has been quiet this long. */
export const RELOAD_DEBOUNCE_MS = 300;

/** Calls back when something in `dir` changes; returns the stop function. Node's fs.watch in production. */
export type WatchDir = (dir: string, onChange: (file: string | null) => void) => () => void;

const watchDir: WatchDir = (dir, onChange) => {
  const watcher = fsWatch(dir, { persistent: false }, (_event, file) => onChange(file ? String(file) : null));
  watcher.on('error', () => undefined);
  return () => watcher.close();
};

export interface CatalogDeps {
  clock: Clock;
  logger: Logger;
  /** The store's catalogue file ('' = none) and currency, read at each (re)load. */
  settings: () => { catalogPath?: string; currency: string };
  /** Demo mode ships the sample catalogue when no file is configured. */
  demo: () => boolean;
  watch?: WatchDir;
  readFile?: (path: string) => string;
}

type Source = { kind: 'none' } | { kind: 'demo'; currency: string } | { kind: 'file'; path: string; currency: string };

/**
 * The store's catalogue (the file named by CHECKSTAND_CATALOG, provisioning `catalogPath` or the
 * setting; in demo mode with none, the sample): parsed once, kept in memory, reloaded when the
 * file changes. A file that cannot be used leaves the till taking amount-only sales.
 */
export class CatalogService {
  private index = new CatalogIndex([]);
  private state: CatalogStatus = { source: 'none', items: 0, problems: [] };
  private loadedFor = '';
  private stopWatch: (() => void) | undefined;
  private reloadTimer: ReturnType<Clock['setTimeout']> | undefined;

  constructor(private readonly deps: CatalogDeps) {}

  lookup(barcode: string): CatalogItem | undefined {
    this.sync();
    return this.index.lookup(barcode);
  }

  search(query: string, limit = 8): CatalogItem[] {
    this.sync();
    return this.index.search(query, limit);
  }

  status(): CatalogStatus {
    this.sync();
    return this.state;
  }

  stop(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
    this.deps.clock.clearTimeout(this.reloadTimer);
  }

  /** Loads again when the source (file, currency, demo) is not the one loaded. Cheap when nothing changed. */
  private sync(): void {
    const source = this.wanted();
    const key = JSON.stringify(source);
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.stop();
    if (source.kind === 'file') this.watchFile(source.path);
    this.load(source);
  }

  private wanted(): Source {
    const { catalogPath, currency } = this.deps.settings();
    if (catalogPath) return { kind: 'file', path: catalogPath, currency };
    return this.deps.demo() ? { kind: 'demo', currency } : { kind: 'none' };
  }

  private load(source: Source): void {
    if (source.kind === 'none') return this.use(new CatalogIndex([]), { source: 'none', items: 0, problems: [] });
    const loadedAt = this.deps.clock.now();
    let text: string;
    try {
      text = source.kind === 'demo' ? demoCatalogCsv(source.currency) : (this.deps.readFile ?? ((p) => readFileSync(p, 'utf8')))(source.path);
    } catch (error) {
      const whyMsg = msg('services.catalog.unreadable', { path: source.kind === 'file' ? source.path : '', error: (error as Error).message });
      const why = `${english(whyMsg)} ${english(AMOUNT_ONLY)}`;
      this.deps.logger.warn('catalog.unreadable', { message: (error as Error).message });
      return this.use(new CatalogIndex([]), { source: 'file', ...pathOf(source), items: 0, loadedAt, error: why, errorMsg: whyMsg, problems: [] });
    }
    const format = source.kind === 'file' && extname(source.path).toLowerCase() === '.json' ? 'json' : 'csv';
    const parsed = parseCatalog(text, format, source.currency);
    const more = parsed.problems.length - LISTED_PROBLEMS;
    this.use(new CatalogIndex(parsed.items), {
      source: source.kind,
      ...pathOf(source),
      items: parsed.items.length,
      loadedAt,
      unit: format === 'json' ? 'item' : 'line',
      problems: parsed.problems.slice(0, LISTED_PROBLEMS),
      ...(more > 0 ? { moreProblems: more } : {}),
      ...(parsed.error ? { error: `${parsed.error} ${english(AMOUNT_ONLY)}`, ...(parsed.errorMsg ? { errorMsg: parsed.errorMsg } : {}) } : {}),
    });
  }

  private use(index: CatalogIndex, state: CatalogStatus): void {
    this.index = index;
    this.state = state;
    this.deps.logger.info('catalog.loaded', { source: state.source, items: state.items, problems: state.problems.length + (state.moreProblems ?? 0) });
  }

  /** The directory is watched, not the file: saving by "write new, rename over" replaces the file itself. */
  private watchFile(path: string): void {
    const name = basename(path);
    try {
      this.stopWatch = (this.deps.watch ?? watchDir)(dirname(path), (file) => {
        if (file !== null && file !== name) return;
        this.deps.clock.clearTimeout(this.reloadTimer);
        this.reloadTimer = this.deps.clock.setTimeout(() => this.load(this.wanted()), RELOAD_DEBOUNCE_MS);
      });
    } catch (error) {
      this.deps.logger.warn('catalog.watch_failed', { message: (error as Error).message });
    }
  }
}

function pathOf(source: Source): { path?: string } {
  return source.kind === 'file' ? { path: source.path } : {};
}
