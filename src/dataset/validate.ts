import * as v from 'valibot';
import { EventSchema, OutletSchema } from './reference';
import type { Dataset } from './types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(300));

const PersonSchema = v.object({
  id,
  name: text(300),
  aliases: v.array(text(300)),
  shortForms: v.array(text(100)),
  ambiguousShortForms: v.array(text(100)),
  namesakes: v.array(text(300)),
  titles: v.array(text(200)),
  role: v.nullable(text(1000)),
  country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  source: v.picklist(['reference', 'article']),
});

const ArticleSchema = v.object({
  id,
  file: text(1000),
  outlet: id,
  title: text(2000),
  published: v.nullable(text(40)),
  url: v.nullable(text(4000)),
  language: v.nullable(text(20)),
  paragraphs: v.pipe(v.array(text(100_000)), v.maxLength(10_000)),
});

const StatementSchema = v.object({
  id,
  article: id,
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(0)),
  speaker: v.nullable(id),
  kind: v.picklist(['quote', 'paraphrase']),
  text: text(20_000),
  channel: v.nullable(text(500)),
});

const CoverageSchema = v.object({
  id,
  statements: v.pipe(v.array(id), v.minLength(2)),
  similarity: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  diff: v.array(v.object({ op: v.picklist(['same', 'removed', 'added']), text: text(20_000) })),
});

const DatasetSchema = v.object({
  version: v.literal(1),
  articles: v.array(ArticleSchema),
  people: v.array(PersonSchema),
  outlets: v.array(OutletSchema),
  events: v.array(EventSchema),
  statements: v.array(StatementSchema),
  coverage: v.array(CoverageSchema),
  exclusives: v.array(
    v.object({
      event: id,
      outlet: id,
      of: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
      statements: v.array(id),
    }),
  ),
});

/** A dataset file that failed validation: what is wrong and where. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * Checks that unknown JSON is a dataset in the documented format and that its references hold
 * (statements point at articles, speakers at people). Used for imports and by the tests.
 */
export function validateDataset(json: unknown): Dataset {
  const result = v.safeParse(DatasetSchema, json);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new DatasetError(`${path ? `${path}: ` : ''}${issue.message}`);
  }
  const d = result.output as Dataset;
  const articles = new Set(d.articles.map((a) => a.id));
  const people = new Set(d.people.map((p) => p.id));
  const outlets = new Set(d.outlets.map((o) => o.id));
  const unique = (what: string, ids: string[]) => {
    if (new Set(ids).size !== ids.length) throw new DatasetError(`${what}: duplicate id`);
  };
  unique(
    'articles',
    d.articles.map((a) => a.id),
  );
  unique(
    'statements',
    d.statements.map((s) => s.id),
  );
  unique(
    'people',
    d.people.map((p) => p.id),
  );
  for (const a of d.articles) {
    if (!outlets.has(a.outlet))
      throw new DatasetError(`article ${a.id}: unknown outlet "${a.outlet}"`);
  }
  for (const s of d.statements) {
    if (!articles.has(s.article))
      throw new DatasetError(`statement ${s.id}: unknown article "${s.article}"`);
    if (s.speaker !== null && !people.has(s.speaker)) {
      throw new DatasetError(`statement ${s.id}: unknown speaker "${s.speaker}"`);
    }
  }
  return d;
}
