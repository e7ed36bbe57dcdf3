import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Nothing cashier-facing is hard-coded in the renderer (issue 16 item 7): every sentence a cashier
 * reads comes from a catalogue. The lint rule formatjs/no-literal-string-in-jsx catches text in
 * JSX; this test also reads the renderer's .ts files (banner-text.ts, decline.ts and the like),
 * where English hides in maps and helpers. A literal is "sentence-like" when it is a capitalised
 * word followed by more words ("Payment declined"), or words ending with . … ? or ! ("Loading…").
 * Skipped: imports, types, object keys, className / test ids and other markup attributes, calls
 * that take keys or test ids, console output, and any line marked `// i18n-ignore: <why>` (for
 * developer-facing text, which the marker must explain).
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER = path.join(ROOT, 'renderer');
const IGNORE_MARK = /\/\/\s*i18n-ignore:\s*\S/;

const MARKUP_ATTRIBUTES = new Set([
  'className',
  'data-testid',
  'id',
  'htmlFor',
  'role',
  'type',
  'key',
  'name',
  'autoComplete',
  'inputMode',
  'lang',
  'dir',
  'rel',
  'target',
  'href',
  'src',
  'form',
  'method',
  'pattern',
]);
const MARKUP_PROPERTIES = new Set(['className', 'testId', 'key', 'id', 'role', 'type', 'kind', 'code', 'name']);
const KEY_CALLS = new Set([
  't',
  'say',
  'has',
  'msg',
  'getByTestId',
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'addEventListener',
  'removeEventListener',
  'setAttribute',
  'getAttribute',
  'matchMedia',
  'getItem',
  'setItem',
  'removeItem',
  'require',
  'import',
]);

export function isSentenceLike(text: string): boolean {
  const words = text.trim();
  if (!/\p{L}/u.test(words)) return false;
  if (/^[\w.-]+$/.test(words) && !/[.…?!]$/.test(words)) return false;
  return /^\p{Lu}\p{Ll}+[,:;]?\s+\S/u.test(words) || /\p{L}\p{Ll}*[.…?!]$/u.test(words);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return ts.isIdentifier(callee.expression) && callee.expression.text === 'console' ? 'console' : callee.name.text;
  return undefined;
}

/** Whether the literal sits where text is code, not words (see the file comment). */
function isCode(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) && parent.name === child) return true;
    if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && MARKUP_PROPERTIES.has(parent.name.text)) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
    if (ts.isJsxAttribute(parent) && MARKUP_ATTRIBUTES.has(parent.name.getText())) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && child !== parent.expression) {
      const name = calleeName(parent);
      if (name === 'console' || (name !== undefined && KEY_CALLS.has(name))) return true;
    }
    if (ts.isStatement(parent)) return false;
  }
  return false;
}

export interface Finding {
  where: string;
  text: string;
}

export function findHardCodedText(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (IGNORE_MARK.test(lines[line] ?? '') || IGNORE_MARK.test(lines[line - 1] ?? '')) return;
    if (!isSentenceLike(text) || isCode(node)) return;
    findings.push({ where: `${path.relative(ROOT, file)}:${line + 1}`, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) report(node, node.text);
    else if (ts.isJsxText(node)) report(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe('no hard-coded cashier-facing text in the renderer', () => {
  it('finds none in renderer/**/*.ts(x) outside tests (each finding: file:line and the text)', () => {
    const findings = sourceFiles(RENDERER).flatMap((file) => findHardCodedText(file, readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.where}  "${f.text}"`)).toEqual([]);
  });
});

describe('what counts as hard-coded text', () => {
  const scan = (source: string, file = 'renderer/x.tsx') => findHardCodedText(path.join(ROOT, file), source).map((f) => f.text);

  it('sentences in maps, helpers, JSX text and labels are found', () => {
    const source = [
      "const DECLINE = { insufficient_funds: 'Card declined — not enough money', expired: 'Card expired.' };",
      'const title = `Paid on ${terminal}`;',
      'const loading = "Loading…";',
      'export const View = () => <button aria-label="Close the dialog">Pay now</button>;',
    ].join('\n');
    expect(scan(source)).toEqual(['Card declined — not enough money', 'Card expired.', 'Paid on', 'Loading…', 'Close the dialog', 'Pay now']);
  });

  it('code is not: imports, keys, class names, test ids, types, console, key lookups, marked lines', () => {
    const source = [
      "import { Thing } from './Some Module';",
      "type Tone = 'Very good' | 'Bad.';",
      "const styles = { 'Big Title': 1, className: 'Result card wide' };",
      "const el = <div className='Result card' data-testid='End of day total'>{t('checkout.pay')}</div>;",
      "console.warn('Bridge closed, retrying.');",
      "const word = t('results.declined.title', { amount: 'Not a key.' });",
      '// i18n-ignore: developer-facing crash detail, never shown to a cashier',
      "throw new Error('The bridge is missing.');",
      "const key = 'checkout.pay'; const id = 'lane-1'; const tone = 'ok';",
    ].join('\n');
    expect(scan(source)).toEqual([]);
  });

  it('isSentenceLike: words, not identifiers', () => {
    expect(isSentenceLike('Payment declined')).toBe(true);
    expect(isSentenceLike('Try again?')).toBe(true);
    expect(isSentenceLike('Pay')).toBe(false);
    expect(isSentenceLike('checkout.pay')).toBe(false);
    expect(isSentenceLike('EUR')).toBe(false);
    expect(isSentenceLike('2024-01-01')).toBe(false);
    expect(isSentenceLike('.')).toBe(false);
  });
});
