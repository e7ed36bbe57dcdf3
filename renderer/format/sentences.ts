/**
 * Joins the sentences one screen says (till: words a cashier uses): the core's detail, the gateway's
 * reason and the screen's own words often overlap ("The customer was not charged." from both),
 * and a reason without a full stop ran into the next sentence. Each sentence ends with a stop
 * and is said once.
 */
export function joinSentences(...parts: (string | undefined | null | false)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const raw of part.split(/(?<=[.!?])\s+/)) {
      const sentence = raw.trim();
      if (!sentence) continue;
      const key = sentence.toLowerCase().replace(/[.!?]+$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`);
    }
  }
  return out.join(' ');
}
