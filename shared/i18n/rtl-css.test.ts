import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Right-to-left done properly (issue 16 item 5): the renderer's CSS names sides logically
 * (inline-start/-end, text-align start/end), so the whole layout mirrors under <html dir="rtl">.
 * A physical left/right side, or a four-value margin/padding with different left and right,
 * would stay put in Arabic; each is listed with its line.
 */
const CSS = path.resolve(import.meta.dirname, '..', '..', 'renderer', 'styles.css');

const PHYSICAL = [
  /\b(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /\btext-align\s*:\s*(left|right)\b/,
  /\bfloat\s*:\s*(left|right)\b/,
  /\bclear\s*:\s*(left|right)\b/,
  /\bborder-(top|bottom)-(left|right)-radius\b/,
];

/** The values of a shorthand, split on spaces outside parentheses (`max(1rem, calc(…))` is one). */
function shorthandValues(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of value.trim()) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (/\s/.test(c) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += c;
  }
  return current ? [...parts, current] : parts;
}

/** `margin: 0 1rem 0 2rem` (left ≠ right) is physical too. */
function asymmetricShorthand(line: string): boolean {
  const match = /\b(margin|padding|inset|border-width)\s*:\s*([^;]+);/.exec(line);
  const parts = shorthandValues(match?.[2] ?? '');
  return parts.length === 4 && parts[1] !== parts[3];
}

export function physicalSides(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return withoutComments
    .split('\n')
    .flatMap((line, i) => (PHYSICAL.some((re) => re.test(line)) || asymmetricShorthand(line) ? [`styles.css:${i + 1}  ${line.trim()}`] : []));
}

describe('the renderer CSS mirrors in right-to-left', () => {
  it('uses logical sides only', () => {
    expect(physicalSides(readFileSync(CSS, 'utf8'))).toEqual([]);
  });

  it('isolates amounts and ids, keeps the keypad in calculator order and turns the step marker', () => {
    const css = readFileSync(CSS, 'utf8');
    expect(css).toMatch(/\.num,\s*\.mono,\s*time\s*{\s*unicode-bidi: isolate;/);
    expect(css).toMatch(/\[dir='rtl'\] \.numpad\s*{\s*direction: ltr;/);
    expect(css).toMatch(/\[dir='rtl'\] \.stages li\[aria-current='step'\]::before\s*{\s*content: '◀ ';/);
  });

  it('the check finds physical sides (and ignores comments and symmetric shorthands)', () => {
    const css = [
      '.a { margin-left: 1rem; }',
      '.b {',
      '  right: 0;',
      '  text-align: right;',
      '}',
      '/* on the left */',
      '.c { padding: 0 1rem 0 2rem; }',
      '.d { padding: 0 1rem 0 1rem; margin: 0 calc(1rem + 2px) 0; inset: 0 max(1rem, calc(2px + 1%)) 0 max(1rem, calc(2px + 1%)); }',
    ].join('\n');
    expect(physicalSides(css)).toEqual([
      'styles.css:1  .a { margin-left: 1rem; }',
      'styles.css:3  right: 0;',
      'styles.css:4  text-align: right;',
      'styles.css:7  .c { padding: 0 1rem 0 2rem; }',
    ]);
  });
});
