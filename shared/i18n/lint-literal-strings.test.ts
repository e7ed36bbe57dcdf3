import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * eslint.config.js turns on formatjs/no-literal-string-in-jsx for the renderer's components: a
 * snippet linted as if it lived there (nothing written to disk) shows the rule is on, covers the
 * attributes a cashier or a screen reader meets, and leaves tests and markup attributes alone.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function literalStrings(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'formatjs/no-literal-string-in-jsx' && m.severity === 2).length;
}

describe('formatjs/no-literal-string-in-jsx in renderer components', () => {
  it.each([
    ['JSX text', '<p>Payment declined</p>'],
    ['aria-label', '<button aria-label="Close" />'],
    ['title', '<span title="Terminal offline" />'],
    ['placeholder', '<input placeholder="Order reference" />'],
    ['alt', '<img alt="Receipt" src="r.png" />'],
    ['label', '<Field label="Amount" />'],
    ['a string expression in JSX', "<p>{'Not charged'}</p>"],
  ])('is an error for %s', async (_what, jsx) => {
    expect(
      await literalStrings('renderer/components/Probe.tsx', `const Field = (p: { label: string }) => <i>{p.label}</i>;\nexport const A = () => ${jsx};`),
    ).toBe(1);
  });

  it('leaves translated text, class names and test ids alone', async () => {
    const code =
      "declare const t: (k: string) => string;\nexport const A = () => <p className='result big' data-testid='eod-total' aria-label={t('common.close')}>{t('results.declined.title')}</p>;";
    expect(await literalStrings('renderer/components/Probe.tsx', code)).toBe(0);
  });

  it('does not apply to tests', async () => {
    expect(await literalStrings('renderer/components/Probe.test.tsx', 'export const A = () => <p>Payment declined</p>;')).toBe(0);
  });
});
