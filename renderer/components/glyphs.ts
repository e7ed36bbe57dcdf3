/**
 * Marks and key caps that read the same in every language: not words, so not in the catalogues
 * (the literal-text lint rule asks for words there; these are named here once instead).
 */
export const GLYPH = {
  space: ' ',
  warn: '⚠ ',
  cross: '✕ ',
  times: '×',
  dash: ' — ',
  backspace: '⌫',
  minus: '−',
  plus: '+',
  remove: '✕',
} as const;

/** The keys printed on the keyboard (PC keyboards label these in English in every country we ship). */
export const KEYCAP = { enter: 'Enter', esc: 'Esc', print: 'P', retry: 'R', newPayment: 'N' } as const;
