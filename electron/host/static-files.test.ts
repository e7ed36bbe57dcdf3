import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from './static-files';

const root = resolve('/srv/checkstand/renderer');

describe('resolveInside (the path-traversal guard both hosts use)', () => {
  it('maps ordinary paths into the renderer directory', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveInside(root, '/assets/my%20logo.svg')).toBe(join(root, 'assets', 'my logo.svg'));
  });

  it('refuses every spelling of "go up", backslashes, NUL bytes and broken escapes', () => {
    for (const path of ['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd', '/..%5cwindows', '/a%00.js', '/%E0%A4%A']) {
      expect(resolveInside(root, path), path).toBeUndefined();
    }
  });
});
