import stringWidth from 'string-width';

/**
 * Display width of text in a monospace receipt font (string-width: East Asian wide characters
 * and emoji take two cells, combining marks and zero-width joiners none), measured per grapheme
 * — what a person sees as one character — so a wrap never splits one.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Hard-wraps at `columns` cells without splitting a grapheme (a base letter and its marks, an emoji sequence). */
export function hardWrap(text: string, columns: number): string[] {
  if (textWidth(text) <= columns) return [text];
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cw = stringWidth(segment);
    if (w + cw > columns && line !== '') {
      out.push(line);
      line = '';
      w = 0;
    }
    line += segment;
    w += cw;
  }
  if (line !== '') out.push(line);
  return out;
}

/** Word-wraps prose (our own notices and field values); words longer than a line are hard-wrapped. */
export function wordWrap(text: string, columns: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate) <= columns) {
      line = candidate;
      continue;
    }
    if (line !== '') out.push(line);
    const pieces = hardWrap(word, columns);
    line = pieces.pop() ?? '';
    out.push(...pieces);
  }
  if (line !== '') out.push(line);
  return out.length > 0 ? out : [''];
}

export function center(text: string, columns: number): string {
  const pad = Math.max(0, Math.floor((columns - textWidth(text)) / 2));
  return ' '.repeat(pad) + text;
}
