/** Sentence ends in the till's languages: Latin and Arabic stops, and the Japanese full-width ones. */
const ENDS = /[.!?…。！？؟]$/;
const LATIN_SPLIT = /(?<=[.!?؟])\s+|(?<=[。！？])\s*/;

/**
 * Joins the sentences one screen says (till: words a cashier uses): the core's detail, the gateway's
 * reason and the screen's own words often overlap ("The customer was not charged." from both),
 * and a reason without a full stop ran into the next sentence. Each sentence ends with a stop
 * and is said once. Japanese ends a sentence with "。" and puts no space after it; English,
 * German, Spanish and Arabic use ". " (Arabic's own question mark "؟" counts as an end).
 */
export function joinSentencesIn(language: string, ...parts: (string | undefined | null | false)[]): string {
  const japanese = language === 'ja';
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const raw of part.split(LATIN_SPLIT)) {
      const sentence = raw.trim();
      if (!sentence) continue;
      const key = sentence.toLowerCase().replace(/[.!?。！？؟]+$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ENDS.test(sentence) ? sentence : `${sentence}${japanese ? '。' : '.'}`);
    }
  }
  return out.join(japanese ? '' : ' ');
}

/** English (and every language that writes ". "): kept for callers that have no translator. */
export function joinSentences(...parts: (string | undefined | null | false)[]): string {
  return joinSentencesIn('en', ...parts);
}
