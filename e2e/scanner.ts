import type { Page } from '@playwright/test';

/** What a keyboard-wedge scanner leaves between two keys. */
const SCANNER_KEY_GAP_S = 0.008;

/**
 * Types a barcode the way a keyboard-wedge scanner does: one key every few milliseconds, then
 * Enter, into whatever has the focus. The keys carry the scanner's own timing (CDP's event
 * timestamp, as the OS stamps hardware keys), so a busy test machine delivering them late does
 * not make a scan look like a person typing.
 */
export async function scanBarcode(page: Page, barcode: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...barcode].map((ch) => ({ key: ch, code: keyCode(ch), text: ch, vk: ch.toUpperCase().charCodeAt(0) }));
  keys.push({ key: 'Enter', code: 'Enter', text: '\r', vk: 13 });
  try {
    for (const [i, k] of keys.entries()) {
      const timestamp = start + i * SCANNER_KEY_GAP_S;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k.key, code: k.code, text: k.text, windowsVirtualKeyCode: k.vk, timestamp });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, timestamp: timestamp + 0.002 });
    }
  } finally {
    await cdp.detach();
  }
}

function keyCode(ch: string): string {
  if (/\d/.test(ch)) return `Digit${ch}`;
  if (/[a-z]/i.test(ch)) return `Key${ch.toUpperCase()}`;
  return '';
}
