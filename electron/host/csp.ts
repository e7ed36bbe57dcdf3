/**
 * The renderer's Content-Security-Policy, for both hosts. Everything comes from our own origin;
 * no inline or eval'd script, no plugins, no framing, no form posts, no remote fetches. The only
 * difference between hosts is where the bridge lives: Electron uses IPC (no network at all), the
 * browser host a loopback WebSocket on its own port.
 */
export function buildCsp(options: { connectSrc?: string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style properties through the CSSOM, which CSP does not restrict; no inline <style>.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** The Electron renderer (app://checkstand): its bridge is IPC, so nothing beyond 'self'. */
export const ELECTRON_CSP = buildCsp();

/** The browser host: its bridge is ws://127.0.0.1:PORT (named explicitly: not every engine maps 'self' to ws:). */
export function browserHostCsp(port: number): string {
  return buildCsp({ connectSrc: [`ws://127.0.0.1:${port}`] });
}

/** Headers every renderer response carries, in both hosts. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
