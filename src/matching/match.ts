/**
 * The run half of the matcher: compiles a prepared matcher (`prepare.ts`) lazily and finds
 * mentions in a block of text. The content script holds only its anchor search (`pageNames`).
 */
import type { AnchoredGroup, PreparedMatcher, PreparedPart } from './prepare';
import { GAP_CHAR, keyOf, titleKey, withoutMarks } from './name-text';
import type { MatchEntity, Mention } from './types';

/** A letter, digit or mark in any script, as the last code point (`\p{…}`: compiled on first use). */
let wordBefore: RegExp | undefined;
const isWordEnd = (s: string) => (wordBefore ??= /[\p{L}\p{N}\p{M}]$/u).test(s);

/** Code units `PreparedMatcher.wordChars` covers: below U+0530 and U+1E00–U+206F. */
const covered = (c: number) => c < 0x530 || (c >= 0x1e00 && c <= 0x206f);

/**
 * Whether characters are word characters (letters, digits, marks). The common scripts' are
 * tested with the prepared class (`PreparedMatcher.wordChars`), which compiles in
 * microseconds; a `\p{…}` class took ~0.5 ms per page, so it is compiled only for a
 * character of another script.
 */
class WordChars {
  readonly #quick: RegExp;
  /** Answers so far below U+2070, 0 until known: the titles' check asks at every letter. */
  readonly #known = new Uint8Array(0x2070);
  constructor(chars: string) {
    this.#quick = new RegExp(`[${chars}]`);
  }

  /** Whether a code point is a letter, digit or mark. */
  #is(cp: number): boolean {
    const known = this.#known;
    if (known[cp]) return known[cp] === 1;
    const c = String.fromCodePoint(cp);
    const yes = covered(cp) ? this.#quick.test(c) : isWordEnd(c);
    if (cp < known.length) known[cp] = yes ? 1 : 2;
    return yes;
  }

  /**
   * Whether a match at `at` is glued to a word before it. Checked here rather than with a
   * lookbehind in the pattern: a `\\p{…}` lookbehind runs at every position of the text and
   * made the pass three times slower; this runs only where a name matched.
   */
  before(text: string, at: number): boolean {
    if (at <= 0) return false;
    const c = text.charCodeAt(at - 1);
    // The second half of a surrogate pair: the code point starts one before.
    return this.#is(c >= 0xdc00 && c < 0xe000 && at > 1 ? text.codePointAt(at - 2)! : c);
  }

  /** Whether the character at `at` (a whole code point) is a letter, digit or mark. */
  at(text: string, at: number): boolean {
    return at < text.length && this.#is(text.codePointAt(at)!);
  }
}

/** Characters that can hide inside a word without showing: soft hyphen, zero-width ones. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** `\s` but U+FEFF, which `INVISIBLE` removes: where no anchor word can run across. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

interface FormInfo {
  entity: MatchEntity;
  ambiguous: boolean;
  full: boolean;
}

/** Whom a mention names, as a page shows it. */
export type NamedEntity = Pick<MatchEntity, 'id' | 'kind' | 'name'>;

/**
 * What a page's scan needs of a prepared matcher (`namesOf`): the anchor words and whom they
 * name. The forms and their rules stay in the background, which matches the blocks.
 */
export interface PreparedNames {
  entities: NamedEntity[];
  parts: Pick<PreparedPart, 'anchors'>[];
}

/** `PreparedNames` of a prepared matcher, for a content script. */
export const namesOf = (prepared: PreparedMatcher): PreparedNames => ({
  entities: prepared.entities.map(({ id, kind, name }) => ({ id, kind, name })),
  parts: prepared.parts.map(({ anchors }) => ({ anchors })),
});

/** The anchor search alone: what a page's scan runs itself (`pageNames`). */
export interface PageNames {
  /**
   * Offsets in `text` of anchor words: every mention contains one (a word of each name form,
   * an event phrase's most shared word; an either-case first letter left off). A cheap prefilter
   * over a whole subtree's text: only blocks holding one need `match`. Uses no `this`: the
   * scanner passes it on as it is.
   */
  anchors(text: string): number[];
  /** The entity of an id, for names and kinds. */
  entity(id: string): NamedEntity | undefined;
  readonly entities: readonly NamedEntity[];
}

/** A compiled matcher: one RegExp pass over a block's text, then cheap local checks. */
export interface Matcher extends PageNames {
  /** Mentions in one block of text, in order. Ambiguous short forms are flagged, not dropped. */
  match(text: string): Mention[];
  entity(id: string): MatchEntity | undefined;
  readonly entities: readonly MatchEntity[];
}

/** Letters, digits and marks in any script: what a name may not touch (`u` flag). */
const WORD_END = '(?![\\p{L}\\p{N}\\p{M}])';

/**
 * A boundary-checked pattern of a part: a quick one whose lookahead knows the common scripts'
 * word characters only, and the exact one (`\p{…}`), compiled the first time a match is
 * followed by another script's letter.
 */
interface Bounded {
  quick: RegExp;
  source: string;
  exact?: RegExp;
}

/** A part's RegExps, each built on first use: most pages hold no anchor word, so need none. */
class Part {
  /**
   * The names, the namesakes and the event's forms, in groups by anchor word (`AnchoredGroup`):
   * each group's pattern is built and run only in a block holding one of its anchors.
   */
  readonly names: Groups;
  readonly namesakes: Groups;
  readonly events: Groups;
  #titles: ReadonlyMap<string, string> | undefined;
  /** Text before names looked up as a title: a page repeats "President Putin". */
  readonly #seen = new Map<string, number>();

  readonly #wordChars: string;

  constructor(
    readonly prepared: PreparedPart,
    wordChars: string,
    /** The part's pass of the anchor search (`anchorPasses`), shared with it. */
    readonly anchors: RegExp,
  ) {
    this.#wordChars = wordChars;
    const bound = (source: string) => this.#bound(source);
    this.names = new Groups(prepared.names, prepared.nameAnchors, bound);
    this.namesakes = new Groups(prepared.namesakes, prepared.namesakeAnchors, bound);
    this.events = new Groups(prepared.events, prepared.eventAnchors, bound);
  }

  /**
   * Whether `text` is one of the titles (2), the last words of one (1) or neither (0): see
   * `PreparedPart.titles`.
   */
  title(text: string): number {
    let found = this.#seen.get(text);
    if (found === undefined) {
      const key = titleKey(text);
      this.#titles ??= new Map(Object.entries(this.prepared.titles ?? {}));
      const first = this.#titles.get(key.charAt(0).toLowerCase() + key.slice(1));
      found = first === undefined ? 0 : first === '' || key.charAt(0) === first ? 2 : 1;
      if (this.#seen.size > 4096) this.#seen.clear();
      this.#seen.set(text, found);
    }
    return found;
  }

  #bound(source: string): Bounded {
    return { quick: new RegExp(`(?:${source})(?![${this.#wordChars}])`, 'g'), source };
  }
}

/**
 * A part's groups of forms (`AnchoredGroup`), each pattern built on first use. Which groups a
 * text holds is one pass of a RegExp of their anchors (`source`): an `includes` per anchor
 * made matching the paragraphs of the 2 MB page a third slower.
 */
class Groups {
  readonly #groups: readonly AnchoredGroup[];
  /** Each group's pattern, once built. */
  readonly #built: Bounded[] = [];
  readonly #anchors: RegExp | null;
  readonly #bound: (source: string) => Bounded;
  /** The anchors found in the text at hand (one set, reused). */
  readonly #hit = new Set<string>();

  constructor(
    groups: readonly AnchoredGroup[],
    source: string | null,
    bound: (source: string) => Bounded,
  ) {
    this.#groups = groups;
    this.#anchors = source ? new RegExp(source, 'g') : null;
    this.#bound = bound;
  }

  /** The patterns of the groups whose anchors are in `text`, in the groups' order. */
  held(text: string): Bounded[] {
    const out: Bounded[] = [];
    const re = this.#anchors;
    if (!re) return out;
    const hit = this.#hit;
    hit.clear();
    re.lastIndex = 0;
    // From one character on, not from the match's end: an anchor may begin inside another.
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hit.add(m[0]);
      re.lastIndex = m.index + 1;
    }
    if (hit.size)
      this.#groups.forEach((g, i) => {
        if (
          g.anchors.some((a) => hit.has(a)) &&
          // Plain words: `includes`, not a RegExp each (each costs a compile on first use).
          (!g.also || g.also.some((w) => text.includes(w)))
        )
          out.push((this.#built[i] ??= this.#bound(g.pattern)));
      });
    return out;
  }
}

/** Leftmost matches of one bounded pattern in one text, from a position that only moves on. */
class Matches {
  #last: RegExpExecArray | null = null;
  #done = false;

  readonly #re: Bounded;
  readonly #text: string;
  readonly #word: WordChars;

  constructor(re: Bounded, text: string, word: WordChars) {
    this.#re = re;
    this.#text = text;
    this.#word = word;
  }

  /** The first match at or after `from`: the last one found while it still lies there. */
  from(from: number): RegExpExecArray | null {
    if (this.#done || (this.#last && this.#last.index >= from)) return this.#last;
    const b = this.#re;
    b.quick.lastIndex = from;
    let m = b.quick.exec(this.#text);
    if (m && this.#word.at(this.#text, m.index + m[0].length)) {
      // Glued to a letter of another script: the exact pattern decides, from the same place.
      b.exact ??= new RegExp(`(?:${b.source})${WORD_END}`, 'gu');
      b.exact.lastIndex = m.index;
      m = b.exact.exec(this.#text);
    }
    this.#last = m;
    this.#done = m === null;
    return m;
  }
}

/**
 * Where a title that ends just before the name at `name` starts (`President Putin`), the
 * leftmost such start at or after `from`; -1 when none. A title ends with a run of gap
 * characters before the name and spans at most `titleWords` words; its first word may follow
 * an elision or a bracket ("l'ex-président").
 */
function titleStart(text: string, name: number, from: number, part: Part, word: WordChars) {
  let end = name;
  while (end > from && GAP_CHAR.test(text[end - 1]!)) end--;
  if (end === name || end <= from) return -1;
  let found = -1;
  let lo = end;
  for (let w = 0; w < part.prepared.titleWords && lo > from; w++) {
    if (w > 0) while (lo > from && GAP_CHAR.test(text[lo - 1]!)) lo--;
    const wordEnd = lo;
    while (lo > from && !GAP_CHAR.test(text[lo - 1]!)) lo--;
    let more = false;
    for (let at = wordEnd - 1; at >= lo; at--) {
      const t = word.before(text, at) ? 0 : part.title(text.slice(at, end));
      if (t) more = true;
      if (t === 2) found = at;
    }
    // No title ends with these words: none ends with more of them.
    if (!more) break;
  }
  return found;
}

/** `pageNames` and what `buildMatcher` adds the block matching with. */
function anchorSearch<E extends NamedEntity, P extends PreparedNames['parts'][number]>(prepared: {
  entities: E[];
  parts: P[];
}) {
  let byIdMap: Map<string, E> | undefined;
  const byId = () => (byIdMap ??= new Map(prepared.entities.map((e) => [e.id, e])));
  const anchored = prepared.parts.filter((p) => p.anchors);
  /**
   * One RegExp per part's anchor words (one per script), the first also holding the invisible
   * characters as its one capture group. Not one RegExp for all: V8 skips ahead by a table of
   * the characters that can start a match, and Latin and Cyrillic words in one table made the
   * pass over a page's text twice as slow as two passes. The block matching tests the same
   * RegExps on text already cleaned of invisible characters.
   */
  let passes: RegExp[] | undefined;
  const anchorPasses = () =>
    (passes ??= anchored.map(
      (p, i) => new RegExp(i ? p.anchors : `${p.anchors}|(${INVISIBLE.source})`, 'g'),
    ));
  /** Offsets of anchor words in `text`, in order; those of invisible characters go to `hidden`. */
  function anchorsIn(text: string, hidden: number[]): number[] {
    const found: number[] = [];
    let groups = 0;
    for (const re of anchorPasses()) {
      const before = found.length;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[1] === undefined) found.push(m.index);
        else hidden.push(m.index);
      }
      if (found.length > before) groups++;
    }
    return groups > 1 ? found.sort((a, b) => a - b) : found;
  }

  /**
   * The offsets a search of `text` cleaned of invisible characters finds, mapped back: only the
   * runs of non-space characters that hold one are cleaned and searched again (no anchor word
   * holds a space, so a search starts afresh after one). Cleaning the whole text, a page's,
   * cost 2–6 ms in Chromium: most likely a garbage collection its copy set off.
   */
  function splitAnchors(text: string, hidden: number[], found: number[]): number[] {
    const out: number[] = [];
    let k = 0;
    for (let i = 0; i < hidden.length;) {
      let start = hidden[i]!;
      while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
      let end = hidden[i]! + 1;
      while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
      // The raw search's offsets before the run stand; those in it give way to the run's.
      while (k < found.length && found[k]! < start) out.push(found[k++]!);
      while (k < found.length && found[k]! < end) k++;
      const run = text.slice(start, end);
      const again = anchorsIn(run.replace(INVISIBLE, ''), []);
      if (again.length) {
        const back = backTo(run);
        for (const o of again) out.push(start + back(o));
      }
      while (i < hidden.length && hidden[i]! < end) i++;
    }
    while (k < found.length) out.push(found[k++]!);
    return out;
  }

  const names = {
    entities: prepared.entities,
    entity: (id: string) => byId().get(id),
    // One pass per script over the text, the first also finding invisible characters, without
    // building the parts (their RegExps cost ~0.2 ms): most pages hold no anchor word.
    anchors(text: string) {
      const hidden: number[] = [];
      const found = anchorsIn(text, hidden);
      return hidden.length ? splitAnchors(text, hidden, found) : found;
    },
  };
  return { names, byId, anchored, anchorPasses };
}

/**
 * The anchor search alone. A page's scan finds the blocks that hold an anchor word with it
 * and has them matched in the background (`buildMatcher` there), so the block matching and
 * its RegExps are neither in the content script nor compiled cold on every page.
 */
export const pageNames = (prepared: PreparedNames): PageNames => anchorSearch(prepared).names;

/**
 * Builds a prepared matcher. `hidden` entities (the reader chose not to mark them) are still
 * matched, so that their names are not read as someone else's, and then left out. The block
 * matching is built at the first block that holds an anchor word: most texts hold none.
 */
export function buildMatcher(prepared: PreparedMatcher, hidden: readonly string[] = []): Matcher {
  const { names, byId, anchored, anchorPasses } = anchorSearch(prepared);
  let scan: ((text: string) => Mention[]) | undefined;
  return {
    ...names,
    // Soft hyphens and zero-width characters inside names: a cleaned copy is searched, and
    // offsets are mapped back only when something was found in a text that had some.
    match(text) {
      scan ??= blockMatcher(prepared, hidden, byId, anchored, anchorPasses());
      // A block: most hold none, and a search is cheaper than a replace that finds nothing.
      if (text.search(INVISIBLE) < 0) return scan(text);
      const clean = text.replace(INVISIBLE, '');
      const found = scan(clean);
      if (!found.length) return found;
      const map = backTo(text);
      return found.map((m) => ({ ...m, start: map(m.start), end: map(m.end - 1) + 1 }));
    },
  };
}

/**
 * The block matching of `buildMatcher`, built at the first block that holds an anchor word:
 * the mentions in a text without invisible characters, of every part whose anchors it holds.
 */
function blockMatcher(
  prepared: PreparedMatcher,
  hidden: readonly string[],
  byId: () => Map<string, MatchEntity>,
  anchored: readonly PreparedPart[],
  passes: readonly RegExp[],
): (text: string) => Mention[] {
  let lookups:
    | { forms: Map<string, FormInfo>; notGiven: Set<string>; notAlone: RegExp; family: RegExp }
    | undefined;
  // Built when a name first matched: an anchor word alone ("Kimberly") needs none of it.
  const lookup = () => {
    if (lookups) return lookups;
    const forms = new Map<string, FormInfo>();
    for (const f of prepared.forms) {
      const entity = byId().get(f.entity);
      if (entity) forms.set(f.key, { entity, ambiguous: f.ambiguous, full: f.full });
    }
    return (lookups = {
      forms,
      notGiven: new Set(prepared.notGivenNames),
      notAlone: new RegExp(prepared.notAlone),
      family: new RegExp(prepared.family),
    });
  };
  let wordChars: WordChars | undefined;
  const skip = new Set(hidden);
  /** Keys of names as written: a page repeats the same few ("Путина" a thousand times). */
  const keys = new Map<string, string>();
  const keyFor = (written: string) => {
    let key = keys.get(written);
    if (key === undefined) {
      if (keys.size >= 4096) keys.clear();
      keys.set(written, (key = keyOf(written)));
    }
    return key;
  };
  const eventId = prepared.event;
  const parts = anchored.map((p, i) => new Part(p, prepared.wordChars, passes[i]!));

  /**
   * The part's mentions in `text`, as one pattern of (event | title? name) would find them:
   * the leftmost match first, the event before a name at the same place, a title in front of
   * a name taken into it, and the search going on one character later when a match is glued
   * to the word before it.
   */
  function scanPart(part: Part, text: string, found: Mention[]): void {
    const word = (wordChars ??= new WordChars(prepared.wordChars));
    const streams = (groups: Groups) => groups.held(text).map((b) => new Matches(b, text, word));
    const titles = part.prepared.titles;
    const names = streams(part.names);
    const events = streams(part.events);
    let blocked: [number, number][] | null = null;
    for (let from = 0; ;) {
      const name = leftmost(names, from);
      const ev = leftmost(events, from);
      if (!name && !ev) return;
      let start = Infinity;
      let titled = false;
      if (name) {
        start = name.index;
        if (!titles) titled = name.groups?.title !== undefined;
        else {
          const t = titleStart(text, start, from, part, word);
          if (t >= 0) [start, titled] = [t, true];
        }
      }
      // The event goes first where both start at the same place.
      const m = ev && ev.index <= start ? ev : name!;
      if (m === ev) start = ev.index;
      if (word.before(text, start)) {
        from = start + 1;
        continue;
      }
      const end = m.index + m[0].length;
      from = end;
      if (m === ev) {
        if (eventId && !skip.has(eventId)) {
          found.push({ entity: eventId, kind: 'event', start, end, ambiguous: false, full: true });
        }
        continue;
      }
      const { forms, notGiven, notAlone, family } = lookup();
      const key = keyFor(m.groups?.name ?? m[0]);
      const info = forms.get(key);
      if (!info) continue;
      // Namesakes are looked for only where the name they hold is, once per block.
      blocked ??= spans(streams(part.namesakes), text, word);
      if (blocked.some(([s, e]) => s < end && start < e)) continue;
      if (!info.full && !titled && !isSurnameAlone(text, start, end, notGiven, notAlone)) continue;
      // "the Trumps": a surname's -s form after a determiner is a family, not the person.
      if (
        !info.full &&
        key.endsWith('s') &&
        forms.get(key.slice(0, -1))?.entity === info.entity &&
        family.test(text.slice(Math.max(0, start - 12), start))
      )
        continue;
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
  return function scan(text: string): Mention[] {
    const found: Mention[] = [];
    let count = 0;
    for (const part of parts) {
      part.anchors.lastIndex = 0;
      if (!part.anchors.test(text)) continue;
      scanPart(part, text, found);
      count++;
    }
    return count > 1 ? found.sort((a, b) => a.start - b.start) : found;
  };
}

/**
 * Maps offsets in `text` without its invisible characters back to `text`. Only the removed
 * positions are kept (a page's text may be megabytes with a handful of them). Built only
 * where a match needs it: a replacement by callback over a whole page took up to 4 ms in a
 * content script, a plain `replace` a tenth of that.
 */
function backTo(text: string): (at: number) => number {
  // Where each removed character would sit in the clean text: non-decreasing.
  const at: number[] = [];
  text.replace(INVISIBLE, (_c: string, offset: number) => {
    at.push(offset - at.length);
    return '';
  });
  return (c: number) => {
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
}

/** The first match at or after `from` of any of `streams`, the longest where two start together. */
function leftmost(streams: Matches[], from: number): RegExpExecArray | null {
  let best: RegExpExecArray | null = null;
  for (const s of streams) {
    const m = s.from(from);
    if (
      m &&
      (!best || m.index < best.index || (m.index === best.index && m[0].length > best[0].length))
    )
      best = m;
  }
  return best;
}

/** Where the leftmost matches of `streams` lie, one after another (none glued to a word). */
function spans(streams: Matches[], text: string, word: WordChars): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0, m = leftmost(streams, 0); m; m = leftmost(streams, from)) {
    if (word.before(text, m.index)) from = m.index + 1;
    else out.push([m.index, (from = m.index + m[0].length)]);
  }
  return out;
}

/** Case by the case mappings: a `\p{Lu}`/`\p{Ll}` class cost ~0.4 ms to compile per page. */
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * A surname on its own ("Trump") is a mention unless the text shows another person:
 * a given name right before it ("Eric Trump") or what `notAlone` finds after it ("Trump Jr.",
 * "trump cards").
 */
function isSurnameAlone(
  text: string,
  start: number,
  end: number,
  notGiven: ReadonlySet<string>,
  notAlone: RegExp,
): boolean {
  const rest = text.slice(end);
  if (notAlone.test(rest.slice(0, 12))) return false;
  // The capitalised word (upper case, then lower case and marks) that ends at the spaces
  // before, within 40 characters.
  const min = Math.max(0, start - 40);
  let i = start;
  while (i > min && /\s/.test(text[i - 1]!)) i--;
  const wordEnd = i;
  while (i > min && (isLower(text[i - 1]!) || !withoutMarks(text[i - 1]!))) i--;
  if (wordEnd === start || i === wordEnd || i <= min || !isUpper(text[--i]!)) return true;
  if (notGiven.has(text.slice(i, wordEnd))) return true;
  // "Later Kim said": a capitalised word opening a sentence is usually an ordinary word.
  // Mid-sentence ("with Eric Trump"), an unknown capitalised word is taken as a given name,
  // except in title case ("Critics Say Trump Appointees…"): the word before capitalised, and
  // the word after too, or none (a headline's last word: "Putin Praises Trump").
  const lead = text.slice(min, i).trimEnd();
  return (
    (lead === '' ? min <= 0 : /[.!?:;"“‘'(\u2014«„»”]$/.test(lead)) ||
    (isUpper(lead.charAt(lead.search(/\S*$/))) &&
      (isUpper(rest.charAt(rest.search(/\s\S/) + 1)) || !/[^\s.!?"”’'»]/.test(rest)))
  );
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
