import type { Translator } from '../../../shared/i18n/translator';
import { translatorFor } from '../i18n/core-translator';
import type { Settings } from '../ports';
import { splitAddress, type Receipt } from './receipt-model';

/**
 * The printer test page, in the till's language. Its sample lines stay as they are: they test
 * the printer's code page (accents, symbols), not the words.
 */
export function buildTestPage(settings: Settings, now: number, t: Translator = translatorFor('en-US')): Receipt {
  const p = settings.printer;
  const target = p.kind === 'network' ? `${p.host}:${p.port}` : p.kind === 'system' ? p.systemName || t.t('receipts.test.system_default') : p.kind;
  return {
    kind: 'test_page',
    locale: t.locale,
    dir: t.dir,
    copy: false,
    storeName: settings.storeName.trim() || 'Checkstand',
    storeAddress: splitAddress(settings.storeAddress),
    title: t.t('receipts.title.test_page'),
    fields: [
      { label: t.t('receipts.field.printed'), value: t.dateTime(now) },
      { label: t.t('receipts.field.printer'), value: `${p.kind} (${target})` },
      { label: t.t('receipts.field.paper'), value: t.t('receipts.test.paper_width', { width: t.number(p.paperWidthMm) }) },
    ],
    notice: [],
    body: {
      source: 'terminal',
      lines: ['Accents: Café Größe Ñandú', 'Symbols: # $ % & @ * + = / \\'],
      truncated: false,
    },
    // Word-wrapped (the footer is), whatever the sentence's length in the language.
    footer: [t.t('receipts.test.ruler_fits'), t.t('receipts.test.works')],
    printedAt: now,
  };
}
