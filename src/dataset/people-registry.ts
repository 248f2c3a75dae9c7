import { compileMatcher, type Matcher } from '../matching/compile';
import {
  alternation,
  HONORIFICS,
  NAMING_TITLES,
  NOT_NAMES,
  oneOf,
  TITLES,
} from '../text/lexicon-en';
import { slug } from '../text/words';
import type { Person } from './types';

/** Honorifics and titles that may precede an unknown name ("Mr Obama", "President Barack Obama"). */
const HONORIFIC = new RegExp(`^(?:(?:${alternation(HONORIFICS)})\\.?|${alternation(TITLES)})\\s+`);

/** Capitalised words that cannot be a person's name (places, institutions, calendar words). */
const isNotAName = oneOf(NOT_NAMES);

/** A name right after a title: "President Barack Obama", "Prime Minister Benjamin Netanyahu". */
const TITLED_NAME = new RegExp(
  `\\b(${alternation(NAMING_TITLES)})\\s+((?:[A-Z][a-z]+(?:-[a-z]+)?\\s+){0,2}[A-Z][a-z]+(?:-[a-z]+)?)\\b`,
  'g',
);

/**
 * The people of one article: the known ones (from the dataset, found with the same matcher
 * the extension uses) and new ones the article introduces by name, with their roles as written.
 */
export class PeopleRegistry {
  private readonly matcher: Matcher;
  readonly people = new Map<string, Person>();
  /** New people first seen in this article. */
  readonly added: Person[] = [];
  /** First and last name tokens of article people, for "Mr Obama" and "Lee". */
  private readonly tokens = new Map<string, Set<string>>();
  /** Paragraph where each article person was last named in full. */
  private readonly lastSeen = new Map<string, number>();
  private current = 0;
  private readonly confirmed = new Set<string>();

  constructor(known: Person[]) {
    for (const p of known) this.people.set(p.id, p);
    this.matcher = compileMatcher({
      version: 1,
      entities: known.map((p) => ({
        id: p.id,
        kind: 'person',
        name: p.name,
        fullNames: p.aliases,
        shortForms: p.shortForms,
        ambiguousShortForms: p.ambiguousShortForms,
        namesakes: p.namesakes,
        titles: p.titles,
      })),
    });
  }

  /**
   * Known people mentioned in `text`, with offsets. An ambiguous short form ("Kim") counts
   * only once the article has named that person in full (see `confirm`).
   */
  known(text: string): { person: string; start: number; end: number; ambiguous: boolean }[] {
    return this.matcher
      .match(text)
      .filter((m) => m.kind === 'person' && (!m.ambiguous || this.confirmed.has(m.entity)))
      .map((m) => ({ person: m.entity, start: m.start, end: m.end, ambiguous: m.ambiguous }));
  }

  /**
   * Reads the whole article once before attribution: which known people it names in full,
   * and which new people it introduces with a title ("President Barack Obama").
   */
  prepare(paragraphs: string[]): void {
    // "Benjamin Netanyahu" once, then "Netanyahu" alone: a person, even without a title.
    const all = paragraphs.join('\n');
    const alone = aloneCounts(all);
    const pending = new Set<string>();
    for (const m of all.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})(?=[’']s\b|[\s,.;:])/g)) {
      const [, first, last] = m;
      if (
        isNotAName(first!) ||
        isNotAName(last!) ||
        /(?:ian|ean|ese|ish|ic|li)$/.test(last!) ||
        HONORIFIC.test(`${first} `)
      )
        continue;
      const name = `${first} ${last}`;
      if ((alone.get(last!) ?? 0) >= 2 && !pending.has(name)) {
        pending.add(name);
        this.pendingBigrams.push({ name, at: m.index });
      }
    }
    // Full names first, so that "President Yoon" later finds Yoon Suk Yeol.
    paragraphs.forEach((text, p) => {
      this.current = p;
      for (const t of text.matchAll(TITLED_NAME)) {
        if (t[2]!.includes(' ')) this.resolveName(t[2]!, null, true);
      }
      for (const b of this.pendingBigrams) {
        if (text.includes(b.name)) this.resolveName(b.name, null, true);
      }
    });
    paragraphs.forEach((text, p) => {
      this.current = p;
      for (const m of this.matcher.match(text)) if (m.full) this.confirmed.add(m.entity);
      for (const t of text.matchAll(TITLED_NAME)) {
        const title = t[1]!.replace(/\s+/g, ' ');
        const id = this.resolveName(t[2]!, null, true);
        const p = id ? this.people.get(id) : undefined;
        if (p && p.source === 'article' && !p.titles.includes(title)) p.titles.push(title);
      }
    });
    this.lastSeenReset();
  }

  private lastSeenReset(): void {
    // prepare() ran ahead; from now on a person counts from where the article names them.
    this.firstSeen = new Map(this.lastSeen);
    this.lastSeen.clear();
    this.current = 0;
  }

  private firstSeen = new Map<string, number>();
  private pendingBigrams: { name: string; at: number }[] = [];

  /** Moves to paragraph `p`: article people named in full there become the latest seen. */
  enterParagraph(p: number, text: string): void {
    this.current = p;
    for (const person of this.added) {
      if (text.includes(person.name)) this.lastSeen.set(person.id, p);
    }
  }

  /** The article person a lone name token stands for: the one named most recently. */
  private byToken(token: string): string | null {
    const ids = this.tokens.get(token);
    if (!ids) return null;
    let best: string | null = null;
    let bestSeen = -1;
    for (const id of ids) {
      const first = this.firstSeen.get(id) ?? this.lastSeen.get(id) ?? Infinity;
      if (first > this.current) continue;
      const seen = this.lastSeen.get(id) ?? first;
      if (seen >= bestSeen) {
        best = id;
        bestSeen = seen;
      }
    }
    return best;
  }

  /**
   * The person an unknown name refers to: a full name registers a new person (with `role`),
   * a surname ("Mr Obama", "Obama") finds one registered earlier. Null for anything that does
   * not look like a person's name.
   */
  resolveName(raw: string, role: string | null = null, titled = false): string | null {
    const name = raw
      .replace(HONORIFIC, '')
      .replace(/[’']s$/, '')
      .trim();
    const parts = name.split(/\s+/);
    if (parts.length === 0 || parts.some((w) => isNotAName(w) || !/^[A-Z]/.test(w))) return null;
    if (parts.length > 4) return null;
    // A single name without a title is too weak to introduce a new person.
    if (parts.length === 1 && !titled && !HONORIFIC.test(raw) && !this.byToken(parts[0]!)) {
      for (const p of this.people.values()) {
        if (p.name.split(/\s+/).at(-1) === parts[0]) return p.id;
      }
      return null;
    }
    const surname = parts.at(-1)!;
    if (parts.length === 1) {
      const id = this.byToken(surname);
      if (id) return id;
      for (const p of this.people.values()) {
        if (p.name.split(/\s+/).at(-1) === surname) return p.id;
      }
      // A lone surname after an honorific ("Mr Obama") is still a person.
      if (!HONORIFIC.test(raw)) return null;
    }
    for (const p of this.people.values()) {
      if (p.name === name || p.aliases.includes(name)) return p.id;
    }
    const id = slug(name);
    if (!id) return null;
    if (!this.people.has(id)) {
      const person: Person = {
        id,
        name,
        aliases: [],
        shortForms: parts.length > 1 ? [surname] : [],
        ambiguousShortForms: [],
        namesakes: [],
        titles: [],
        role: role?.trim() || null,
        country: null,
        source: 'article',
      };
      this.people.set(id, person);
      this.added.push(person);
    } else if (role && !this.people.get(id)!.role) {
      this.people.get(id)!.role = role.trim();
    }
    // "Obama" for Barack Obama; "Yoon" and "Lee" for Korean names written family name first.
    for (const token of parts.length > 1 ? [surname, parts[0]!] : [surname]) {
      const set = this.tokens.get(token) ?? new Set<string>();
      set.add(id);
      this.tokens.set(token, set);
    }
    if (!this.lastSeen.has(id)) this.lastSeen.set(id, this.current);
    return id;
  }

  get(id: string): Person | undefined {
    return this.people.get(id);
  }

  /** Whether a person has a title or role matching a role noun ("senator", "Russian leader"). */
  hasRole(id: string, roleNoun: string): boolean {
    const p = this.people.get(id);
    if (!p) return false;
    const noun = roleNoun.toLowerCase();
    const head = noun.split(/\s+/).at(-1)!;
    return (
      p.titles.some((t) => t.toLowerCase() === noun || t.toLowerCase().endsWith(` ${noun}`)) ||
      p.titles.some((t) => t.toLowerCase() === head && noun.split(/\s+/).length === 1) ||
      (p.role ?? '').toLowerCase().includes(noun)
    );
  }
}

/**
 * How often each capitalised word stands alone, not right after another capitalised word
 * ("Netanyahu" but not "Benjamin Netanyahu"): one pass, so a long text costs linear time.
 */
function aloneCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
  const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
  for (const m of text.matchAll(/\b[A-Z][a-z]+\b/g)) {
    // Not preceded by "[A-Z][a-z]+ ".
    let i = m.index - 1;
    if (text[i] === ' ' && isLower(text[i - 1])) {
      i--;
      while (isLower(text[i])) i--;
      if (isUpper(text[i])) continue;
    }
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}
