/**
 * Cleans the terminal's `receiptData` before it goes near a printer (OQ-23). The text is opaque and
 * belongs to the payment processor, so we keep its words and line breaks verbatim and only remove
 * what a printer or a PDF cannot show honestly: control characters (a stray ESC would start a
 * printer command), invisible or direction-changing characters, runaway sizes. Text that is
 * clearly not meant to be read (JSON, base64, binary) is reported so the caller prints a fallback.
 */

/** Characters beyond this are never looked at (the schema allows 1 MB; no receipt is that long). */
export const RECEIPT_DATA_MAX_CHARS = 32_000;
/** Lines kept after cleaning; a receipt longer than this is cut with a visible note. */
export const RECEIPT_DATA_MAX_LINES = 300;

export type CleanReceiptData =
  { kind: 'empty' } | { kind: 'text'; lines: string[]; truncated: boolean } | { kind: 'unprintable'; reason: 'json' | 'base64' | 'binary'; length: number };

// ESC/POS and ANSI command sequences: drop the introducer and the command letter together, so no
// stray "@" or "[1m" is left behind on paper.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPE_SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|[\x1b\x1c\x1d][\x00-\x7f]?/g;
// C0 controls except tab and newline, DEL, C1 controls, zero-width and bidi controls, BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function cleanReceiptData(raw: string | undefined | null): CleanReceiptData {
  if (typeof raw !== 'string' || raw.trim() === '') return { kind: 'empty' };
  const capped = raw.length > RECEIPT_DATA_MAX_CHARS ? raw.slice(0, RECEIPT_DATA_MAX_CHARS) : raw;
  const trimmed = capped.trim();

  if (looksLikeJson(trimmed)) return { kind: 'unprintable', reason: 'json', length: raw.length };
  if (looksLikeBase64(trimmed)) return { kind: 'unprintable', reason: 'base64', length: raw.length };

  const normalised = capped.normalize('NFC').replace(/\r\n?|\f|\v|\u2028|\u2029/g, '\n');
  const withoutEscapes = normalised.replace(ESCAPE_SEQUENCES, '');
  const removed = (withoutEscapes.match(INVISIBLE)?.length ?? 0) + (withoutEscapes.match(/\ufffd/g)?.length ?? 0);
  // Mostly control bytes or replacement characters: a binary blob, not a receipt.
  if (removed > 16 && removed / withoutEscapes.length > 0.1) return { kind: 'unprintable', reason: 'binary', length: raw.length };

  const text = withoutEscapes.replace(INVISIBLE, '');
  let lines = text.split('\n').map((line) => expandTabs(line).replace(/\s+$/u, ''));
  // Blank lines at the edges only waste paper; runs of blank lines inside are kept to two.
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines = lines.filter((line, i) => line !== '' || lines[i - 1] !== '' || lines[i - 2] !== '');
  if (lines.length === 0) return { kind: 'empty' };

  const truncated = lines.length > RECEIPT_DATA_MAX_LINES || capped.length < raw.length;
  if (lines.length > RECEIPT_DATA_MAX_LINES) lines = lines.slice(0, RECEIPT_DATA_MAX_LINES);
  return { kind: 'text', lines, truncated };
}

function looksLikeJson(text: string): boolean {
  if (!/^[[{]/.test(text) || !/[\]}]$/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// A receipt has spaces between words and is mostly one letter case; base64 is a long unbroken run
// of its alphabet with upper case, lower case and digits mixed. Short or multi-line spaceless
// text ("THANKYOU" / "VISA4242") stays text.
function looksLikeBase64(text: string): boolean {
  if (/[ \t]/.test(text)) return false;
  const joined = text.replace(/\s+/g, '');
  const minLength = text.includes('\n') ? 64 : 24;
  if (joined.length < minLength || !BASE64.test(joined)) return false;
  return /[a-z]/.test(joined) && /[A-Z]/.test(joined) && /[0-9]/.test(joined);
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}
