/**
 * Display width of text in a monospace receipt font: East Asian wide characters and most emoji
 * take two cells, combining marks none. Enough to keep columns straight; not a full UAX #11.
 */
export function charWidth(codePoint: number): number {
  if (codePoint >= 0x300 && codePoint <= 0x36f) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Hard-wraps at `columns` cells without splitting a surrogate pair or a wide character. */
export function hardWrap(text: string, columns: number): string[] {
  if (textWidth(text) <= columns) return [text];
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > columns) {
      out.push(line);
      line = '';
      w = 0;
    }
    line += ch;
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
