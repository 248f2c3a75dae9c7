import { splitSentences } from './clean';
import { addingThat, MAX_SENTENCE, reportedSpeech } from './attribution/reported-speech';
import { maskQuotes, verbs, type Context, type Known } from './attribution/speakers';
import { QUOTE_STRATEGIES, type QuoteSite } from './attribution/quote-strategies';
import type { PeopleRegistry } from './people-registry';
import { findQuotes, type QuoteSpan } from './quotes';
import type { StatementKind } from './types';

/** A statement before ids are given. */
export interface RawStatement {
  paragraph: number;
  /** Offset in the paragraph, for ordering. */
  offset: number;
  speaker: string | null;
  kind: StatementKind;
  text: string;
  channel: string | null;
}

/** Quotations by the paragraph they close in, in order of closing. */
function quotesByParagraph(paragraphs: string[]): Map<number, QuoteSpan[]> {
  const byParagraph = new Map<number, QuoteSpan[]>();
  for (const q of findQuotes(paragraphs)) {
    const list = byParagraph.get(q.endParagraph) ?? [];
    list.push(q);
    byParagraph.set(q.endParagraph, list);
  }
  for (const list of byParagraph.values()) list.sort((a, b) => a.close - b.close);
  return byParagraph;
}

/** `knownIn` of a paragraph: its known people read once, then sliced by binary search. */
function knownReader(registry: PeopleRegistry, masked: string): QuoteSite['knownIn'] {
  let knownHere: Known | null = null;
  return (from, to) => {
    knownHere ??= registry.known(masked);
    let lo = 0;
    let hi = knownHere.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (knownHere[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Known = [];
    for (let i = lo; i < knownHere.length && knownHere[i]!.start < to; i++) {
      const k = knownHere[i]!;
      if (k.end <= to) out.push({ ...k, start: k.start - from, end: k.end - from });
    }
    return out;
  };
}

/**
 * Extracts statements from cleaned paragraphs (headline first): every direct quotation with
 * its speaker and channel, and reported speech as paraphrases. A quotation's speaker is the
 * first of `QUOTE_STRATEGIES` that applies (a verb after it, before it, the previous
 * sentence's subject, the paragraph's speaker); names, pronouns (after a quotation, the
 * person speaking so far — not the nearest name), role nouns ("the senator") and relative
 * "who" are resolved from the text. Unresolved speakers stay null.
 */
export function extractStatements(paragraphs: string[], registry: PeopleRegistry): RawStatement[] {
  registry.prepare(paragraphs);
  const byParagraph = quotesByParagraph(paragraphs);
  const ctx: Context = { registry, lastSpeaker: null, mentions: [] };
  const out: RawStatement[] = [];
  let previousParagraphSpeaker: string | null = null;
  paragraphs.forEach((text, p) => {
    registry.enterParagraph(p, text);
    const sentences = splitSentences(text);
    const masked = maskQuotes(text);
    const found: RawStatement[] = [];
    const knownIn = knownReader(registry, masked);
    let quoteOnly: boolean | undefined;
    let paragraphSpeaker: string | null = null;
    for (const quote of byParagraph.get(p) ?? []) {
      const site: QuoteSite = {
        quote,
        paragraph: p,
        sentences,
        masked,
        knownIn,
        paragraphSpeaker,
        previousParagraphSpeaker,
        quoteOnly: () =>
          (quoteOnly ??=
            masked.replace(/[“"„«][\s]*[”"»]/g, '').replace(/[\s.,;:!?'’”“"—–-]/g, '') === ''),
      };
      let attribution = null;
      for (const strategy of QUOTE_STRATEGIES) {
        attribution = strategy.attribute(site, ctx);
        if (attribution) break;
      }
      const speaker = attribution?.speaker ?? null;
      if (speaker) {
        ctx.lastSpeaker = speaker;
        paragraphSpeaker = speaker;
      }
      found.push({
        paragraph: quote.paragraph,
        offset: quote.open,
        speaker,
        kind: 'quote',
        text: quote.text,
        channel: attribution?.channel ?? null,
      });
    }
    // Quotations without attribution that came before an attributed one in the paragraph.
    if (paragraphSpeaker && found.length > 1 && !verbs().test(masked)) {
      for (const s of found) if (s.speaker === null) s.speaker = paragraphSpeaker;
    }
    // The headline reports no speech of its own.
    for (const sentence of p === 0 ? [] : sentences) {
      // Not prose (a page's run-on text): its quotations count, reported speech is not read.
      if (sentence.text.length > MAX_SENTENCE) continue;
      const paraphrases = reportedSpeech(sentence.text, ctx);
      for (const para of paraphrases) if (para.speaker) ctx.lastSpeaker = para.speaker;
      const adding = addingThat(sentence.text, ctx, paragraphSpeaker);
      for (const para of adding ? [...paraphrases, adding] : paraphrases) {
        found.push({
          ...para,
          paragraph: p,
          offset: sentence.start + para.offset,
          kind: 'paraphrase',
        });
      }
    }
    for (const k of registry.known(text)) {
      if (!k.ambiguous) ctx.mentions.push(k.person);
    }
    previousParagraphSpeaker = found.filter((s) => s.speaker !== null).at(-1)?.speaker ?? null;
    out.push(...found.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset));
  });
  return out;
}
