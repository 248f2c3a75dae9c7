import { splitSentences, type Sentence } from './clean';
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

const VERB_SOURCE =
  /\b(said|says|say|added|adds|adding|told|tells|telling|wrote|writes|writing|stated|noted|noting|stressed|warned|warning|explained|insisted|argued|arguing|asked|replied|continued|declared|announced|announcing|remarked|commented|posted|tweeted|emphasized|emphasised|admitted|acknowledged|claimed|suggested|recalled|urged|predicted|concluded|saying|promised|agreed|echoed|hoped|threatened|described|vowed|pledged|complained|expressed|lamented|conceded|cautioned|countered|admits|admit|vows|warns|insists|claims|urges|tells|describes|continues|called)\b/
    .source;
/** A fresh global verb RegExp: shared global RegExps carry lastIndex from one use to the next. */
const verbs = () => new RegExp(VERB_SOURCE, 'g');
const END_VERB =
  /^(?:said|says|added|wrote|told|stated|argued|noted|explained|insisted|warned|recalled|continued)$/;
const PARTICIPLE = /^(?:adding|saying|noting|telling|writing|warning|arguing|announcing)$/;
/** Verbs that introduce reported speech ("X said that …"). */
const REPORTING =
  /^(?:said|says|told|announced|added|adding|saying|stressed|noted|noting|argued|warned|insisted|promised|agreed|expressed|admitted|acknowledged|claimed|suggested|declared|predicted|vowed|pledged)$/;

const ROLE =
  /\b(?:the|The)\s+((?:[A-Z][a-z]+\s+|senior\s+|former\s+|top\s+)?(?:senator|Senator|MP|lawmaker|president|President|leader|minister|Minister|premier|spokesman|spokeswoman|spokesperson|official|ambassador|chairman|chancellor|diplomat|congressman|congresswoman|governor|secretary|Secretary))\b/g;
const PRONOUN = /\b(he|she|He|She)\b/g;
const WHO = /,\s*(who)\b/g;
const UNKNOWN_NAME =
  /\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+|(?:President|Prime Minister|Senator|Secretary|Minister|Ambassador)\s+)?(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-zA-Z’'-]+){0,2}/g;

const CHANNEL =
  /\b(told (?:reporters|journalists|(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})|wrote on [A-Z][\w-]*|posted on [A-Z][\w-]*|as cited by [A-Z][\w-]*(?: [A-Z][\w-]*)?|according to [A-Z][\w-]*|in an interview with (?:the )?[A-Z][\w-]*|in a statement|on Twitter|on Facebook)/;

/** Gap allowed between a speaker and its verb: an appositive, a relative clause, adverbs. */
const ATTACHED =
  /^(?:[’']s\b[^,]{0,0})?(?:\s*,\s*(?:who\b[^,]*|[^,]{2,170}),)?\s*(?:(?:also|later|then|once|previously|recently|once again|again|has|had|have|was|is|had also|has also|[a-z]+ly|of [A-Z][a-z]+|on [A-Z][a-z]+day|on [A-Z][a-z]+|in a statement|in an interview|in an interview with [^,]+)\s+)*$/;

type Candidate =
  | { kind: 'person'; person: string; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'pronoun'; start: number; end: number }
  | { kind: 'role'; noun: string; start: number; end: number }
  | { kind: 'who'; start: number; end: number };

/** Replaces quoted text with spaces (same length), so verbs inside quotations are not read. */
function maskQuotes(text: string): string {
  return text.replace(
    /([“"„«‘])([^”"»’]*)([”"»’])/g,
    (_m, a: string, body: string, b: string) => a + ' '.repeat(body.length) + b,
  );
}

type Known = ReturnType<PeopleRegistry['known']>;

/** Known people in `text`, or the ones given (read once for the whole paragraph). */
function candidates(text: string, registry: PeopleRegistry, given?: Known): Candidate[] {
  const out: Candidate[] = [];
  const known = given ?? registry.known(text);
  for (const k of known) out.push({ kind: 'person', person: k.person, start: k.start, end: k.end });
  const covered = (s: number, e: number) => known.some((k) => k.start < e && s < k.end);
  for (const m of text.matchAll(ROLE)) {
    if (!covered(m.index, m.index + m[0].length)) {
      out.push({ kind: 'role', noun: m[1]!, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(PRONOUN))
    out.push({ kind: 'pronoun', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(WHO)) {
    const at = m.index + m[0].indexOf('who');
    out.push({ kind: 'who', start: at, end: at + 3 });
  }
  for (const m of text.matchAll(UNKNOWN_NAME)) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(s, e) || out.some((c) => c.kind === 'role' && c.start <= s && e <= c.end)) continue;
    out.push({ kind: 'name', text: m[0], start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Context {
  registry: PeopleRegistry;
  lastSpeaker: string | null;
  /** Known people in order of mention so far: [paragraph, offset, id]. */
  mentions: { paragraph: number; offset: number; person: string }[];
  paragraph: number;
}

/** Resolves a candidate to a person id (or null), given where it stands. */
function resolve(
  c: Candidate,
  ctx: Context,
  sentence: string,
  cands: Candidate[],
  position: 'after' | 'before',
  appositive: string | null,
): string | null {
  switch (c.kind) {
    case 'person':
      return c.person;
    case 'name':
      return ctx.registry.resolveName(c.text, appositive);
    case 'role': {
      const noun = c.noun.toLowerCase();
      // The most recently mentioned person with that role (this sentence first, then before).
      for (let i = cands.length - 1; i >= 0; i--) {
        const x = cands[i]!;
        if (x.start >= c.start) continue;
        const id = x.kind === 'person' ? x.person : null;
        if (id && ctx.registry.hasRole(id, noun)) return id;
      }
      if (ctx.lastSpeaker && ctx.registry.hasRole(ctx.lastSpeaker, noun)) return ctx.lastSpeaker;
      for (let i = ctx.mentions.length - 1; i >= 0; i--) {
        const id = ctx.mentions[i]!.person;
        if (ctx.registry.hasRole(id, noun)) return id;
      }
      return null;
    }
    case 'pronoun': {
      if (position === 'after') return ctx.lastSpeaker;
      // Before the quotation, "he" is the subject of the sentence when it names one.
      const subject = sentenceSubject(sentence, cands, ctx, c.start);
      return subject ?? ctx.lastSpeaker;
    }
    case 'who': {
      const before = cands.filter((x) => x.end <= c.start && c.start - x.end <= 2);
      const ante = before.at(-1);
      if (!ante || ante.kind === 'who' || ante.kind === 'pronoun') return null;
      return resolve(ante, ctx, sentence, cands, position, null);
    }
  }
}

/**
 * The subject of a sentence: the first person-like candidate at its start (after a short
 * lead-in such as "But" or "Hours earlier,"), or one directly attached to a verb.
 */
function sentenceSubject(
  sentence: string,
  cands: Candidate[],
  ctx: Context,
  before: number,
): string | null {
  for (const c of cands) {
    if (c.start >= before) break;
    if (c.kind === 'pronoun' || c.kind === 'who') continue;
    const lead = sentence.slice(0, c.start);
    const initial =
      /^\s*(?:(?:But|And|So|Yet|However|Meanwhile|Still|Also|Then|Now|Instead)\b,?\s*)?(?:[A-Z][\w’' -]{0,40},\s*)?$/.test(
        lead,
      );
    let attached = false;
    if (!initial) {
      const re = verbs();
      re.lastIndex = c.end;
      const v = re.exec(sentence);
      attached = !!v && v.index < before && ATTACHED.test(sentence.slice(c.end, v.index));
    }
    if (!initial && !attached) continue;
    const id = resolve(c, ctx, sentence, cands, 'before', null);
    if (id) return id;
  }
  return null;
}

interface Attribution {
  speaker: string | null;
  channel: string | null;
  found: boolean;
}

function channelOf(text: string): string | null {
  return CHANNEL.exec(text)?.[1]?.replace(/[.,;:]+$/, '') ?? null;
}

function appositiveOf(gap: string): string | null {
  const m = /^\s*,\s*([^,]{2,170}),/.exec(gap);
  return m && !/^who\b/.test(m[1]!) ? m[1]! : null;
}

/** Attribution after a quotation: `,” Putin said`, `,” said Martin Indyk, …`, `…, he said.` */
function after(
  tail: string,
  full: string,
  tailStart: number,
  ctx: Context,
  known?: Known,
): Attribution | null {
  const cands = candidates(full, ctx.registry, known);
  const inTail = (c: Candidate) => c.start >= tailStart;
  // Inverted: ,” said Martin Indyk, executive vice president …
  const inv =
    /^\s*[,.!?—–-]*\s*(said|says|added|wrote|asked|continued|explained|recalled|noted|argued|told)\s+/.exec(
      tail,
    );
  if (inv) {
    const at = tailStart + inv[0].length;
    const c = cands.find((x) => x.start === at);
    if (c && c.kind !== 'pronoun' && c.kind !== 'who') {
      const rest = full.slice(c.end);
      const role = /^,\s*([^.;]{2,170})/.exec(rest)?.[1] ?? null;
      return {
        speaker: resolve(c, ctx, full, cands, 'after', role),
        channel: channelOf(rest),
        found: true,
      };
    }
  }
  const re = verbs();
  re.lastIndex = tailStart;
  // What depends on the candidate alone is worked out once, not once per verb: a run-on
  // sentence holds many of both. Only candidates right after the quotation, or after a comma
  // in the tail, can be the speaker; latest first.
  const eligible: { c: Candidate; right: boolean; descriptor: RegExpExecArray | null }[] = [];
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i]!;
    if (!inTail(c) || c.kind === 'who') continue;
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
  for (let v = re.exec(full); v; v = re.exec(full)) {
    const vStart = v.index;
    // Further on in the sentence: "…, Senator X, the head of …, said." at its end.
    let lateVerb: boolean | undefined;
    for (const { c, right, descriptor } of eligible) {
      if (c.end > vStart) continue;
      if (!right) {
        lateVerb ??=
          END_VERB.test(v[1]!) &&
          !verbs().test(full.slice(vStart + v[0].length).replace(/\bas cited\b/, ''));
        if (!lateVerb) continue;
      }
      const gap = full.slice(c.end, vStart);
      if (!ATTACHED.test(gap)) continue;
      const role =
        appositiveOf(gap) ?? (descriptor && c.kind === 'name' ? descriptor[1]!.trim() : null);
      const speaker = resolve(c, ctx, full, cands, 'after', role);
      return { speaker, channel: channelOf(full.slice(vStart)), found: true };
    }
  }
  // Headline style: "… 'doing everything he promised' – Putin"
  const dash = /\s[–—-]\s+([^–—-]+?)\s*$/.exec(tail);
  if (dash) {
    const at = tailStart + dash.index + dash[0].indexOf(dash[1]!);
    const c = cands.find((x) => x.start === at && (x.kind === 'person' || x.kind === 'name'));
    if (c)
      return { speaker: resolve(c, ctx, full, cands, 'after', null), channel: null, found: true };
  }
  return null;
}

/** Attribution before a quotation: `Putin said that Russia had “counted”`. */
function before(pre: string, ctx: Context, known?: Known): Attribution | null {
  const cands = candidates(pre, ctx.registry, known);
  const found = [...pre.matchAll(verbs())];
  for (let vi = found.length - 1; vi >= 0; vi--) {
    const v = found[vi]!;
    if (PARTICIPLE.test(v[1]!)) {
      const subject = sentenceSubject(pre, cands, ctx, v.index);
      if (subject) return { speaker: subject, channel: channelOf(pre.slice(v.index)), found: true };
      continue;
    }
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      if (c.end > v.index) continue;
      const gap = pre.slice(c.end, v.index);
      if (!ATTACHED.test(gap)) continue;
      const speaker = resolve(c, ctx, pre, cands, 'before', appositiveOf(gap));
      if (speaker === null && c.kind === 'name') continue;
      return { speaker, channel: channelOf(pre.slice(v.index)), found: true };
    }
  }
  return null;
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

/**
 * Characters read on either side of a quotation to attribute it. A speaker stands next to
 * the quotation, in the same sentence; without this bound, a page-supplied paragraph that is
 * one long "sentence" of quotations costs cubic time (each quotation rereads all of it).
 */
export const ATTRIBUTION_WINDOW = 600;

/**
 * Longest sentence read for reported speech ("X said that …", which runs to the sentence's
 * end): prose sentences are far shorter, and each verb in a longer one would reread the rest.
 */
export const MAX_SENTENCE = 2000;

/** Reported speech in a stretch of text without quotation marks: "Putin said that …". */
function paraphrases(
  sentence: string,
  ctx: Context,
): { offset: number; text: string; speaker: string | null; channel: string | null }[] {
  if (/[“”"«»]/.test(sentence)) return [];
  const out: { offset: number; text: string; speaker: string | null; channel: string | null }[] =
    [];
  const cands = candidates(sentence, ctx.registry);
  for (const v of sentence.matchAll(verbs())) {
    if (!REPORTING.test(v[1]!)) continue;
    let after = sentence.slice(v.index + v[0].length);
    const lead =
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
    let speaker: string | null = null;
    if (PARTICIPLE.test(v[1]!)) speaker = sentenceSubject(sentence, cands, ctx, v.index);
    else {
      for (let i = cands.length - 1; i >= 0; i--) {
        const c = cands[i]!;
        if (c.end > v.index) continue;
        if (!ATTACHED.test(sentence.slice(c.end, v.index))) continue;
        speaker = resolve(
          c,
          ctx,
          sentence,
          cands,
          'before',
          appositiveOf(sentence.slice(c.end, v.index)),
        );
        break;
      }
      // A reporting verb whose subject is no person ("Trump's critics said"): speaker unknown.
    }
    out.push({ offset: v.index, text, speaker, channel: channelOf(sentence.slice(v.index)) });
  }
  return out;
}

/**
 * Extracts statements from cleaned paragraphs (headline first): every direct quotation with
 * its speaker and channel, and reported speech as paraphrases. Speakers are resolved from the
 * text: names, pronouns (after a quotation, the person speaking so far — not the nearest
 * name), role nouns ("the senator"), relative "who". Unresolved speakers stay null.
 */
export function extractStatements(paragraphs: string[], registry: PeopleRegistry): RawStatement[] {
  registry.prepare(paragraphs);
  const quotes = findQuotes(paragraphs);
  const byParagraph = new Map<number, QuoteSpan[]>();
  for (const q of quotes) {
    const list = byParagraph.get(q.endParagraph) ?? [];
    list.push(q);
    byParagraph.set(q.endParagraph, list);
  }
  const ctx: Context = { registry, lastSpeaker: null, mentions: [], paragraph: 0 };
  const out: RawStatement[] = [];
  let previousParagraphQuoteSpeaker: string | null = null;
  paragraphs.forEach((text, p) => {
    ctx.paragraph = p;
    registry.enterParagraph(p, text);
    const sentences = splitSentences(text);
    const masked = maskQuotes(text);
    const found: RawStatement[] = [];
    const inParagraph = (byParagraph.get(p) ?? []).sort((a, b) => a.close - b.close);
    let paragraphSpeaker: string | null = null;
    // Worked out once per paragraph, when first needed.
    let quoteOnly: boolean | undefined;
    let knownHere: Known | null = null;
    /** Known people within [from, to) of the masked paragraph, offsets from `from`. */
    const knownIn = (from: number, to: number): Known => {
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
    for (const q of inParagraph) {
      const closeSentence = sentenceAt(sentences, q.close);
      const sentenceEnd = closeSentence.start + closeSentence.text.length;
      const from = Math.max(closeSentence.start, q.close - ATTRIBUTION_WINDOW);
      const full = masked.slice(from, Math.min(sentenceEnd, q.close + 1 + ATTRIBUTION_WINDOW));
      const tailStart = q.close + 1 - from;
      const tail = full.slice(Math.max(0, tailStart));
      let attribution =
        tailStart <= full.length
          ? after(tail, full, tailStart, ctx, knownIn(from, from + full.length))
          : null;
      if (!attribution && q.paragraph === p) {
        const openSentence = sentenceAt(sentences, q.open);
        const start = Math.max(openSentence.start, q.open - ATTRIBUTION_WINDOW);
        attribution = before(masked.slice(start, q.open), ctx, knownIn(start, q.open));
      }
      let speaker = attribution?.speaker ?? null;
      if (!attribution && q.paragraph === p) {
        // A sentence that is only the quotation, after a sentence about a person in the same
        // paragraph ("X summed up the danger with a metaphor. “…”"): that person.
        const openSentence = sentenceAt(sentences, q.open);
        const index = sentences.indexOf(openSentence);
        const onlyQuote = q.open - openSentence.start <= 1;
        if (onlyQuote && index > 0) {
          const prev = maskQuotes(sentences[index - 1]!.text);
          const subject = sentenceSubject(prev, candidates(prev, registry), ctx, prev.length);
          if (subject) attribution = { speaker: subject, channel: null, found: true };
          speaker = attribution?.speaker ?? null;
        }
      }
      if (!attribution) {
        // No attribution in the sentence: the speaker of this paragraph's other quotation, or of
        // the previous paragraph when this paragraph is nothing but quotation.
        quoteOnly ??=
          masked.replace(/[“"„«][\s]*[”"»]/g, '').replace(/[\s.,;:!?'’”“"—–-]/g, '') === '';
        speaker = paragraphSpeaker ?? (quoteOnly ? previousParagraphQuoteSpeaker : null);
      }
      if (speaker) {
        ctx.lastSpeaker = speaker;
        paragraphSpeaker = speaker;
      }
      found.push({
        paragraph: q.paragraph,
        offset: q.open,
        speaker,
        kind: 'quote',
        text: q.text,
        channel: attribution?.channel ?? null,
      });
    }
    // Quotations without attribution that came before an attributed one in the paragraph.
    if (paragraphSpeaker && inParagraph.length > 1 && !verbs().test(masked)) {
      for (const s of found) if (s.speaker === null) s.speaker = paragraphSpeaker;
    }
    for (const sentence of p === 0 ? [] : sentences) {
      // Not prose (a page's run-on text): its quotations count, reported speech is not read.
      if (sentence.text.length > MAX_SENTENCE) continue;
      for (const para of paraphrases(sentence.text, ctx)) {
        if (para.speaker) ctx.lastSpeaker = para.speaker;
        found.push({
          paragraph: p,
          offset: sentence.start + para.offset,
          speaker: para.speaker,
          kind: 'paraphrase',
          text: para.text,
          channel: para.channel,
        });
      }
      // Also "…,” adding that …" after a quotation.
      const adding = /,[”"]?\s*(adding|saying|noting)\s+that\s+([^“”"]+?)[.!?]?\s*$/.exec(
        sentence.text,
      );
      if (adding && /[“”"]/.test(sentence.text.slice(0, adding.index))) {
        const text = adding[2]!.trim();
        const cands = candidates(maskQuotes(sentence.text), registry);
        const speaker =
          sentenceSubject(maskQuotes(sentence.text), cands, ctx, adding.index) ?? paragraphSpeaker;
        if (text.split(/\s+/).length >= 5) {
          found.push({
            paragraph: p,
            offset: sentence.start + adding.index,
            speaker,
            kind: 'paraphrase',
            text,
            channel: null,
          });
        }
      }
    }
    for (const k of registry.known(text)) {
      if (!k.ambiguous) ctx.mentions.push({ paragraph: p, offset: k.start, person: k.person });
    }
    previousParagraphQuoteSpeaker = found.filter((s) => s.speaker !== null).at(-1)?.speaker ?? null;
    out.push(...found.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset));
  });
  return out;
}
