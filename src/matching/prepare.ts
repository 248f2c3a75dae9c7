/**
 * The preparing half of the matcher: turns a spec (names, titles, namesakes) into RegExp
 * sources and a table of forms, as plain data that only has to be compiled (`match.ts`).
 * String work and every check on the data run here, once per library revision, not on each
 * page; a content script gets only its anchor words and names (`namesOf`).
 */
import {
  FAMILY_DETERMINERS,
  NAME_SUFFIXES,
  NOT_GIVEN_NAMES,
  SURNAME_AS_WORD,
  alternation as oneOfWords,
} from '../text/lexicon-en';
import { GAP, WORD, keyOf, titleKey, words } from './name-text';
import type { MatchEntity, MatcherSpec } from './types';

/** Apostrophes a page may type for one another ("l'", "l’"). */
const APOSTROPHES = "'\u2019\u02BC";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `charPattern` per character, computed once: the background prepares thousands of them. */
const CHARS = new Map<string, string>();

/** A character inside `[…]`. */
const inClass = (c: string) => c.replace(/[\]\\^-]/g, '\\$&');

/**
 * One character of a name as a pattern: a letter with a diacritic also matches its bare letter
 * and its decomposed (NFD) spelling; an apostrophe matches the typographic ones. With `other`
 * (the letter's other case), either case. Single characters go in one class, never an
 * alternation of characters: `[sS]` compiles and runs about twice as fast as `(?:s|S)`.
 */
function charPattern(c: string, other?: string): string {
  const key = other ? c + other : c;
  let p = CHARS.get(key);
  if (p === undefined) {
    if (APOSTROPHES.includes(c)) {
      p = `[${APOSTROPHES}]`;
    } else {
      const singles = new Set<string>();
      const sequences = new Set<string>();
      for (const x of other ? [c, other] : [c]) {
        singles.add(x);
        const d = x.normalize('NFD');
        if (d.length > 1 && d !== x) {
          sequences.add(d);
          singles.add(d[0]!);
        }
      }
      const list = [...singles];
      // A class without the `u` flag holds UTF-16 units: a letter outside the BMP is spelt out.
      const one =
        list.length === 1
          ? escape(c)
          : list.some((x) => x.length > 1)
            ? `(?:${list.map(escape).join('|')})`
            : `[${list.map(inClass).join('')}]`;
      p = sequences.size ? `(?:${one}|${[...sequences].map(escape).join('|')})` : one;
    }
    CHARS.set(key, p);
  }
  return p;
}

/** A word's pattern; `loose`: its first letter in either case. */
function wordPattern(w: string, loose: boolean): string {
  const chars = [...w];
  const first = chars[0]!;
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  const head = loose && lower !== upper ? charPattern(lower, upper) : charPattern(first);
  return (
    head +
    chars
      .slice(1)
      .map((c) => charPattern(c))
      .join('')
  );
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
      tokens.push(
        wordPattern(chars[0]!, loose(form)),
        ...chars.slice(1).map((c) => charPattern(c)),
      );
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
    const sorted = [...n.next].sort(
      ([a, x], [b, y]) => y.depth - x.depth || (a < b ? -1 : a > b ? 1 : 0),
    );
    // Last letters that end a form ("Путин" + а|у|е) are one class, not an alternation.
    const last = sorted.filter(([t, child]) => child.next.size === 0 && isLetter(t));
    const alts = sorted
      .filter((entry) => last.length < 2 || !last.includes(entry))
      .map(([t, child]) => t + emit(child));
    if (last.length >= 2) alts.push(`[${last.map(([t]) => t).join('')}]`);
    if (alts.length === 0) return '';
    if (n.end) return `(?:${alts.join('|')})?`;
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/** Whether a trie token is one plain character (a letter or digit, nothing to escape). */
const isLetter = (token: string) => token.length === 1 && escape(token) === token && token !== '-';

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
 * One script's share of a prepared matcher, as RegExp sources compiled only where they are
 * needed. Names, titles and the event are apart: one pattern with a title in front of every
 * name had to try dozens of lower-case titles at every character of the text, which made it
 * ~50 times slower to run and several times slower to compile than the names alone.
 */
export interface PreparedPart {
  /**
   * The names, in groups by anchor word (`AnchoredGroup`): a block that names Putin compiles
   * his forms, not everyone's (the Russian names with their cases took 2–3 ms to compile and
   * as long again to compile to machine code on their second run; Putin's alone, 0.4 ms). No
   * boundaries: the matcher adds the one after (see `PreparedMatcher.wordChars`) and checks
   * the one before each match. When `titles` is null but the part has titles, they are in
   * one group with every name, as `(?<title>…)` before `(?<name>…)`: a title may come before
   * any name.
   */
  names: AnchoredGroup[];
  /**
   * The titles as a table, `titleKey` with its first letter in lower case → the first letter
   * a title must start with ('' when either case will do; '*' for the last words of a longer
   * title, which are no title: the lookup goes on to the word before only while what it has
   * read so far is one of them): the words just before a name, at most `titleWords` of them, are
   * looked up to find where a titled mention starts ("President Putin"). A table, not a
   * RegExp: the titles of five languages compiled in ~1.6 ms on each page that named someone.
   */
  titles: Record<string, string> | null;
  titleWords: number;
  /**
   * The event's names, aliases and phrases (the dataset's `event.phrases`: "summit in
   * Singapore"), same boundaries, in groups by anchor word: a group's pattern is compiled and
   * run only in a block holding its anchor, and every text its pattern matches holds that
   * anchor. A page that says "Singapore" compiles the few forms
   * anchored there, not the whole event (6.5 KB in four languages, ~2 ms on each such page).
   * `also`, when there, lists the spellings (first letter in either case) of a second word
   * all the group's forms hold ("ingap" of "Singapore summit"), looked for as plain text: a
   * page about the "Mozilla Summit" compiles none of the "summit" forms.
   */
  events: AnchoredGroup[];
  /**
   * Namesakes ("Kim Jong-il") that block a match inside them (same boundaries), in groups by
   * the anchor of the name they hold ("Trump" of "Melania Trump"): a namesake can only match
   * where that name is. Grouped by their own words instead ("die" of "die Trumps", "Il" of
   * "Kim Il-sung"), the pass over their anchors stopped at nearly every word of a paragraph.
   * A namesake that holds no name goes by its own words.
   */
  namesakes: AnchoredGroup[];
  /** The anchors of the groups of `names`, `namesakes` and `events`, as RegExp sources. */
  nameAnchors: string | null;
  namesakeAnchors: string | null;
  eventAnchors: string | null;
  /** The anchor words of everything in the part, for `Matcher.anchors` (flags `g`). */
  anchors: string;
}

/**
 * Forms compiled and run only in a text that holds one of `anchors`, plain substrings of the
 * forms: every text `pattern` matches holds one of them. With `also` (the event's groups),
 * only in a text that holds one of those words too.
 */
export interface AnchoredGroup {
  anchors: string[];
  pattern: string;
  also?: string[];
}

/**
 * A matcher compiled to plain data: the RegExp sources and the table of name forms. The
 * background prepares it (string work, cached per library revision) and builds it
 * (`buildMatcher`) to match pages' blocks; a content script builds only the anchor search
 * from it (`pageNames`), so a page pays next to nothing before its first scan.
 */
export interface PreparedMatcher {
  version: 5;
  /**
   * The letters, digits and marks of the common scripts (Latin, Greek, Cyrillic), as the body
   * of a character class: a name may not be followed by one. The patterns check this class
   * instead of `\p{L}\p{N}\p{M}`, whose Unicode tables cost ~0.6 ms to compile per pattern on
   * every page; a match followed by a word character outside it is checked again with the
   * full class.
   */
  wordChars: string;
  entities: MatchEntity[];
  /** Capitalised words that are not a given name before a surname ("When Trump"). */
  notGivenNames: readonly string[];
  /**
   * What, right after a surname alone, shows it is not the person (a RegExp source, tried at
   * the end of the surname): a suffix ("Trump Jr.") or the word as a noun ("trump cards").
   */
  notAlone: string;
  /**
   * What, right before a surname's -s form whose base is a form of the same person, shows a
   * family rather than the person ("the Trumps"; a RegExp source tried on the text before it).
   */
  family: string;
  /** The event's id, when the dataset has one. */
  event: string | null;
  /** Each name form's lookup key (`keyOf`), with its entity and how it counts. */
  forms: { key: string; entity: string; ambiguous: boolean; full: boolean }[];
  /**
   * One part per script the names are written in (Latin, Cyrillic, …). A part's patterns are
   * compiled the first time its anchors are seen, so an English page never compiles the
   * Russian forms, and a block is matched only against the scripts its anchors are in.
   */
  parts: PreparedPart[];
}

/**
 * `PreparedMatcher.wordChars`: every `\p{L}\p{N}\p{M}` character below U+0530 and in
 * U+1E00–U+206F (Latin and Greek extended, and the general punctuation: quotes and dashes
 * around names).
 */
const WORD_CHARS = (() => {
  const word = new RegExp(`[${WORD}]`, 'u');
  const ranges: [number, number][] = [];
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  for (const [from, to] of [
    [0, 0x52f],
    [0x1e00, 0x206f],
  ] as const) {
    for (let c = from; c <= to; c++) {
      if (!word.test(String.fromCharCode(c))) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
  }
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
})();

/** The script group of a form: by the block of its first letter, all of Latin as one. */
const scriptOf = (form: string) => {
  const code = form.codePointAt(0) ?? 0;
  return code < 0x250 ? 0 : code >> 8;
};

/**
 * Compiles a matcher spec into RegExp sources per script (longest forms first) and the
 * anchor words. One pass of a combined RegExp is ~40x faster than a loop over names
 * (docs/performance-notes), and the checks after it only run where a name matched.
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
  const scripts = new Set([...written, ...(event ? eventForms : [])].map(scriptOf));
  const inScript = (list: Iterable<string>, script: number) =>
    [...list].filter((f) => scriptOf(f) === script);
  return {
    version: 5,
    wordChars: WORD_CHARS,
    notGivenNames: NOT_GIVEN_NAMES,
    notAlone: `^(?:,?\\s*(?:${oneOfWords(NAME_SUFFIXES)})|\\s+(?:${oneOfWords(SURNAME_AS_WORD)}))\\b`,
    family: `(?:^|\\W)(?:${FAMILY_DETERMINERS.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})\\s+$`,
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
          inScript(namesakes, script),
        ),
      ),
  };
}

/**
 * Whether a name could start inside a title ("Trump adviser" before "Kellyanne Conway"),
 * ending in it or going on past its end: then a titled mention can begin before the first
 * name the names pattern finds, and the titles must stay in the names pattern. Compared on
 * keys (case and diacritics ignored) at every word start, so it errs towards keeping them.
 */
function titlesHoldNames(titles: string[], names: string[]): boolean {
  const nameKeys = names.map(keyOf);
  return titles.some((t) => {
    const key = keyOf(t);
    // A name may start only where a word does (the matcher rejects one glued to a word).
    for (let i = 0; i < key.length; i++) {
      if (i > 0 && key[i - 1] !== ' ' && key[i - 1] !== "'") continue;
      const tail = key.slice(i);
      if (nameKeys.some((n) => tail.startsWith(n) || n.startsWith(`${tail} `))) return true;
    }
    return false;
  });
}

/** `PreparedPart.titles` of a list of titles, with the endings of the longer ones. */
function titleTable(titles: string[]): Record<string, string> {
  // No prototype: `in` must not find "constructor" in it.
  const table = Object.create(null) as Record<string, string>;
  const keyed = (written: string) => written.charAt(0).toLowerCase() + written.slice(1);
  for (const t of titles) {
    const written = titleKey(t);
    const key = keyed(written);
    const first = looseTitle(t) ? '' : written.charAt(0);
    table[key] = key in table && table[key] !== first && table[key] !== '*' ? '' : first;
    const ws = written.split(' ');
    for (let i = 1; i < ws.length; i++) {
      const ending = keyed(ws.slice(i).join(' '));
      if (!(ending in table)) table[ending] = '*';
    }
  }
  return table;
}

/**
 * Anchors: one word of every form, as few words as will do (fewer alternatives, faster pass);
 * no boundaries, so a word glued to the next block's text is still found. A word whose first
 * letter may be either case is searched without it ("ummit"): a character class in front
 * makes the pass several times slower. Likewise a letter with a diacritic (an alternation of
 * three spellings): the longest run of plain characters stands for the word ("Косачёв" →
 * "Косач"). A name gives its longest word; an event's form (names and phrases) the word most
 * of its forms share ("summit" for "American North Korea summit"), so that dozens of phrases
 * need one anchor, not one each, and a word of no name (`people`) before one that is (an event
 * anchored on "Trump" would compile its pattern on every page that names him), unless it is
 * one letter ("Ё" of "Ким Ё Чжон" is in every "Европа").
 */
function anchorsOf(names: string[], eventForms: string[], people = names): string | null {
  const words = anchorWords(names, eventForms, people);
  return words.length ? words.map((a) => wordPattern(a, false)).join('|') : null;
}

/** A word's anchor: its longest run of plain characters, the first left off when `loose`. */
function anchorOf(w: string, loose: boolean): string {
  const chars = [...w];
  const from = loose && chars.length >= 5 ? 1 : 0;
  let best = '';
  let run = '';
  for (const c of chars.slice(from)) {
    run = charPattern(c) === escape(c) ? run + c : '';
    if (run.length > best.length) best = run;
  }
  return best.length >= 3 ? best : chars.slice(from).join('');
}

/** The anchor words of `anchorsOf`, longest first. */
function anchorWords(names: string[], eventForms: string[], people: string[]): string[] {
  const nameWords = new Set(people.flatMap((f) => keyOf(f).split(' ')));
  const anchorWords = new Set<string>();
  const anchorFor = (form: string, loose: boolean, weight: (a: string, w: string) => number) => {
    const ws = words(form).map((w) => ({ w, a: anchorOf(w, loose) }));
    if (ws.some(({ a }) => anchorWords.has(a))) return;
    anchorWords.add(ws.reduce((x, y) => (weight(y.a, y.w) > weight(x.a, x.w) ? y : x)).a);
  };
  const byWords = names.map((f) => ({ f, n: words(f).length })).sort((a, b) => a.n - b.n);
  for (const { f } of byWords) anchorFor(f, false, (_a, w) => w.length);
  // How many event forms each anchor word is in; ties go to the longer word.
  const shared = new Map<string, number>();
  for (const f of eventForms) {
    for (const a of new Set(words(f).map((w) => anchorOf(w, true)))) {
      shared.set(a, (shared.get(a) ?? 0) + 1);
    }
  }
  for (const f of eventForms) {
    anchorFor(
      f,
      true,
      (a, w) =>
        (nameWords.has(keyOf(w)) ? (a.length < 3 ? 0 : 1e6) : a.length < 2 ? 0 : 2e6) +
        shared.get(a)! * 1000 +
        w.length,
    );
  }
  return reduceAnchors(anchorWords).sort((a, b) => b.length - a.length);
}

/**
 * The event's forms in groups by anchor word (`PreparedPart.events`). A form goes to the anchor
 * in one of its words' anchors (so in every text its pattern matches) that the most forms
 * hold: "Singapore summit" to "ummit", with the other summits; "sommet de Singapour" to
 * "ommet". Where no anchor is found (none should be), a form's group takes every anchor.
 */
function eventGroups(eventForms: string[], people: string[]): PreparedPart['events'] {
  const anchors = anchorWords([], eventForms, people);
  const own = eventForms.map((f) => words(f).map((w) => anchorOf(w, true)));
  const held = own.map((o) => anchors.filter((a) => o.some((x) => x.includes(a))));
  const byAnchor = bucketByKey(
    eventForms.map((_f, i) => i),
    held,
    (_a, shared) => shared,
  );
  // Split again by a second word besides the anchor: the one the most forms share, of three
  // letters or more where there is one; forms of one word stay together (no `also`).
  return [...byAnchor].flatMap(([a, members]) => {
    const second = members.map((i) => [
      ...new Set(own[i]!.filter((x) => x && !(a && x.includes(a)))),
    ]);
    const byWord = bucketByKey(
      members.map((i) => eventForms[i]!),
      second,
      (x, shared) => (x.length >= 3 ? 1e6 : 0) + shared * 1000 + x.length,
    );
    return [...byWord].map(([also, group]) => ({
      anchors: a ? [a] : anchors,
      pattern: `(?:${alternation(group, () => true)})`,
      ...(also ? { also: [...new Set([also, upperFirst(also), lowerFirst(also)])] } : {}),
    }));
  });
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const lowerFirst = (w: string) => w.charAt(0).toLowerCase() + w.slice(1);

/**
 * Puts each item in the bucket of its heaviest key, the first of equals ('' for an item
 * without keys); `weight` is told how many items hold the key.
 */
function bucketByKey<T>(
  items: T[],
  keys: string[][],
  weight: (key: string, shared: number) => number,
): Map<string, T[]> {
  const shared = new Map<string, number>();
  for (const list of keys) for (const k of list) shared.set(k, (shared.get(k) ?? 0) + 1);
  const out = new Map<string, T[]>();
  items.forEach((item, i) => {
    let best = '';
    let most = -Infinity;
    for (const k of keys[i]!) {
      const w = weight(k, shared.get(k)!);
      if (w > most) [best, most] = [k, w];
    }
    const bucket = out.get(best);
    if (bucket) bucket.push(item);
    else out.set(best, [item]);
  });
  return out;
}

/** The patterns and anchors of the forms of one script. */
function preparePart(
  written: string[],
  titles: string[],
  eventForms: string[],
  namesakes: string[],
): PreparedPart {
  const plain = (forms: string[]) => `(?:${alternation(forms)})`;
  const titlePart = titles.length ? alternation(titles, looseTitle) : null;
  const apart = titlePart !== null && !titlesHoldNames(titles, written);
  const nameAnchors = anchorWords(written, [], written);
  const names: AnchoredGroup[] = !written.length
    ? []
    : titlePart === null || apart
      ? anchoredGroups(written, nameAnchors, plain)
      : [
          {
            anchors: nameAnchors,
            pattern: `(?:(?<title>${titlePart})${GAP})?(?<name>${alternation(written)})`,
          },
        ];
  const namesakeGroups = anchoredGroups(
    namesakes,
    nameAnchors,
    plain,
    anchorWords([], namesakes, written),
  );
  const source = (groups: AnchoredGroup[]) =>
    groups.length ? [...new Set(groups.flatMap((g) => g.anchors))].map(escape).join('|') : null;
  const events = eventForms.length ? eventGroups(eventForms, written) : [];
  return {
    names,
    titles: apart ? titleTable(titles) : null,
    titleWords: apart ? Math.max(...titles.map((t) => words(t).length)) : 0,
    events,
    // A namesake goes with the name it holds ("Trump" of "Melania Trump"): it can only match
    // where that name's anchor is. Its own words ("die" of "die Trumps") are in most texts.
    namesakes: namesakeGroups,
    nameAnchors: source(names),
    namesakeAnchors: source(namesakeGroups),
    eventAnchors: source(events),
    anchors: anchorsOf(written, eventForms) ?? '',
  };
}

/**
 * `forms` in groups by the anchor word (of `anchors`, else of `fallback`) that most of them
 * hold, one pattern each. A form holding none (there should be none) goes in a group that
 * every anchor opens.
 */
function anchoredGroups(
  forms: string[],
  anchors: string[],
  pattern: (forms: string[]) => string,
  fallback: string[] = anchors,
): AnchoredGroup[] {
  const held = forms.map((f) => {
    const own = anchors.filter((a) => f.includes(a));
    return own.length ? own : fallback.filter((a) => f.includes(a));
  });
  return [...bucketByKey(forms, held, (_a, shared) => shared)].map(([a, members]) => ({
    anchors: a ? [a] : [...new Set([...anchors, ...fallback])],
    pattern: pattern(members),
  }));
}
