import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, browserHostCsp, securityHeaders } from './csp';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v.join(' ')]),
  );
}

describe('Content-Security-Policy', () => {
  it('allows only our own scripts, styles and connections in Electron, and nothing inline', () => {
    const d = directives(ELECTRON_CSP);
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
  });

  it('lets the browser host page reach only its own loopback bridge', () => {
    const d = directives(browserHostCsp(5173));
    expect(d.get('connect-src')).toBe("'self' ws://127.0.0.1:5173");
    expect(d.get('script-src')).toBe("'self'");
  });

  it('is sent with the other hardening headers', () => {
    expect(securityHeaders(ELECTRON_CSP)).toMatchObject({
      'Content-Security-Policy': ELECTRON_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
  });
});
