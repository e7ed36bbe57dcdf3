/** Status is never colour alone: every status line gets an icon and words, the icon hidden from readers. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'busy';

const ICONS: Record<Tone, string> = { ok: '✓', warn: '⚠', bad: '✕', info: 'ℹ', busy: '⟳' };

export function StatusIcon({ tone }: { tone: Tone }) {
  return (
    <span className={`icon icon-${tone}`} aria-hidden="true">
      {ICONS[tone]}
    </span>
  );
}
