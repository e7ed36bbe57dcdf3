/**
 * Audible cues: the void alert's, and the scanner's "not in the catalogue". Web Audio where it
 * exists; silently nothing where it does not (jsdom, locked-down kiosks): a missing speaker must
 * never stop the alert or the message from showing.
 */
function beeps(count: number, frequency: number, gapSeconds: number, lengthSeconds: number): void {
  try {
    const Ctx =
      (globalThis as { AudioContext?: typeof AudioContext }).AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const start = ctx.currentTime;
    for (let i = 0; i < count; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = frequency;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * gapSeconds);
      osc.stop(start + i * gapSeconds + lengthSeconds);
    }
    setTimeout(() => void ctx.close().catch(() => undefined), (count * gapSeconds + 0.3) * 1000);
  } catch {
    // No audio device or autoplay blocked: the visual alert still stands.
  }
}

/** Three short high beeps for a void alert: distinct from any terminal sound. */
export function playAlertBeep(): void {
  beeps(3, 880, 0.3, 0.18);
}

/** One low buzz for a scan the till could not use (unknown barcode): unlike the void alert's beeps. */
export function playScanErrorBeep(): void {
  beeps(1, 220, 0.4, 0.35);
}
