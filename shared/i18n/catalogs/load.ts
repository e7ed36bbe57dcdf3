import type { CatalogLanguage, Language } from '../locale';
import { pseudoCatalog } from '../pseudo';
import en from './en';

export type Catalog = Record<string, string>;

/** English is always at hand: the fallback for a key another language lacks, and the words before a catalogue loads. */
export const ENGLISH: Catalog = en;

/** One chunk per language (dynamic imports), so the renderer downloads only the words it shows. */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  de: () => import('./de'),
  es: () => import('./es'),
  ja: () => import('./ja'),
  ar: () => import('./ar'),
};

/** The language's messages over English (a missing key shows English rather than a key name). */
export async function loadCatalog(language: CatalogLanguage): Promise<Catalog> {
  if (language === 'en') return ENGLISH;
  if (language === 'pseudo') return pseudoCatalog(ENGLISH);
  return { ...ENGLISH, ...(await loaders[language]()).default };
}
