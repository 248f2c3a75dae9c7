import {
  candidates,
  channelOf,
  isParticiple,
  isReporting,
  maskQuotes,
  sentenceSubject,
  subjectOfVerb,
  verbs,
  type Context,
} from './speakers';

/** Reported speech found in one sentence: where it starts, its words, who said it. */
export interface Paraphrase {
  offset: number;
  text: string;
  speaker: string | null;
  channel: string | null;
}

/**
 * Longest sentence read for reported speech ("X said that …", which runs to the sentence's
 * end): prose sentences are far shorter, and each verb in a longer one would reread the rest.
 */
export const MAX_SENTENCE = 2000;

/** Reported speech in a sentence without quotation marks: "Putin said that …". */
export function reportedSpeech(sentence: string, ctx: Context): Paraphrase[] {
  if (/[“”"«»]/.test(sentence)) return [];
  const out: Paraphrase[] = [];
  const cands = candidates(sentence, ctx.registry);
  for (const v of sentence.matchAll(verbs())) {
    if (!isReporting(v[1]!)) continue;
    let after = sentence.slice(v.index + v[0].length);
    // "said on Monday that …": a time or place before "that" is not part of the clause.
    const lead =
      /^(?:\s+regret|\s+hope|\s+concern)?(?:\s+(?:on|in|at|to|during)\s+[^,]*?)?\s*(?:,\s*)?(that\s+)/.exec(
        after,
      ) ??
      /^(?:\s+regret|\s+hope|\s+concern)?(?:\s+(?:on|in|at|to|during)\s+[^,]*?)?\s*(?:,\s*)?(that\s+)?/.exec(
        after,
      )!;
    if (v[1] === 'told' && !lead[1]) continue;
    if (v[1] === 'expressed' && !/^\s+(?:regret|hope|concern)/.test(after)) continue;
    after = after.slice(lead[0].length);
    const text = after
      .replace(/,\s*(?:adding|saying|noting)\s+that\b.*$/, '')
      .replace(/[.!?]\s*$/, '')
      .trim();
    if (text.split(/\s+/).length < 5 || !/^[A-Za-z]/.test(text)) continue;
    // Without "that", the clause must look like one: a capital, an article or an auxiliary soon.
    if (
      !lead[1] &&
      !/^(?:the|a|an|[A-Z])/.test(text) &&
      !/^(?:\S+\s+){0,6}(?:had|has|have|was|were|is|are|would|will|could|should|did|must|might|may|can)\b/.test(
        text,
      )
    ) {
      continue;
    }
    // A reporting verb whose subject is no person ("Trump's critics said"): speaker unknown.
    const speaker = isParticiple(v[1]!)
      ? sentenceSubject(sentence, cands, ctx, v.index)
      : (subjectOfVerb(sentence, cands, ctx, v.index, false)?.speaker ?? null);
    out.push({ offset: v.index, text, speaker, channel: channelOf(sentence.slice(v.index)) });
  }
  return out;
}

/**
 * "…,” adding that …" after a quotation: reported speech whose speaker is the sentence's
 * subject, or `fallback` (the paragraph's speaker).
 */
export function addingThat(
  sentence: string,
  ctx: Context,
  fallback: string | null,
): Paraphrase | null {
  const adding = /,[”"]?\s*(adding|saying|noting)\s+that\s+([^“”"]+?)[.!?]?\s*$/.exec(sentence);
  if (!adding || !/[“”"]/.test(sentence.slice(0, adding.index))) return null;
  const text = adding[2]!.trim();
  const masked = maskQuotes(sentence);
  const cands = candidates(masked, ctx.registry);
  const speaker = sentenceSubject(masked, cands, ctx, adding.index) ?? fallback;
  if (text.split(/\s+/).length < 5) return null;
  return { offset: adding.index, text, speaker, channel: null };
}
