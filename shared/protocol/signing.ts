/**
 * HMAC-SHA256 request signing for the gateway's HTTP API (§11.1).
 * Uses Web Crypto so the same code runs in Node (core, simulator) and in a browser.
 */

export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The 5-minute window of `x-timestamp` (§11.1, S3). */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function sha256Hex(body: string): Promise<string> {
  if (body === '') return EMPTY_BODY_SHA256;
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(body)));
}

export async function stringToSign(method: string, path: string, timestamp: string, body: string): Promise<string> {
  return [method.toUpperCase(), path, timestamp, await sha256Hex(body)].join('\n');
}

/** `Base64(HMAC-SHA256(apiSecret, METHOD \n PATH \n TIMESTAMP \n hex(SHA256(BODY))))`. */
export async function signRequest(apiSecret: string, method: string, path: string, timestamp: string, body = ''): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(await stringToSign(method, path, timestamp, body)));
  return toBase64(mac);
}

/** Constant-time comparison of two signatures (same length strings). */
export function signaturesEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
