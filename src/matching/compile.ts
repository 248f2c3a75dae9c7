import type { MatchEntity, MatcherSpec, Mention } from './types';

/**
 * Spaces, non-breaking spaces and hyphens/dashes between the words of a name. One class, not
 * "spaces around one hyphen": it comes 56 times in the combined pattern, which then compiles
 * in half the time on each page's first match.
 */
const GAP = '[\\s\\u00A0\\u202F\\-\\u2010-\\u2013]+';
/** Letters, digits and combining marks a name may not touch, in any script (`u` flag). */
const WORD = '\\p{L}\\p{N}\\p{M}';
/**
 * Whether a match is glued to a word before it. Checked here rather than with a lookbehind in
 * the pattern: a `\\p{…}` lookbehind runs at every position of the text and made the pass
 * three times slower; this runs only where a name matched.
 */
const WORD_BEFORE = /[\p{L}\p{N}\p{M}]$/u;
const gluedBefore = (text: string, at: number) =>
  at > 0 && WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at));
/** Characters that can hide inside a word without showing: soft hyphen, zero-width ones. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_ALL = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Apostrophes a page may type for one another ("l'", "l’"). */
const APOSTROPHES = "'\u2019\u02BC";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GAP_RE = new RegExp(GAP);
const words = (form: string) => form.split(GAP_RE).filter(Boolean);
/**
 * The lookup key of a name as written: its words joined by single spaces, without diacritics
 * and in lower case, so that every spelling the pattern accepts ("Vladimir"/"Vladímir",
 * "Косачёв"/"Косачев", NFC or NFD) finds its form.
 */
const keyOf = (text: string) =>
  words(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\u2019\u02BC]/g, "'"),
  ).join(' ');

/** `charPattern` per character, computed once: the background prepares thousands of them. */
const CHARS = new Map<string, string>();

/**
 * One character of a name as a pattern: a letter with a diacritic also matches its bare letter
 * and its decomposed (NFD) spelling; an apostrophe matches the typographic ones.
 */
function charPattern(c: string): string {
  let p = CHARS.get(c);
  if (p === undefined) {
    const d = c.normalize('NFD');
    p = APOSTROPHES.includes(c)
      ? `[${APOSTROPHES}]`
      : d.length > 1 && d !== c
        ? `(?:${escape(c)}|${escape(d)}|${escape(d[0]!)})`
        : escape(c);
    CHARS.set(c, p);
  }
  return p;
}

/** A word as a pattern; `loose`: its first letter may be either case. */
function wordPattern(w: string, loose: boolean): string {
  const chars = [...w];
  const first = chars[0]!;
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  const head =
    loose && lower !== upper
      ? `(?:${charPattern(lower)}|${charPattern(upper)})`
      : charPattern(first);
  return head + chars.slice(1).map(charPattern).join('');
}

/** Titles written in lower case in the data ("président") may open a sentence too. */
const looseTitle = (t: string) => t[0] !== t[0]!.toUpperCase();

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
  /** Longest path below, in tokens: longer alternatives are tried first. */
  depth: number;
}

/**
 * Many forms as one alternation factored by shared beginnings ("Путин(?:а|у|ым|е)?"): with
 * every language's case forms the flat list is four times longer, compiles slower and makes
 * the engine retry each shared prefix. Longer continuations come first, as in a longest-first
 * list, so the longest form that ends on a word boundary wins.
 */
function alternation(forms: Iterable<string>, loose: (form: string) => boolean = () => false) {
  const root: Trie = { end: false, next: new Map(), depth: 0 };
  for (const form of forms) {
    const tokens: string[] = [];
    words(form).forEach((w, i) => {
      if (i > 0) tokens.push(GAP);
      const chars = [...w];
      tokens.push(wordPattern(chars[0]!, loose(form)), ...chars.slice(1).map(charPattern));
    });
    let node = root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { end: false, next: new Map(), depth: 0 }));
      node = child;
    }
    node.end = true;
  }
  const depth = (n: Trie): number =>
    (n.depth = Math.max(0, ...[...n.next.values()].map((c) => depth(c) + 1)));
  depth(root);
  const emit = (n: Trie): string => {
    const alts = [...n.next]
      .sort(([a, x], [b, y]) => y.depth - x.depth || (a < b ? -1 : a > b ? 1 : 0))
      .map(([t, child]) => t + emit(child));
    if (alts.length === 0) return '';
    if (n.end) return `(?:${alts.join('|')})?`;
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/** Anchors shorter than this are not merged into a shared prefix. */
const MIN_ANCHOR = 4;

/**
 * Fewer, shorter anchor words that still find every mention: a word holding another anchor is
 * dropped ("Путина" holds "Путин"), and words sharing a long prefix give way to it ("Слуцкий",
 * "Слуцкого" → "Слуцк"). Each result is a substring of the words it replaces.
 */
function reduceAnchors(list: Iterable<string>): string[] {
  let out = [...new Set(list)].sort();
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i]!;
      const b = out[i + 1]!;
      let n = 0;
      while (n < a.length && n < b.length && a[n] === b[n]) n++;
      if (n >= MIN_ANCHOR && n >= Math.max(a.length, b.length) - 3 && n < b.length) {
        out[i] = a.slice(0, n);
        out.splice(i + 1, 1);
        changed = true;
      }
    }
    out = [...new Set(out)].sort();
  }
  return out.filter((a) => !out.some((b) => b !== a && a.includes(b)));
}

/**
 * Generic phrases that clearly mean the cancelled June 2018 summit, beyond the event's own
 * aliases: "Trump–Kim summit", "US-North Korea summit", "summit in Singapore", "June 12 summit".
 */
const EVENT_PHRASES = [
  `(?:Trump|U\\.?S\\.?|American|Washington)${GAP}(?:Kim|North${GAP}Korean?|Pyongyang|DPRK)${GAP}[Ss]ummit`,
  `(?:Kim|North${GAP}Korean?|Pyongyang)${GAP}(?:Trump|U\\.?S\\.?)${GAP}[Ss]ummit`,
  `[Ss]ummit in Singapore`,
  `[Ss]ummit (?:between Trump and Kim|between Kim and Trump|with Kim(?:${GAP}Jong${GAP}[Uu]n)?|with Trump)`,
  `(?:June 12|12 June)${GAP}[Ss]ummit`,
];

/** Common capitalised words that may precede a surname without being a given name. */
const NOT_GIVEN_NAMES = new Set(
  (
    'A An And As At But By For From He If In It Its Mr Mrs Ms Dr Of On Or She So That The Then ' +
    'There They This Though To Under Was We When Where While Why With Yet After Before Since ' +
    'Although Because How What Who Whom Did Does Do Has Had Have Is Are Were Will Would Can ' +
    'Could Should Said Says Meanwhile However Also Both Neither Nor Not Only Even Than Like ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mister'
  ).split(' '),
);

interface FormInfo {
  entity: MatchEntity;
  ambiguous: boolean;
  full: boolean;
}

/** A compiled matcher: one RegExp pass over a block's text, then cheap local checks. */
export interface Matcher {
  /** Mentions in one block of text, in order. Ambiguous short forms are flagged, not dropped. */
  match(text: string): Mention[];
  /**
   * Offsets in `text` of anchor words: every mention contains one (a word of each name form,
   * "summit" for the event phrases; an either-case first letter left off). A cheap prefilter
   * over a whole subtree's text: only blocks holding one need `match`.
   */
  anchors(text: string): number[];
  /** The entity of an id, for names and kinds. */
  entity(id: string): MatchEntity | undefined;
  readonly entities: readonly MatchEntity[];
}

/** One script's share of a prepared matcher: its patterns, compiled only where it is needed. */
export interface PreparedPart {
  /**
   * The combined pattern (flags `gu`); null when there is nothing to find. It has no leading
   * word boundary: the matcher checks the character before each match.
   */
  pattern: string | null;
  /** Namesakes ("Kim Jong-il") that block a match inside them (flags `gu`, same boundaries). */
  namesakes: string | null;
  /** The anchor words, for `Matcher.anchors` (flags `g`). */
  anchors: string;
}

/**
 * A matcher compiled to plain data: the RegExp sources and the table of name forms. The
 * background prepares it (string work, cached per library revision); a content script only
 * builds it (`buildMatcher`), so a page pays next to nothing before its first scan.
 */
export interface PreparedMatcher {
  version: 1;
  entities: MatchEntity[];
  /** The event's id, when the dataset has one. */
  event: string | null;
  /** Each name form's lookup key (`keyOf`), with its entity and how it counts. */
  forms: { key: string; entity: string; ambiguous: boolean; full: boolean }[];
  /**
   * One part per script the names are written in (Latin, Cyrillic, …). A part's big pattern is
   * compiled the first time its anchors are seen, so an English page never compiles the
   * Russian forms, and a block is matched only against the scripts its anchors are in.
   */
  parts: PreparedPart[];
}

/** The script group of a form: by the block of its first letter, all of Latin as one. */
const scriptOf = (form: string) => {
  const code = form.codePointAt(0) ?? 0;
  return code < 0x250 ? 0 : code >> 8;
};

/**
 * Compiles a matcher spec into one combined RegExp per script (longest forms first), a
 * namesake RegExp and the anchor words. One pass of a combined RegExp is ~40x faster than a
 * loop over names (docs/performance-notes), and the checks after it only run where a name
 * matched.
 */
export function prepareMatcher(spec: MatcherSpec): PreparedMatcher {
  const forms = new Map<string, { entity: string; ambiguous: boolean; full: boolean }>();
  /** Each spelling as the data writes it (diacritics, case, hyphens), for the patterns. */
  const written = new Set<string>();
  const titles = new Set<string>();
  const eventForms = new Set<string>();
  const namesakes = new Set<string>();
  for (const entity of spec.entities) {
    const add = (form: string, ambiguous: boolean, full: boolean) => {
      const key = keyOf(form);
      if (!key) return;
      // "Kim Jong-un" and "Kim Jong Un" share a key but not a pattern (case is kept).
      if (!forms.has(key)) forms.set(key, { entity: entity.id, ambiguous, full });
      if (forms.get(key)!.entity === entity.id) written.add(words(form).join(' '));
    };
    if (entity.kind === 'event') {
      for (const f of [entity.name, ...entity.fullNames]) eventForms.add(f);
    } else {
      for (const f of [entity.name, ...entity.fullNames]) add(f, false, true);
      for (const f of entity.shortForms) add(f, false, false);
      for (const f of entity.ambiguousShortForms) add(f, true, false);
      for (const t of entity.titles) titles.add(t);
    }
    for (const n of entity.namesakes) namesakes.add(n);
  }
  const event = spec.entities.find((e) => e.kind === 'event')?.id ?? null;
  const scripts = new Set(
    [...written, ...(event ? eventForms : [])].map(scriptOf).concat(event ? [0] : []),
  );
  const inScript = (list: Iterable<string>, script: number) =>
    [...list].filter((f) => scriptOf(f) === script);
  return {
    version: 1,
    // Names and kinds only: the forms are in `forms` and the patterns (a page needs no more).
    entities: spec.entities.map(({ id, kind, name }) => ({
      id,
      kind,
      name,
      fullNames: [],
      shortForms: [],
      ambiguousShortForms: [],
      namesakes: [],
      titles: [],
    })),
    event,
    forms: [...forms].map(([key, info]) => ({ key, ...info })),
    parts: [...scripts]
      .sort((x, y) => x - y)
      .map((script) =>
        preparePart(
          inScript(written, script),
          inScript(titles, script),
          event ? inScript(eventForms, script) : [],
          // The English event phrases are Latin; so is their anchor, "summit".
          event !== null && script === 0,
          inScript(namesakes, script),
        ),
      ),
  };
}

/** The patterns and anchors of the forms of one script. */
function preparePart(
  written: string[],
  titles: string[],
  eventForms: string[],
  phrases: boolean,
  namesakes: string[],
): PreparedPart {
  const eventPart = [
    ...(eventForms.length ? [alternation(eventForms, () => true)] : []),
    ...(phrases ? EVENT_PHRASES : []),
  ].join('|');
  const alternatives: string[] = [];
  if (eventPart) alternatives.push(`(?<event>${eventPart})`);
  if (written.length) {
    const titlePart = titles.length ? alternation(titles, looseTitle) : '(?!)';
    alternatives.push(`(?:(?<title>${titlePart})${GAP})?(?<name>${alternation(written)})`);
  }

  // Anchors: one word of every form, as few words as will do (fewer alternatives, faster
  // pass); no boundaries, so a word glued to the next block's text is still found. A word
  // whose first letter may be either case is searched without it ("ummit"): a character
  // class in front makes the pass several times slower.
  // Likewise a letter with a diacritic (an alternation of three spellings): the longest run
  // of plain characters stands for the word ("Косачёв" → "Косач").
  const anchorOf = (w: string, loose: boolean) => {
    const chars = [...w];
    const from = loose && chars.length >= 5 ? 1 : 0;
    let best = '';
    let run = '';
    for (const c of chars.slice(from)) {
      run = charPattern(c) === escape(c) ? run + c : '';
      if (run.length > best.length) best = run;
    }
    return best.length >= 3 ? best : chars.slice(from).join('');
  };
  const anchorWords = new Set<string>();
  if (phrases) anchorWords.add(anchorOf('summit', true)); // in every one of EVENT_PHRASES
  const anchorFor = (form: string, loose: boolean) => {
    const ws = words(form).map((w) => ({ w, a: anchorOf(w, loose) }));
    if (ws.some(({ a }) => anchorWords.has(a))) return;
    anchorWords.add(ws.reduce((x, y) => (y.w.length > x.w.length ? y : x)).a);
  };
  const byWords = written.map((f) => ({ f, n: words(f).length })).sort((a, b) => a.n - b.n);
  for (const { f } of byWords) anchorFor(f, false);
  for (const f of eventForms) anchorFor(f, true);
  const anchors = reduceAnchors(anchorWords)
    .sort((a, b) => b.length - a.length)
    .map((a) => wordPattern(a, false))
    .join('|');

  return {
    pattern: alternatives.length ? `(?:${alternatives.join('|')})(?![${WORD}])` : null,
    namesakes: namesakes.length ? `(?:${alternation(namesakes)})(?![${WORD}])` : null,
    anchors,
  };
}

/** Recently prepared specs, by their JSON: the pipeline compiles the same people per article. */
const PREPARED = new Map<string, PreparedMatcher>();

/** A matcher straight from a spec (tests, the scan CLI, the pipeline). */
export function compileMatcher(spec: MatcherSpec): Matcher {
  const key = JSON.stringify(spec);
  let prepared = PREPARED.get(key);
  if (!prepared) {
    prepared = prepareMatcher(spec);
    if (PREPARED.size >= 8) PREPARED.delete(PREPARED.keys().next().value!);
    PREPARED.set(key, prepared);
  }
  return buildMatcher(prepared);
}

/** A part's RegExps, built on first use: most pages hold no anchor word, so never need them. */
interface Part {
  prepared: PreparedPart;
  anchors: RegExp;
  pattern?: RegExp | null;
  namesakes?: RegExp | null;
}

/**
 * Builds a prepared matcher. `hidden` entities (the reader chose not to mark them) are still
 * matched, so that their names are not read as someone else's, and then left out.
 */
export function buildMatcher(prepared: PreparedMatcher, hidden: readonly string[] = []): Matcher {
  const byId = new Map(prepared.entities.map((e) => [e.id, e]));
  const forms = new Map<string, FormInfo>();
  for (const f of prepared.forms) {
    const entity = byId.get(f.entity);
    if (entity) forms.set(f.key, { entity, ambiguous: f.ambiguous, full: f.full });
  }
  const skip = new Set(hidden);
  const eventId = prepared.event;
  let parts: Part[] | undefined;
  const allParts = () =>
    (parts ??= prepared.parts
      .filter((p) => p.anchors)
      .map((p) => ({ prepared: p, anchors: new RegExp(p.anchors, 'g') })));

  function scanPart(part: Part, text: string, found: Mention[]): void {
    if (part.pattern === undefined) {
      const { pattern: p, namesakes: n } = part.prepared;
      part.pattern = p === null ? null : new RegExp(p, 'gu');
      part.namesakes = n === null ? null : new RegExp(n, 'gu');
    }
    const pattern = part.pattern;
    if (!pattern) return;
    pattern.lastIndex = 0;
    let blocked: [number, number][] | null = null;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      if (gluedBefore(text, start)) {
        pattern.lastIndex = start + 1;
        continue;
      }
      const end = start + m[0].length;
      const groups = m.groups!;
      if (groups.event !== undefined && eventId) {
        if (!skip.has(eventId)) {
          found.push({ entity: eventId, kind: 'event', start, end, ambiguous: false, full: true });
        }
        continue;
      }
      const info = forms.get(keyOf(groups.name!));
      if (!info) continue;
      if (part.namesakes) {
        blocked ??= spans(part.namesakes, text);
        if (blocked.some(([s, e]) => s < end && start < e)) continue;
      }
      const titled = groups.title !== undefined;
      if (!info.full && !titled && !isSurnameAlone(text, start, end)) continue;
      if (skip.has(info.entity.id)) continue;
      found.push({
        entity: info.entity.id,
        kind: 'person',
        start,
        end,
        ambiguous: info.ambiguous,
        full: info.full,
      });
    }
  }

  /** Mentions of every part whose anchors are in `text` (a block: short). */
  function scan(text: string): Mention[] {
    const found: Mention[] = [];
    let count = 0;
    for (const part of allParts()) {
      part.anchors.lastIndex = 0;
      if (!part.anchors.test(text)) continue;
      scanPart(part, text, found);
      count++;
    }
    return count > 1 ? found.sort((a, b) => a.start - b.start) : found;
  }

  function anchorsIn(text: string): number[] {
    let out: number[] = [];
    let groups = 0;
    for (const { anchors: re } of allParts()) {
      re.lastIndex = 0;
      const before = out.length;
      for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
      if (out.length > before) groups++;
    }
    if (groups > 1) out = out.sort((a, b) => a - b);
    return out;
  }

  return {
    entities: prepared.entities,
    entity: (id) => byId.get(id),
    match(text) {
      if (!INVISIBLE.test(text)) return scan(text);
      // Soft hyphens and zero-width characters inside names: match a cleaned copy, map back.
      const { clean, map } = withoutInvisibles(text);
      return scan(clean).map((m) => ({ ...m, start: map(m.start), end: map(m.end - 1) + 1 }));
    },
    anchors(text) {
      if (!INVISIBLE.test(text)) return anchorsIn(text);
      const { clean, map } = withoutInvisibles(text);
      return anchorsIn(clean).map(map);
    },
  };
}

/**
 * `text` without invisible characters, and a map from offsets in it back to `text`. Only the
 * removed positions are kept (a page's text may be megabytes with a handful of them).
 */
function withoutInvisibles(text: string): { clean: string; map: (at: number) => number } {
  // Where each removed character would sit in the clean text: non-decreasing.
  const at: number[] = [];
  const clean = text.replace(INVISIBLE_ALL, (_c: string, offset: number) => {
    at.push(offset - at.length);
    return '';
  });
  const map = (c: number) => {
    // Removed characters before clean offset c: those whose clean position is <= c.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= c) lo = mid + 1;
      else hi = mid;
    }
    return c + lo;
  };
  return { clean, map };
}

function spans(re: RegExp, text: string): [number, number][] {
  re.lastIndex = 0;
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (gluedBefore(text, m.index)) re.lastIndex = m.index + 1;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * A surname on its own ("Trump") is a mention unless the text shows another person:
 * a given name right before it ("Eric Trump"), "Jr."/"Sr." after it, or "trump card(s)".
 */
function isSurnameAlone(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 8);
  if (/^,?\s*(?:Jr|Sr)\b/.test(after)) return false;
  if (/^\s+cards?\b/.test(after)) return false;
  const window = text.slice(Math.max(0, start - 40), start);
  const before = /(\p{Lu}[\p{Ll}\p{M}]+)[\s\u00A0]+$/u.exec(window);
  if (!before || NOT_GIVEN_NAMES.has(before[1]!)) return true;
  // "Later Kim said": a capitalised word opening a sentence is usually an ordinary word.
  // Mid-sentence ("with Eric Trump"), an unknown capitalised word is taken as a given name.
  const lead = window.slice(0, before.index).trimEnd();
  return lead === '' ? start - window.length <= 0 : /[.!?:;"“‘'(\u2014«„»”]$/.test(lead);
}

/**
 * Keeps ambiguous short forms only where the page also has a full name of the same entity
 * ("Kim" counts on a page that says "Kim Jong-un" somewhere).
 */
export function resolveAmbiguous<T extends Pick<Mention, 'entity' | 'ambiguous' | 'full'>>(
  mentions: T[],
): T[] {
  const confirmed = new Set<string>();
  for (const m of mentions) if (m.full) confirmed.add(m.entity);
  return mentions.filter((m) => !m.ambiguous || confirmed.has(m.entity));
}
