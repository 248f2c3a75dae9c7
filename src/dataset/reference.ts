import * as v from 'valibot';
import { inflect, type InflectionData } from '../matching/inflect';
import type { DatasetEvent, Outlet, Person } from './types';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug'));
const country = v.nullable(
  v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO country code')),
);
const names = v.array(v.pipe(v.string(), v.minLength(1)));
/** A BCP 47 primary language subtag: "fr", "ru". */
const language = v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'must be a language code'));

/** A phrase with choices in braces: "{June 12|12 June} summit" (no nesting, no empty choice). */
const phraseTemplate = v.pipe(
  v.string(),
  v.regex(/^(?:[^{}|]+|\{[^{}|]+(?:\|[^{}|]+)*\})+$/, 'must be words and {a|b} choices'),
);

/**
 * A person's or event's names in one language (base forms; inflected forms are generated from
 * them by the language's rules). Every list may be left out.
 */
const LocalNamesSchema = v.object({
  aliases: v.optional(names, []),
  /** An event's phrases in this language, as templates ("sommet {du|le} 12 juin"). */
  phrases: v.optional(v.array(phraseTemplate), []),
  shortForms: v.optional(names, []),
  ambiguousShortForms: v.optional(names, []),
  namesakes: v.optional(names, []),
  titles: v.optional(names, []),
  /** Words of these names that never inflect ("Ким" in "Ким Чен Ына"). */
  indeclinable: v.optional(names, []),
});

/** Names per language, keyed by language code (assets/reference/languages.json). */
const localNames = v.optional(v.record(language, LocalNamesSchema), {});

/** A language pages may be written in, and how it inflects names (assets/reference/languages.json). */
const LanguageSchema = v.object({
  code: language,
  name: v.pipe(v.string(), v.minLength(1)),
  indeclinable: v.optional(names),
  agreement: v.optional(v.picklist(['all', 'last'])),
  inflection: v.optional(
    v.array(
      v.object({
        // "" fits every word: a last rule for all the others.
        endings: v.pipe(v.array(v.string()), v.minLength(1)),
        strip: v.pipe(v.number(), v.integer(), v.minValue(0)),
        // No cases: words with these endings do not change (a rule before a catch-all).
        cases: v.array(v.pipe(v.array(v.string()), v.minLength(1))),
      }),
    ),
  ),
});

/** Curated outlets, people and events (assets/reference/*.json). */
export const OutletSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1)),
  country,
  ownership: v.nullable(v.string()),
  homepage: v.nullable(v.pipe(v.string(), v.url())),
});

const ReferencePersonSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1)),
  aliases: names,
  shortForms: names,
  ambiguousShortForms: names,
  namesakes: names,
  titles: names,
  role: v.nullable(v.string()),
  country,
  names: localNames,
});

export const EventSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1)),
  aliases: names,
  phrases: v.optional(names),
  date: v.nullable(v.pipe(v.string(), v.isoDate())),
  place: v.nullable(v.string()),
  description: v.string(),
});

/**
 * Every phrase a template stands for: "{June 12|12 June} summit" is "June 12 summit" and
 * "12 June summit". Choices are data, so a second event's phrases need no code.
 */
export function expandPhrase(template: string): string[] {
  let out = [''];
  for (const [, plain, choices] of template.matchAll(/([^{]+)|\{([^}]*)\}/g)) {
    const options = plain !== undefined ? [plain] : choices!.split('|');
    out = out.flatMap((head) => options.map((o) => head + o));
  }
  return out.map((p) => p.replace(/\s+/g, ' ').trim());
}

/**
 * An event in events.json: the dataset's event plus its names per language, and `phrases`
 * as templates (expanded into the dataset's `phrases`).
 */
const ReferenceEventSchema = v.object({
  ...EventSchema.entries,
  phrases: v.optional(v.array(phraseTemplate), []),
  names: localNames,
});

/**
 * What the extension shows before the reader asks anything (assets/reference/showcase.json):
 * the popup's example searches (a misspelling among them, to show typos are forgiven) and
 * the outlet whose article the welcome page uses as its sample.
 */
export const ShowcaseSchema = v.object({
  suggestions: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)),
  sampleOutlet: id,
});

export type Showcase = v.InferOutput<typeof ShowcaseSchema>;

export const ReferenceFiles = {
  'outlets.json': v.object({ outlets: v.array(OutletSchema) }),
  'people.json': v.object({ people: v.array(ReferencePersonSchema) }),
  'events.json': v.object({ events: v.array(ReferenceEventSchema) }),
  'languages.json': v.object({ languages: v.array(LanguageSchema) }),
  'showcase.json': ShowcaseSchema,
} as const;

/** Everything the pipeline knows before it reads an article. */
export interface ReferenceData {
  outlets: Outlet[];
  people: Person[];
  events: DatasetEvent[];
}

/**
 * An outlet described where the article is (sidecar or import), for outlets the reference does
 * not know: the same fields as `outlets.json`, `homepage` optional.
 */
const OutletDescriptionSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1)),
  country,
  ownership: v.nullable(v.string()),
  homepage: v.optional(v.nullable(v.pipe(v.string(), v.url()))),
});

/** Optional sidecar metadata of an article (`NAME.meta.json`). */
export const MetadataSchema = v.object({
  outlet: v.optional(v.union([id, OutletDescriptionSchema], 'must be an outlet id or object')),
  title: v.optional(v.pipe(v.string(), v.minLength(1))),
  url: v.optional(v.nullable(v.pipe(v.string(), v.url()))),
  published: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.regex(
          /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/,
          'must be an ISO date, or a date-time with a UTC offset',
        ),
      ),
    ),
  ),
  language: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[a-z]{2}(-[A-Z]{2})?$/)))),
  source: v.optional(v.string()),
  note: v.optional(v.string()),
});

export type Metadata = v.InferOutput<typeof MetadataSchema>;

/** A problem in an input file, with where it is. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'InputError';
  }
}

/** Line (1-based) of character `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of the first `"key":` in a JSON text, for errors that name a field. */
export function lineOfKey(text: string, path: readonly (string | number)[]): number {
  let from = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const at = text.indexOf(`"${key}"`, from);
    if (at < 0) break;
    from = at;
  }
  return lineOf(text, from);
}

/**
 * Parses a JSON input file against a schema. Syntax and shape errors become an InputError
 * naming the file, the line and the problem.
 */
export function parseJsonFile<S extends v.GenericSchema>(
  file: string,
  text: string,
  schema: S,
): v.InferOutput<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineOf(text, Number(pos[1])) : 1;
    throw new InputError(file, line, `invalid JSON: ${message}`);
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issue = result.issues[0]!;
  const path = issue.path?.map((p) => p.key as string | number) ?? [];
  const where = path.length ? `"${path.join('.')}" ` : '';
  throw new InputError(file, lineOfKey(text, path), `${where}${issue.message}`);
}

type LocalNames = v.InferOutput<typeof LocalNamesSchema>;
type Language = v.InferOutput<typeof LanguageSchema>;

/**
 * The names of every language, flattened into the English lists the matcher and search read
 * (all languages are tried on every page: see docs/dataset.md), with inflected forms generated.
 * An unknown language code is an error, so a typo cannot silently drop names.
 */
function withLanguages<T extends { aliases: string[] }>(
  what: string,
  entry: T,
  local: Record<string, LocalNames>,
  languages: Map<string, Language>,
  fields: readonly (keyof LocalNames & keyof T)[],
): T {
  const out = { ...entry } as Record<string, unknown>;
  for (const [code, n] of Object.entries(local)) {
    const lang = languages.get(code);
    if (!lang) throw new InputError(`${what}.json`, 1, `unknown language "${code}"`);
    const data: InflectionData = lang;
    for (const field of fields) {
      const given = (n[field] ?? []) as string[];
      const forms = (field === 'phrases' ? given.flatMap(expandPhrase) : given).flatMap((f) =>
        inflect(f, data, n.indeclinable ?? []),
      );
      if (forms.length) out[field] = [...new Set([...((out[field] as string[]) ?? []), ...forms])];
    }
  }
  delete out.names;
  return out as T;
}

/** Turns the reference files into ReferenceData, checking ids are unique. */
export function referenceFromFiles(files: {
  outlets: v.InferOutput<(typeof ReferenceFiles)['outlets.json']>;
  people: v.InferOutput<(typeof ReferenceFiles)['people.json']>;
  events: v.InferOutput<(typeof ReferenceFiles)['events.json']>;
  languages?: v.InferOutput<(typeof ReferenceFiles)['languages.json']>;
}): ReferenceData {
  const languages = new Map((files.languages?.languages ?? []).map((l) => [l.code, l]));
  const unique = <T extends { id: string }>(what: string, list: T[]) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x.id)) throw new InputError(`${what}.json`, 1, `duplicate id "${x.id}"`);
      seen.add(x.id);
    }
    return list;
  };
  return {
    outlets: unique('outlets', files.outlets.outlets),
    people: unique('people', files.people.people).map(({ names, ...p }) =>
      withLanguages('people', { ...p, source: 'reference' as const }, names, languages, [
        'aliases',
        'shortForms',
        'ambiguousShortForms',
        'namesakes',
        'titles',
      ]),
    ),
    events: unique('events', files.events.events).map(({ names, phrases, ...e }) =>
      withLanguages(
        'events',
        { ...e, ...(phrases.length ? { phrases: phrases.flatMap(expandPhrase) } : {}) },
        names,
        languages,
        ['aliases', 'phrases'],
      ),
    ),
  };
}
