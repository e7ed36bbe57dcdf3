/**
 * An audible cue for a void alert. Web Audio where it exists; silently nothing where it does not
 * (jsdom, locked-down kiosks): a missing speaker must never stop the alert from showing.
 */
export function playAlertBeep(): void {
  try {
    const Ctx =
      (globalThis as { AudioContext?: typeof AudioContext }).AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const start = ctx.currentTime;
    // Three short high beeps: distinct from any terminal sound.
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * 0.3);
      osc.stop(start + i * 0.3 + 0.18);
    }
    setTimeout(() => void ctx.close().catch(() => undefined), 1200);
  } catch {
    // No audio device or autoplay blocked: the visual alert still stands.
  }
}
