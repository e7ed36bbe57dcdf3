/**
 * Keyboard-wedge barcode scanners "type" the code far faster than any person and end it with
 * Enter. Told apart by timing alone: at least MIN_LENGTH characters whose keystrokes came on
 * average at most MEAN_GAP_MS apart (people type 100–250 ms apart; scanners 1–20 ms), none more
 * than MAX_GAP_MS apart, and the Enter right after. Times come from the caller (the key event's
 * clock in the app, plain numbers in tests).
 */
export const MIN_LENGTH = 6;
export const MEAN_GAP_MS = 40;
export const MAX_GAP_MS = 120;

export type KeyReading =
  /** A character that begins a new burst: the caller notes what the focused field held before it. */
  | { kind: 'burstStart' }
  /** Anything a person may be typing: let it through. */
  | { kind: 'typing' }
  /** Enter ended a scan: the caller stops the Enter and puts the field back as it was. */
  | { kind: 'scan'; code: string };

export class ScanDetector {
  private chars = '';
  private firstAt = 0;
  private lastAt = -Infinity;

  /** One keydown: `key` as KeyboardEvent.key, `at` in ms. */
  key(key: string, at: number): KeyReading {
    if (key === 'Enter') return this.enter(at);
    if (key.length !== 1) return { kind: 'typing' };
    if (this.chars === '' || at - this.lastAt > MAX_GAP_MS) {
      this.chars = key;
      this.firstAt = at;
      this.lastAt = at;
      return { kind: 'burstStart' };
    }
    this.chars += key;
    this.lastAt = at;
    return { kind: 'typing' };
  }

  /** Forget the burst (the keys went to another field: a scanner types into one place). */
  reset(): void {
    this.chars = '';
  }

  private enter(at: number): KeyReading {
    const { chars, firstAt, lastAt } = this;
    this.chars = '';
    const meanGap = (lastAt - firstAt) / Math.max(1, chars.length - 1);
    const isScan = chars.length >= MIN_LENGTH && meanGap <= MEAN_GAP_MS && at - lastAt <= MAX_GAP_MS;
    return isScan ? { kind: 'scan', code: chars } : { kind: 'typing' };
  }
}
