import type { MatchEntity, MatcherSpec, Mention } from './types';

/** Spaces, non-breaking spaces and hyphens/dashes between the words of a name. */
const GAP =
  '(?:[\\s\\u00A0\\u202F]*[-\\u2010\\u2011\\u2012\\u2013][\\s\\u00A0\\u202F]*|[\\s\\u00A0\\u202F]+)';
/** Letters and digits a name may not touch. */
const WORD = 'A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** Characters that can hide inside a word without showing: soft hyphen, zero-width ones. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_ALL = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (form: string) => form.split(/[\s\u00A0\u202F\-\u2010-\u2013]+/).filter(Boolean);
/** The lookup key of a name as written: its words joined by single spaces. */
const keyOf = (text: string) => words(text).join(' ');

/** A name form as a pattern: its words, any gap between them. */
function formPattern(form: string, loose = false): string {
  return words(form)
    .map((w) => {
      const e = escape(w);
      // Event words ("summit") may be capitalised or not.
      if (!loose || !/^[a-z]/i.test(w)) return e;
      return `[${w[0]!.toLowerCase()}${w[0]!.toUpperCase()}]${escape(w.slice(1))}`;
    })
    .join(GAP);
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

/**
 * Compiles a matcher spec into one combined RegExp (longest forms first) plus a namesake
 * RegExp. One pass of a combined RegExp is ~40x faster than a loop over names
 * (docs/performance-notes), and the checks after it only run where a name matched.
 */
export function compileMatcher(spec: MatcherSpec): Matcher {
  const forms = new Map<string, FormInfo>();
  const titles = new Set<string>();
  const eventForms: string[] = [];
  const namesakes: string[] = [];
  const byId = new Map<string, MatchEntity>();
  for (const entity of spec.entities) {
    byId.set(entity.id, entity);
    const add = (form: string, ambiguous: boolean, full: boolean) => {
      const key = keyOf(form);
      if (!key || forms.has(key)) return;
      forms.set(key, { entity, ambiguous, full });
    };
    if (entity.kind === 'event') {
      for (const f of [entity.name, ...entity.fullNames]) eventForms.push(f);
    } else {
      for (const f of [entity.name, ...entity.fullNames]) add(f, false, true);
      for (const f of entity.shortForms) add(f, false, false);
      for (const f of entity.ambiguousShortForms) add(f, true, false);
      for (const t of entity.titles) titles.add(t);
    }
    namesakes.push(...entity.namesakes);
  }
  const eventId = spec.entities.find((e) => e.kind === 'event');
  const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);
  const namePart = [...forms.keys()]
    .sort(byLength)
    .map((f) => formPattern(f))
    .join('|');
  const titlePart = [...titles]
    .sort(byLength)
    .map((t) => formPattern(t))
    .join('|');
  const eventPart = eventId
    ? [...new Set(eventForms)]
        .sort(byLength)
        .map((f) => formPattern(f, true))
        .concat(EVENT_PHRASES)
        .join('|')
    : '';
  const alternatives: string[] = [];
  if (eventPart) alternatives.push(`(?<event>${eventPart})`);
  if (namePart) {
    alternatives.push(`(?:(?<title>${titlePart || '(?!)'})${GAP})?(?<name>${namePart})`);
  }
  const pattern = alternatives.length
    ? new RegExp(`(?<![${WORD}])(?:${alternatives.join('|')})(?![${WORD}])`, 'g')
    : null;
  const namesakePattern = namesakes.length
    ? new RegExp(
        `(?<![${WORD}])(?:${[...new Set(namesakes)]
          .sort(byLength)
          .map((n) => formPattern(n))
          .join('|')})(?![${WORD}])`,
        'g',
      )
    : null;

  function scan(text: string): Mention[] {
    if (!pattern) return [];
    pattern.lastIndex = 0;
    const found: Mention[] = [];
    let blocked: [number, number][] | null = null;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const groups = m.groups!;
      if (groups.event !== undefined && eventId) {
        found.push({ entity: eventId.id, kind: 'event', start, end, ambiguous: false, full: true });
        continue;
      }
      const info = forms.get(keyOf(groups.name!));
      if (!info) continue;
      if (namesakePattern) {
        blocked ??= spans(namesakePattern, text);
        if (blocked.some(([s, e]) => s < end && start < e)) continue;
      }
      const titled = groups.title !== undefined;
      if (!info.full && !titled && !isSurnameAlone(text, start, end)) continue;
      found.push({
        entity: info.entity.id,
        kind: 'person',
        start,
        end,
        ambiguous: info.ambiguous,
        full: info.full,
      });
    }
    return found;
  }

  // Anchors: one word of every form, as few words as will do (fewer alternatives, faster
  // pass); no boundaries, so a word glued to the next block's text is still found.
  // A word whose first letter may be either case is searched without it ("ummit"): a
  // character class in front makes the pass several times slower.
  const anchorOf = (w: string, loose: boolean) =>
    loose && w.length >= 5 ? escape(w.slice(1)) : formPattern(w, loose);
  const anchorWords = new Set<string>();
  if (eventId) anchorWords.add(anchorOf('summit', true)); // in every one of EVENT_PHRASES
  const anchorFor = (form: string, loose: boolean) => {
    const ws = words(form).map((w) => ({ w, p: anchorOf(w, loose) }));
    if (ws.some(({ p }) => anchorWords.has(p))) return;
    anchorWords.add(ws.reduce((a, b) => (b.w.length > a.w.length ? b : a)).p);
  };
  const allForms = [...forms.keys()].sort((a, b) => words(a).length - words(b).length);
  for (const f of allForms) anchorFor(f, false);
  for (const f of eventForms) anchorFor(f, true);
  const anchorPattern = anchorWords.size
    ? new RegExp([...anchorWords].sort((a, b) => b.length - a.length).join('|'), 'g')
    : null;

  function anchorsIn(text: string): number[] {
    if (!anchorPattern) return [];
    anchorPattern.lastIndex = 0;
    const out: number[] = [];
    for (let m = anchorPattern.exec(text); m; m = anchorPattern.exec(text)) out.push(m.index);
    return out;
  }

  return {
    entities: spec.entities,
    entity: (id) => byId.get(id),
    match(text) {
      if (!INVISIBLE.test(text)) return scan(text);
      // Soft hyphens and zero-width characters inside names: match a cleaned copy, map back.
      const { clean, map } = withoutInvisibles(text);
      return scan(clean).map((m) => ({ ...m, start: map[m.start]!, end: map[m.end - 1]! + 1 }));
    },
    anchors(text) {
      if (!INVISIBLE.test(text)) return anchorsIn(text);
      const { clean, map } = withoutInvisibles(text);
      return anchorsIn(clean).map((at) => map[at]!);
    },
  };
}

/** `text` without invisible characters, and where each remaining character came from. */
function withoutInvisibles(text: string): { clean: string; map: number[] } {
  const map: number[] = [];
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE_ALL.test(text[i]!)) {
      INVISIBLE_ALL.lastIndex = 0;
      continue;
    }
    INVISIBLE_ALL.lastIndex = 0;
    map.push(i);
    clean += text[i];
  }
  map.push(text.length);
  return { clean, map };
}

function spans(re: RegExp, text: string): [number, number][] {
  re.lastIndex = 0;
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
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
  const before = /([A-Z][a-z]+)[\s\u00A0]+$/.exec(window);
  if (!before || NOT_GIVEN_NAMES.has(before[1]!)) return true;
  // "Later Kim said": a capitalised word opening a sentence is usually an ordinary word.
  // Mid-sentence ("with Eric Trump"), an unknown capitalised word is taken as a given name.
  const lead = window.slice(0, before.index).trimEnd();
  return lead === '' ? start - window.length <= 0 : /[.!?:;"“‘'(\u2014]$/.test(lead);
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
