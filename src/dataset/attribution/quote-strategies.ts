import type { Sentence } from '../clean';
import type { QuoteSpan } from '../quotes';
import {
  appositiveOf,
  candidates,
  channelOf,
  isClosingVerb,
  isParticiple,
  maskQuotes,
  resolve,
  sentenceSubject,
  subjectOfVerb,
  verbs,
  ATTACHED,
  type Attribution,
  type Candidate,
  type Context,
  type Known,
} from './speakers';
import { INVERTED_VERBS, alternation } from '../../text/lexicon-en';

/**
 * Characters read on either side of a quotation to attribute it. A speaker stands next to
 * the quotation, in the same sentence; without this bound, a page-supplied paragraph that is
 * one long "sentence" of quotations costs cubic time (each quotation rereads all of it).
 */
const ATTRIBUTION_WINDOW = 600;

/** One quotation where it stands: what every strategy may read about it. */
export interface QuoteSite {
  quote: QuoteSpan;
  /** The paragraph being read: the one the quotation closes in. */
  paragraph: number;
  sentences: Sentence[];
  /** The paragraph with quoted text blanked out. */
  masked: string;
  /** Known people within [from, to) of `masked`, offsets from `from`. */
  knownIn(from: number, to: number): Known;
  /** The speaker of an earlier quotation in this paragraph. */
  paragraphSpeaker: string | null;
  /** The last speaker of the previous paragraph's statements. */
  previousParagraphSpeaker: string | null;
  /** Whether the paragraph is nothing but quotation. */
  quoteOnly(): boolean;
}

/** A named way to find a quotation's speaker; null when it does not apply. */
export interface QuoteStrategy {
  name: string;
  attribute(site: QuoteSite, ctx: Context): Attribution | null;
}

/** The sentence holding `offset` (binary search: a paragraph may hold thousands). */
function sentenceAt(sentences: Sentence[], offset: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo]!;
}

/** The closing sentence around the quotation's end, and the candidates in it. */
interface Tail {
  full: string;
  tail: string;
  tailStart: number;
  cands: Candidate[];
}

const tails = new WeakMap<QuoteSite, Tail | null>();

/** The text after the quotation in its sentence (read once per quotation, for every strategy after it). */
function tailOf(site: QuoteSite, ctx: Context): Tail | null {
  if (tails.has(site)) return tails.get(site)!;
  const q = site.quote;
  const closeSentence = sentenceAt(site.sentences, q.close);
  const sentenceEnd = closeSentence.start + closeSentence.text.length;
  const from = Math.max(closeSentence.start, q.close - ATTRIBUTION_WINDOW);
  const full = site.masked.slice(from, Math.min(sentenceEnd, q.close + 1 + ATTRIBUTION_WINDOW));
  const tailStart = q.close + 1 - from;
  const value =
    tailStart <= full.length
      ? {
          full,
          tailStart,
          tail: full.slice(Math.max(0, tailStart)),
          cands: candidates(full, ctx.registry, site.knownIn(from, from + full.length)),
        }
      : null;
  tails.set(site, value);
  return value;
}

const INVERTED = new RegExp(`^\\s*[,.!?—–-]*\\s*(${alternation(INVERTED_VERBS)})\\s+`);

/** `,” said Martin Indyk, executive vice president …`: the verb, then the speaker. */
export const invertedVerbAfter: QuoteStrategy = {
  name: 'inverted verb after',
  attribute(site, ctx) {
    const t = tailOf(site, ctx);
    const inv = t && INVERTED.exec(t.tail);
    if (!t || !inv) return null;
    const at = t.tailStart + inv[0].length;
    const c = t.cands.find((x) => x.start === at);
    if (!c || c.kind === 'pronoun' || c.kind === 'who') return null;
    const rest = t.full.slice(c.end);
    const role = /^,\s*([^.;]{2,170})/.exec(rest)?.[1] ?? null;
    return {
      speaker: resolve(c, ctx, t.full, t.cands, 'after', role),
      channel: channelOf(rest),
    };
  },
};

/** `,” Putin said`, `…, he said.`, or "…, Senator X, the head of …, said." at the sentence's end. */
export const verbAfter: QuoteStrategy = {
  name: 'verb after',
  attribute(site, ctx) {
    const t = tailOf(site, ctx);
    if (!t) return null;
    const { full, tailStart, cands } = t;
    // What depends on the candidate alone is worked out once, not once per verb: a run-on
    // sentence holds many of both. Only candidates right after the quotation, or after a comma
    // in the tail, can be the speaker; latest first.
    const eligible: { c: Candidate; right: boolean; descriptor: RegExpExecArray | null }[] = [];
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      if (c.start < tailStart || c.kind === 'who') continue;
      const lead = full.slice(tailStart, c.start);
      // Right after the quotation, maybe behind a short descriptor ("Seoul resident Margie Kim").
      const descriptor = /^\s*[,.!?—–-]*\s*((?:[A-Za-z’'.-]+\s+){1,5})$/.exec(lead);
      const right =
        /^\s*[,.!?—–-]*\s*$/.test(lead) ||
        (!!descriptor &&
          c.kind === 'name' &&
          !verbs().test(descriptor[1]!) &&
          !/[,;:]/.test(descriptor[1]!));
      // `trimEnd` strips what `\s` matches: this is /,\s*$/ without a scan of the whole lead.
      if (right || lead.trimEnd().endsWith(',')) eligible.push({ c, right, descriptor });
    }
    const re = verbs();
    re.lastIndex = tailStart;
    for (let v = re.exec(full); v; v = re.exec(full)) {
      const vStart = v.index;
      let lateVerb: boolean | undefined;
      for (const { c, right, descriptor } of eligible) {
        if (c.end > vStart) continue;
        if (!right) {
          lateVerb ??=
            isClosingVerb(v[1]!) &&
            !verbs().test(full.slice(vStart + v[0].length).replace(/\bas cited\b/, ''));
          if (!lateVerb) continue;
        }
        const gap = full.slice(c.end, vStart);
        if (!ATTACHED.test(gap)) continue;
        const role =
          appositiveOf(gap) ?? (descriptor && c.kind === 'name' ? descriptor[1]!.trim() : null);
        const speaker = resolve(c, ctx, full, cands, 'after', role);
        return { speaker, channel: channelOf(full.slice(vStart)) };
      }
    }
    return null;
  },
};

/** Headline style: "… 'doing everything he promised' – Putin". */
export const headlineDash: QuoteStrategy = {
  name: 'headline dash',
  attribute(site, ctx) {
    const t = tailOf(site, ctx);
    const dash = t && /\s[–—-]\s+([^–—-]+?)\s*$/.exec(t.tail);
    if (!t || !dash) return null;
    const at = t.tailStart + dash.index + dash[0].indexOf(dash[1]!);
    const c = t.cands.find((x) => x.start === at && (x.kind === 'person' || x.kind === 'name'));
    return c ? { speaker: resolve(c, ctx, t.full, t.cands, 'after', null), channel: null } : null;
  },
};

/** The sentence the quotation opens in, when it opens in the paragraph being read. */
function openingSentence(site: QuoteSite): Sentence | null {
  if (site.quote.paragraph !== site.paragraph) return null;
  return sentenceAt(site.sentences, site.quote.open);
}

/** `Putin said that Russia had “counted”`: a speech verb before the quotation, in its sentence. */
export const verbBefore: QuoteStrategy = {
  name: 'verb before',
  attribute(site, ctx) {
    const q = site.quote;
    const openSentence = openingSentence(site);
    if (!openSentence) return null;
    const start = Math.max(openSentence.start, q.open - ATTRIBUTION_WINDOW);
    const pre = site.masked.slice(start, q.open);
    const cands = candidates(pre, ctx.registry, site.knownIn(start, q.open));
    const found = [...pre.matchAll(verbs())];
    for (let vi = found.length - 1; vi >= 0; vi--) {
      const v = found[vi]!;
      if (isParticiple(v[1]!)) {
        const subject = sentenceSubject(pre, cands, ctx, v.index);
        if (subject) return { speaker: subject, channel: channelOf(pre.slice(v.index)) };
        continue;
      }
      const subject = subjectOfVerb(pre, cands, ctx, v.index, true);
      if (subject) return { speaker: subject.speaker, channel: channelOf(pre.slice(v.index)) };
    }
    return null;
  },
};

/**
 * A sentence that is only the quotation, after a sentence about a person in the same
 * paragraph ("X summed up the danger with a metaphor. “…”"): that person.
 */
export const previousSentenceSubject: QuoteStrategy = {
  name: 'previous sentence subject',
  attribute(site, ctx) {
    const q = site.quote;
    const openSentence = openingSentence(site);
    if (!openSentence) return null;
    const index = site.sentences.indexOf(openSentence);
    if (q.open - openSentence.start > 1 || index <= 0) return null;
    const prev = maskQuotes(site.sentences[index - 1]!.text);
    const subject = sentenceSubject(prev, candidates(prev, ctx.registry), ctx, prev.length);
    return subject ? { speaker: subject, channel: null } : null;
  },
};

/**
 * No attribution in the sentence: the speaker of this paragraph's other quotation, or of the
 * previous paragraph when this paragraph is nothing but quotation.
 */
export const paragraphSpeaker: QuoteStrategy = {
  name: 'paragraph speaker',
  attribute(site) {
    const speaker =
      site.paragraphSpeaker ?? (site.quoteOnly() ? site.previousParagraphSpeaker : null);
    return speaker ? { speaker, channel: null } : null;
  },
};

/** The strategies in the order they are tried: the first that applies names the speaker. */
export const QUOTE_STRATEGIES: readonly QuoteStrategy[] = [
  invertedVerbAfter,
  verbAfter,
  headlineDash,
  verbBefore,
  previousSentenceSubject,
  paragraphSpeaker,
];
