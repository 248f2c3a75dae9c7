import {
  alternation,
  CLOSING_VERBS,
  HONORIFICS,
  oneOf,
  REPORTING_VERBS,
  ROLE_NOUNS,
  SENTENCE_OPENERS,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  TITLES,
} from '../../text/lexicon-en';
import type { PeopleRegistry } from '../people-registry';

/*
 * What every attribution strategy reads a sentence with: the people-like words in it
 * (candidates), how one is resolved to a person, a sentence's subject, and the channel.
 */

const VERB_SOURCE = `\\b(${alternation(SPEECH_VERBS)})\\b`;
/** A fresh global verb RegExp: shared global RegExps carry lastIndex from one use to the next. */
export const verbs = () => new RegExp(VERB_SOURCE, 'g');
/** Whether a speech verb may end a sentence whose speaker stands far before it. */
export const isClosingVerb = oneOf(CLOSING_VERBS);
/** Whether a verb is a participle whose speaker is the sentence's subject. */
export const isParticiple = oneOf(SPEECH_PARTICIPLES);
/** Whether a verb introduces reported speech ("X said that …"). */
export const isReporting = oneOf(REPORTING_VERBS);

const ROLE = new RegExp(
  `\\b(?:the|The)\\s+((?:[A-Z][a-z]+\\s+|senior\\s+|former\\s+|top\\s+)?(?:${alternation(ROLE_NOUNS)}))\\b`,
  'g',
);
const PRONOUN = /\b(he|she|He|She)\b/g;
const WHO = /,\s*(who)\b/g;
const UNKNOWN_NAME = new RegExp(
  `\\b(?:(?:${alternation(HONORIFICS)})\\.?\\s+|(?:${alternation(TITLES)})\\s+)?(?:[A-Z]\\.\\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\\s+(?:[A-Z]\\.\\s+)?[A-Z][a-zA-Z’'-]+){0,2}`,
  'g',
);
const OPENING = new RegExp(
  `^\\s*(?:(?:${alternation(SENTENCE_OPENERS)})\\b,?\\s*)?(?:[A-Z][\\w’' -]{0,40},\\s*)?$`,
);

const CHANNEL =
  /\b(told (?:reporters|journalists|(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})|wrote on [A-Z][\w-]*|posted on [A-Z][\w-]*|as cited by [A-Z][\w-]*(?: [A-Z][\w-]*)?|according to [A-Z][\w-]*|in an interview with (?:the )?[A-Z][\w-]*|in a statement|on Twitter|on Facebook)/;

/** Gap allowed between a speaker and its verb: an appositive, a relative clause, adverbs. */
export const ATTACHED =
  /^(?:[’']s\b[^,]{0,0})?(?:\s*,\s*(?:who\b[^,]*|[^,]{2,170}),)?\s*(?:(?:also|later|then|once|previously|recently|once again|again|has|had|have|was|is|had also|has also|[a-z]+ly|of [A-Z][a-z]+|on [A-Z][a-z]+day|on [A-Z][a-z]+|in a statement|in an interview|in an interview with [^,]+)\s+)*$/;

/** A word or phrase that may name the speaker. */
export type Candidate =
  | { kind: 'person'; person: string; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'pronoun'; start: number; end: number }
  | { kind: 'role'; noun: string; start: number; end: number }
  | { kind: 'who'; start: number; end: number };

/** Who was speaking so far in the article, for pronouns and role nouns. */
export interface Context {
  registry: PeopleRegistry;
  lastSpeaker: string | null;
  /** Known people (ids) in order of mention so far. */
  mentions: string[];
}

/** A speaker found for a statement (null: an attribution whose speaker is no known person). */
export interface Attribution {
  speaker: string | null;
  channel: string | null;
}

export type Known = ReturnType<PeopleRegistry['known']>;

/** Replaces quoted text with spaces (same length), so verbs inside quotations are not read. */
export function maskQuotes(text: string): string {
  return text.replace(
    /([“"„«‘])([^”"»’]*)([”"»’])/g,
    (_m, a: string, body: string, b: string) => a + ' '.repeat(body.length) + b,
  );
}

/** Known people in `text`, or the ones given (read once for the whole paragraph). */
export function candidates(text: string, registry: PeopleRegistry, given?: Known): Candidate[] {
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

/** Resolves a candidate to a person id (or null), given where it stands. */
export function resolve(
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
        const id = ctx.mentions[i]!;
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
export function sentenceSubject(
  sentence: string,
  cands: Candidate[],
  ctx: Context,
  before: number,
): string | null {
  for (const c of cands) {
    if (c.start >= before) break;
    if (c.kind === 'pronoun' || c.kind === 'who') continue;
    const initial = OPENING.test(sentence.slice(0, c.start));
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

/** The channel a statement was made through ("told reporters", "on Twitter"), if the text names one. */
export function channelOf(text: string): string | null {
  return CHANNEL.exec(text)?.[1]?.replace(/[.,;:]+$/, '') ?? null;
}

/** The appositive between a speaker and its verb (", the head of …,"), the speaker's role. */
export function appositiveOf(gap: string): string | null {
  const m = /^\s*,\s*([^,]{2,170}),/.exec(gap);
  return m && !/^who\b/.test(m[1]!) ? m[1]! : null;
}

/**
 * The speaker of the verb at `verbAt`: the latest candidate before it with nothing but an
 * appositive or adverbs between ("Putin, who …, said"). `skipUnknownNames`: a name that
 * is no person lets an earlier candidate be tried.
 */
export function subjectOfVerb(
  text: string,
  cands: Candidate[],
  ctx: Context,
  verbAt: number,
  skipUnknownNames: boolean,
): { speaker: string | null } | null {
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i]!;
    if (c.end > verbAt) continue;
    const gap = text.slice(c.end, verbAt);
    if (!ATTACHED.test(gap)) continue;
    const speaker = resolve(c, ctx, text, cands, 'before', appositiveOf(gap));
    if (speaker === null && c.kind === 'name' && skipUnknownNames) continue;
    return { speaker };
  }
  return null;
}
