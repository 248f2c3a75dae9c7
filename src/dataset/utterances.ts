import {
  containment,
  profile,
  resemblance,
  sharedWeight,
  terms,
  TermWeights,
  type Profile,
} from './similarity';
import { firstWords } from '../text/words';
import type { Statement } from './types';

/**
 * Thresholds of the utterance grouping (docs/dataset.md explains each). They compare weighted
 * term sets, so they hold for any outlet and any remark, not for particular strings.
 */
export const UTTERANCE_THRESHOLDS = {
  /**
   * A quote joins an utterance as another rendering when it resembles the root this much, or
   * resembles one of its renderings this much and the root at least `rootFloor` times as much.
   */
  resemble: 0.42,
  rootFloor: 0.7,
  /** A shorter quote joins as a fragment when this share of its weight is inside one version. */
  contain: 0.7,
  /** A paraphrase must resemble the root this much (it reports, so it must be clearly alike)… */
  paraphraseResemble: 0.5,
  /** …or be contained this much in a version, with at least `paraphraseTerms` terms. */
  paraphraseContain: 0.8,
  paraphraseTerms: 3,
  /** …of which this many are not people's names or titles (see `namingTerms`). */
  paraphraseContent: 2,
  /** Fragments of at most this many terms join only when exactly one utterance holds them. */
  shortFragment: 2,
  /**
   * A quote that matches nothing alone joins with the other quotes of its speaker in the same
   * paragraph (one quoted passage) when the passage matches, and this share of its own weight
   * is in the utterance's words (or it is a word or two).
   */
  runMember: 0.3,
  /**
   * Two quotations that open with the same words in order (this many of their first
   * `openingWords`, function words included) and share `openingTerms` terms are two
   * renderings of one sentence even when their endings part ("We hope that dialogue will be
   * resumed…" / "We hope very much that dialogue will be revitalized…"): a long run of shared
   * words, as MemeTracker links phrase variants.
   */
  openingWords: 8,
  openingMatch: 6,
  openingTerms: 2,
  /**
   * A quotation also belongs to another utterance of its speaker (as a `span`) when it holds
   * this share of that utterance's root, the root has at least `claimTerms` terms, and the
   * quotation is longer: one outlet quoted two sentences at once that others quoted apart.
   */
  span: 0.8,
  /**
   * …or when it shares a run of this many consecutive words (function words included) with one
   * of that utterance's full renderings and `claimTerms` terms: it quotes part of the same
   * sentence in the same translation (a sentence's end and the next one's start).
   */
  spanRun: 6,
  /** Words compared for runs, at most (long quotations are cut, so pairs stay cheap). */
  runWords: 80,
  /** Terms held by more statements of one speaker than this do not propose candidates. */
  maxPosting: 200,
  /** A claim of absence needs this many terms of content… */
  claimTerms: 3,
  /** …and no other outlet's statement sharing this share of the smaller one's weight. */
  doubt: 0.3,
} as const;

/**
 * How a statement belongs to its utterance. `span`: a longer quotation that runs over this
 * utterance and another (it holds this one's root whole), so it belongs to both.
 */
export type MemberRole = 'root' | 'version' | 'fragment' | 'paraphrase' | 'span';

export interface UtteranceMember {
  statement: string;
  role: MemberRole;
  /** Resemblance to the root (versions, paraphrases) or containment in a version (fragments). */
  score: number;
}

/** One thing said once, and every statement that reports it. */
export interface Utterance {
  /** The fullest quotation of it (the first processed), whose id names the group. */
  root: string;
  members: UtteranceMember[];
}

interface Item {
  s: Statement;
  order: number;
  p: Profile;
  /**
   * The profile without the words that name or describe people ("North Korean leader Kim Jong
   * Un"): a paraphrase's way of naming whom it is about is the reporter's, not the speaker's.
   */
  content: Profile;
  /** The first words of its text, lower-cased, function words included. */
  opening: string[];
}

interface Open {
  root: Item;
  /** Full renderings (root and versions): targets for fragments and paraphrases. */
  full: Item[];
  /** Every term of the full renderings: what any fragment of the utterance may be made of. */
  vocabulary: Set<string>;
  members: UtteranceMember[];
}

/** Term profiles and weights of a set of statements, shared by grouping and blindspots. */
export interface Prepared {
  weights: TermWeights;
  items: Map<string, Item>;
}

/** The names, short forms and titles of people, in every language the data gives. */
export interface Naming {
  name: string;
  aliases: readonly string[];
  shortForms: readonly string[];
  ambiguousShortForms?: readonly string[];
  titles: readonly string[];
}

/** The terms of every way `people` are named or described ("north", "korean", "leader", "kim"…). */
export function namingTerms(people: Iterable<Naming>): Set<string> {
  const out = new Set<string>();
  for (const p of people)
    for (const text of [
      p.name,
      ...p.aliases,
      ...p.shortForms,
      ...(p.ambiguousShortForms ?? []),
      ...p.titles,
    ])
      for (const t of terms(text)) out.add(t);
  return out;
}

/**
 * Computes every statement's terms and the dataset's term weights (IDF over statements).
 * `naming` (see `namingTerms`) is what paraphrases may use to name people without it counting
 * as content.
 */
export function prepareStatements(
  statements: readonly Statement[],
  naming: ReadonlySet<string> = new Set(),
): Prepared {
  const weights = new TermWeights();
  const sets = statements.map((s) => new Set(terms(s.text)));
  for (const set of sets) weights.add(set);
  const items = new Map<string, Item>();
  statements.forEach((s, order) => {
    const p = profile(sets[order]!, weights);
    const own = naming.size ? new Set([...p.terms].filter((t) => !naming.has(t))) : p.terms;
    const content = own.size === p.terms.size ? p : profile(own, weights);
    items.set(s.id, { s, order, p, content, opening: openingOf(s.text) });
  });
  return { weights, items };
}

const T = UTTERANCE_THRESHOLDS;

function openingOf(text: string): string[] {
  return firstWords(text, UTTERANCE_THRESHOLDS.openingWords);
}

/** Whether two quotations open alike: `openingMatch` words in order, `openingTerms` terms shared. */
function sameOpening(a: Item, b: Item): boolean {
  if (a.opening.length < T.openingMatch || b.opening.length < T.openingMatch) return false;
  let shared = 0;
  for (const t of a.p.terms) if (b.p.terms.has(t)) shared++;
  if (shared < T.openingTerms) return false;
  // Longest common subsequence of two short word lists.
  const row = new Array<number>(b.opening.length + 1).fill(0);
  for (let i = 1; i <= a.opening.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.opening.length; j++) {
      const up = row[j]!;
      row[j] = a.opening[i - 1] === b.opening[j - 1] ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.opening.length]! >= T.openingMatch;
}

function bestMatch(
  item: Item,
  candidates: Iterable<Open>,
  weights: TermWeights,
): { u: Open; role: MemberRole; score: number } | null {
  const quote = item.s.kind === 'quote';
  let best: { u: Open; role: MemberRole; score: number } | null = null;
  const containing: Open[] = [];
  for (const u of candidates) {
    const toRoot = resemblance(item.p, u.root.p, weights);
    let res = toRoot;
    if (toRoot >= T.resemble * T.rootFloor) {
      for (const v of u.full) {
        // Resemblance is at most 1: once there, the rest cannot raise it (a page repeating
        // one quotation thousands of times would otherwise cost quadratic time).
        if (res >= 1) break;
        res = Math.max(res, resemblance(item.p, v.p, weights));
      }
    }
    const vocabulary = { terms: u.vocabulary, weight: 0 };
    const con = item.p.weight <= u.root.p.weight ? containment(item.p, vocabulary, weights) : 0;
    // A paraphrase names whom it is about its own way; only its other words must be in the remark.
    const said =
      !quote &&
      item.content.terms.size >= T.paraphraseContent &&
      item.content.weight <= u.root.p.weight
        ? containment(item.content, vocabulary, weights)
        : 0;
    let role: MemberRole | null = null;
    let score = 0;
    if (quote && res >= T.resemble) [role, score] = ['version', res];
    else if (quote && u.full.some((v) => v.s.kind === 'quote' && sameOpening(item, v)))
      [role, score] = ['version', T.resemble];
    else if (quote && con >= T.contain) [role, score] = ['fragment', con];
    else if (!quote && res >= T.paraphraseResemble) [role, score] = ['paraphrase', res];
    else if (
      !quote &&
      Math.max(con, said) >= T.paraphraseContain &&
      item.p.terms.size >= T.paraphraseTerms
    )
      [role, score] = ['paraphrase', Math.max(con, said)];
    if (!role) continue;
    if (role !== 'version') containing.push(u);
    if (!best || score > best.score || (score === best.score && role === 'version'))
      best = { u, role, score };
  }
  // A word or two found in several utterances could be part of any of them: no guess.
  if (best && best.role === 'fragment' && item.p.terms.size <= T.shortFragment) {
    if (containing.length !== 1) return null;
  }
  return best;
}

/** Groups one block (one speaker's statements) into utterances, fullest renderings first. */
function groupBlock(block: Item[], weights: TermWeights, out: Open[]): void {
  const runs = new Map<string, Item[]>();
  for (const item of block) {
    if (item.s.kind !== 'quote') continue;
    const key = `${item.s.article}#${item.s.paragraph}`;
    const run = runs.get(key) ?? [];
    run.push(item);
    runs.set(key, run);
  }
  const order = [...block].sort(
    (a, b) =>
      Number(a.s.kind !== 'quote') - Number(b.s.kind !== 'quote') ||
      b.p.weight - a.p.weight ||
      a.order - b.order,
  );
  const posting = new Map<string, Open[]>();
  const home = new Map<Item, Open>();
  const index = (u: Open, item: Item) => {
    for (const t of item.p.terms) {
      // Only here do terms enter a vocabulary: a term already in it lists `u` already.
      if (u.vocabulary.has(t)) continue;
      u.vocabulary.add(t);
      append(posting, t, u);
    }
  };
  const candidatesOf = (p: Profile) => {
    const candidates = new Set<Open>();
    for (const t of p.terms) {
      const list = posting.get(t);
      if (list && list.length <= T.maxPosting) for (const u of list) candidates.add(u);
    }
    return candidates;
  };
  for (const item of order) {
    if (item.p.terms.size === 0) continue;
    let match = bestMatch(item, candidatesOf(item.p), weights);
    const run = runs.get(`${item.s.article}#${item.s.paragraph}`);
    if (!match && run && run.length > 1) {
      const passage = profile(new Set(run.flatMap((r) => [...r.p.terms])), weights);
      const whole = bestMatch({ ...item, p: passage }, candidatesOf(passage), weights);
      const own = whole
        ? containment(item.p, { terms: whole.u.vocabulary, weight: 0 }, weights)
        : 0;
      if (whole && (own >= T.runMember || item.p.terms.size <= T.shortFragment))
        match = { u: whole.u, role: 'fragment', score: own };
    }
    if (match) {
      match.u.members.push({ statement: item.s.id, role: match.role, score: match.score });
      home.set(item, match.u);
      if (match.role === 'version') {
        match.u.full.push(item);
        index(match.u, item);
      }
      continue;
    }
    const u: Open = {
      root: item,
      full: [item],
      vocabulary: new Set(),
      members: [{ statement: item.s.id, role: 'root', score: 1 }],
    };
    out.push(u);
    index(u, item);
    home.set(item, u);
  }
  addSpans(block, home, weights);
}

const wordCache = new WeakMap<Item, string[]>();

/** A quotation's words, lower-cased, function words kept, at most `runWords`. */
function runWords(item: Item): string[] {
  let w = wordCache.get(item);
  if (!w) {
    w = firstWords(item.s.text, T.runWords);
    wordCache.set(item, w);
  }
  return w;
}

function sharedTerms(a: Profile, b: Profile): number {
  let n = 0;
  for (const t of a.terms) if (b.terms.has(t)) n++;
  return n;
}

/**
 * Lets a quotation that runs over two utterances belong to both: after grouping, a quotation
 * that holds another utterance's root (see `UTTERANCE_THRESHOLDS.span`) from another article
 * joins it as a span.
 */
function addSpans(block: Item[], home: Map<Item, Open>, weights: TermWeights): void {
  const opens = new Set(home.values());
  // Roots by term (for the share of a root a quotation holds) and full renderings by run of
  // `spanRun` words: each quotation then finds its spans through two lookups, not pairs.
  const roots = new Map<string, Open[]>();
  const runs = new Map<string, Item[]>();
  const fullOf = new Map<Item, Open>();
  for (const u of opens) {
    if (u.root.p.terms.size >= T.claimTerms) for (const t of u.root.p.terms) append(roots, t, u);
    for (const v of u.full) {
      fullOf.set(v, u);
      for (const g of runsOf(v)) append(runs, g, v);
    }
  }
  const ids = new Map<Open, Set<string>>();
  const idsOf = (u: Open) => {
    let set = ids.get(u);
    if (!set) ids.set(u, (set = new Set(u.members.map((m) => m.statement))));
    return set;
  };
  for (const item of block) {
    if (item.s.kind !== 'quote') continue;
    const own = home.get(item);
    const join = (u: Open, score: number) => {
      if (u === own || u.root.s.article === item.s.article || idsOf(u).has(item.s.id)) return;
      u.members.push({ statement: item.s.id, role: 'span', score });
      idsOf(u).add(item.s.id);
    };
    const held = new Map<Open, number>();
    for (const t of item.p.terms) {
      const list = roots.get(t);
      if (!list || list.length > T.maxPosting) continue;
      const w = weights.weight(t);
      for (const u of list) held.set(u, (held.get(u) ?? 0) + w);
    }
    for (const [u, shared] of held) {
      const share = shared / u.root.p.weight;
      if (share >= T.span) join(u, share);
    }
    const compared = new Set<Item>();
    for (const g of runsOf(item)) {
      const list = runs.get(g);
      if (!list || list.length > T.maxPosting) continue;
      for (const v of list) {
        if (compared.has(v) || v.s.article === item.s.article) continue;
        compared.add(v);
        if (sharedTerms(item.p, v.p) >= T.claimTerms)
          join(fullOf.get(v)!, containment(v.p, item.p, weights));
      }
    }
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const runCache = new WeakMap<Item, Set<string>>();

/**
 * The distinct runs of `spanRun` consecutive words of a quotation (its first `runWords`),
 * made once: a full rendering that is a quotation is asked twice.
 */
function runsOf(item: Item): Set<string> {
  let out = runCache.get(item);
  if (out) return out;
  const w = runWords(item);
  out = new Set<string>();
  for (let i = 0; i + T.spanRun <= w.length; i++) out.add(w.slice(i, i + T.spanRun).join(' '));
  runCache.set(item, out);
  return out;
}

/**
 * Groups statements into utterances: what one speaker said once, with each outlet's rendering
 * of it. Blocked by speaker, so the cost grows with the largest speaker's statements, and within
 * a block each statement is compared only with utterances sharing one of its terms. Statements
 * are taken fullest first; each becomes a version of the utterance whose root it resembles, a
 * fragment of the one a full version contains it, or the root of a new utterance. Members are
 * compared with roots and full versions only, never with other fragments, so nothing chains.
 * Statements of unknown speaker join an utterance only as clear paraphrases or versions.
 */
export function groupUtterances(
  statements: readonly Statement[],
  prepared = prepareStatements(statements),
): Utterance[] {
  const { weights, items } = prepared;
  const blocks = new Map<string, Item[]>();
  const unknown: Item[] = [];
  for (const s of statements) {
    const item = items.get(s.id)!;
    if (s.speaker === null) unknown.push(item);
    else {
      const list = blocks.get(s.speaker) ?? [];
      list.push(item);
      blocks.set(s.speaker, list);
    }
  }
  const open: Open[] = [];
  for (const block of blocks.values()) groupBlock(block, weights, open);
  if (unknown.length) {
    const posting = new Map<string, Open[]>();
    for (const u of open)
      for (const v of u.full)
        for (const t of v.p.terms) {
          const list = posting.get(t);
          // `u`'s renderings come one after another: if listed, it is last.
          if (!list) posting.set(t, [u]);
          else if (list.at(-1) !== u) list.push(u);
        }
    for (const item of unknown) {
      const candidates = new Set<Open>();
      for (const t of item.p.terms) {
        const list = posting.get(t);
        if (list && list.length <= T.maxPosting) for (const u of list) candidates.add(u);
      }
      const match = bestMatch(
        { ...item, s: { ...item.s, kind: 'paraphrase' } },
        candidates,
        weights,
      );
      if (match)
        match.u.members.push({ statement: item.s.id, role: match.role, score: match.score });
    }
  }
  return open
    .sort((a, b) => a.root.order - b.root.order)
    .map((u) => ({ root: u.root.s.id, members: u.members }));
}

/** A claim that only one outlet carried a statement, with how many outlets were compared. */
export interface Blindspot {
  statement: string;
  outlet: string;
  /** Outlets whose articles were compared. */
  of: number;
}

/** What the blindspot check needs to know about the articles. */
export interface ArticleFacts {
  outlet(article: string): string;
  language(article: string): string | null;
  /** Whether the article names the person (any spelling the dataset knows). */
  names(article: string, person: string): boolean;
}

/**
 * Statements it is safe to call "only in X": no other outlet carries any version of them.
 * When in doubt there is no claim, so a statement qualifies only when
 * - it is in no utterance another outlet reports, and says enough to be recognised
 *   (`claimTerms`);
 * - no quotation of the same speaker in its paragraph was matched elsewhere (it would be the
 *   continuation of a reported remark);
 * - every statement of the same speaker in other outlets is explained (part of an utterance
 *   two outlets report): an unexplained one may be another rendering we failed to match;
 * - no statement of unknown speaker in another outlet shares `doubt` of the smaller one's weight;
 * - no other outlet's article in another language names the speaker (translations are not
 *   compared, so what it quotes is unknown).
 */
export function blindspots(
  statements: readonly Statement[],
  facts: ArticleFacts,
  utterances: readonly Utterance[],
  prepared = prepareStatements(statements),
): Blindspot[] {
  const { weights, items } = prepared;
  const outletOf = (s: Statement) => facts.outlet(s.article);
  const outlets = new Set(statements.map(outletOf));
  const carriedBy = new Map<string, number>();
  for (const u of utterances) {
    const carried = new Set(
      u.members.map((m) => items.get(m.statement)).flatMap((i) => (i ? [outletOf(i.s)] : [])),
    );
    for (const m of u.members) carriedBy.set(m.statement, carried.size);
  }
  const explained = (s: Statement) => (carriedBy.get(s.id) ?? 1) > 1;
  const bySpeaker = new Map<string | null, Statement[]>();
  const groupedParagraphs = new Set<string>();
  for (const s of statements) {
    const list = bySpeaker.get(s.speaker) ?? [];
    list.push(s);
    bySpeaker.set(s.speaker, list);
    if (explained(s)) groupedParagraphs.add(`${s.article}#${s.paragraph}#${s.speaker}`);
  }
  const articles = [...new Set(statements.map((s) => s.article))];
  const out: Blindspot[] = [];
  for (const s of statements) {
    if (s.speaker === null || explained(s)) continue;
    const item = items.get(s.id)!;
    if (item.p.terms.size < T.claimTerms) continue;
    if (groupedParagraphs.has(`${s.article}#${s.paragraph}#${s.speaker}`)) continue;
    const outlet = outletOf(s);
    const language = facts.language(s.article);
    const elsewhere = (o: Statement) => outletOf(o) !== outlet;
    if ((bySpeaker.get(s.speaker) ?? []).some((o) => elsewhere(o) && !explained(o))) continue;
    const overlaps = (bySpeaker.get(null) ?? []).some((o) => {
      if (!elsewhere(o)) return false;
      const p = items.get(o.id)!.p;
      const smaller = Math.min(item.p.weight, p.weight);
      return smaller > 0 && sharedWeight(item.p, p, weights) / smaller >= T.doubt;
    });
    if (overlaps) continue;
    const foreign = articles.some((a) => {
      const lang = facts.language(a);
      return (
        facts.outlet(a) !== outlet &&
        language !== null &&
        lang !== null &&
        lang !== language &&
        facts.names(a, s.speaker!)
      );
    });
    if (!foreign) out.push({ statement: s.id, outlet, of: outlets.size });
  }
  return out;
}
