import type { LibraryEntry } from './types';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;
const str = (x: unknown) => typeof x === 'string';
const strOrNull = (x: unknown) => x === null || typeof x === 'string';
const strings = (x: unknown) => Array.isArray(x) && x.every(str);
const every = (x: unknown, ok: (item: Obj) => boolean) =>
  Array.isArray(x) && x.every((item) => isObj(item) && ok(item));

const articleOk = (a: Obj) =>
  str(a.id) &&
  str(a.file) &&
  str(a.outlet) &&
  str(a.title) &&
  strOrNull(a.published) &&
  strOrNull(a.url) &&
  strOrNull(a.language) &&
  strings(a.paragraphs);

const personOk = (p: Obj) =>
  str(p.id) &&
  str(p.name) &&
  strings(p.aliases) &&
  strings(p.shortForms) &&
  strings(p.ambiguousShortForms) &&
  strings(p.namesakes) &&
  strings(p.titles) &&
  strOrNull(p.role) &&
  strOrNull(p.country);

const outletOk = (o: Obj) =>
  str(o.id) &&
  str(o.name) &&
  strOrNull(o.country) &&
  strOrNull(o.ownership) &&
  strOrNull(o.homepage);

const coverageOk = (c: Obj) =>
  str(c.id) &&
  strings(c.statements) &&
  typeof c.similarity === 'number' &&
  every(c.diff, (d) => str(d.op) && str(d.text));

/**
 * Whether a stored entry has every field the extension reads, with its type. IndexedDB holds
 * whatever an older version, a bug or a hand edit left there, and the library is read whole
 * (cards, search, compare, export): one unreadable entry is left out there instead of
 * breaking all of them. Checked by hand rather than with the import's valibot schema: a
 * library of 10,000 articles is read on every background start: valibot took 100–180 ms on
 * it here, these checks 15–40 ms.
 */
export function isReadableEntry(e: unknown): e is LibraryEntry {
  if (!isObj(e) || !str(e.id) || typeof e.addedAt !== 'number' || !isObj(e.article)) return false;
  const article = e.article;
  return (
    articleOk(article) &&
    every(
      e.statements,
      (s) =>
        s.article === article.id &&
        str(s.id) &&
        str(s.text) &&
        strOrNull(s.speaker) &&
        (s.kind === 'quote' || s.kind === 'paraphrase') &&
        typeof s.paragraph === 'number' &&
        strOrNull(s.channel),
    ) &&
    every(e.people, personOk) &&
    every(e.outlets, outletOk) &&
    every(e.coverage, coverageOk)
  );
}
