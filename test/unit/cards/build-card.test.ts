import { describe, expect, it } from 'vitest';
import {
  buildCard,
  findPageVersion,
  indexDataset,
  type WordDiff,
} from '../../../src/cards/build-card';
import { fixtureDataset } from './fixture';
import { wordDiff } from '../../../src/diff/word-diff';

const noDiff: WordDiff = (a, b) => [
  { op: 'removed', text: a },
  { op: 'added', text: b },
];

describe('buildCard for a person', () => {
  const index = indexDataset(fixtureDataset());
  const card = buildCard(index, 'vladimir-putin', noDiff);

  it('names the person with role and country', () => {
    expect(card).toMatchObject({
      kind: 'person',
      name: 'Vladimir Putin',
      role: 'President of Russia',
      country: 'RU',
    });
  });

  it('puts the versions of one utterance side by side with their outlets', () => {
    expect(card!.groups).toHaveLength(1);
    const [group] = card!.groups;
    expect(group!.versions.map((v) => v.outlet.name)).toEqual(['RT', 'CNN']);
    expect(group!.versions[0]!.outlet.ownership).toBe('Russian state-funded');
    expect(group!.outlets).toBe(2);
    const [common, other] = group!.rows;
    expect(common!.common).toBe(true);
    expect(common!.parts).toEqual([
      { op: 'same', text: 'has done everything he previously promised' },
    ]);
    // The other wording keeps its own words, marked; nothing is "removed".
    expect(other!.parts.map((p) => p.text).join('')).toBe(
      'Kim Jong Un on his part did everything he promised to do',
    );
    expect(other!.parts.every((p) => p.op !== 'removed')).toBe(true);
  });

  it('lists what only one outlet carried, of how many', () => {
    expect(card!.onlyIn).toHaveLength(1);
    expect(card!.onlyIn[0]!.outlet.name).toBe('RT');
    expect(card!.onlyIn[0]!.of).toBe(2);
    expect(card!.onlyIn[0]!.versions[0]!.statement.text).toMatch(/^will be jointly working/);
  });

  it("keeps other people's statements out", () => {
    const all = [
      ...card!.groups.flatMap((g) => g.versions),
      ...card!.onlyIn.flatMap((o) => o.versions),
    ];
    expect(all.every((v) => v.speaker?.id === 'vladimir-putin')).toBe(true);
    expect(card!.articles).toEqual(['rt-a', 'cnn-a']);
  });

  it('returns null for an unknown entity', () => {
    expect(buildCard(index, 'nobody', noDiff)).toBeNull();
  });
});

describe('many versions', () => {
  it('collapses identical wordings into one row listing their outlets, most common first', () => {
    const ds = fixtureDataset();
    const wire = 'did everything that he had promised in advance, even blowing up the tunnels';
    for (const id of ['ap', 'stv', 'ynet']) {
      ds.outlets.push({
        id,
        name: id.toUpperCase(),
        country: 'US',
        ownership: null,
        homepage: null,
      });
      ds.articles.push({ ...ds.articles[0]!, id: `${id}-a`, file: `${id}-a.txt`, outlet: id });
      ds.statements.push({
        ...ds.statements[0]!,
        id: `${id}-a:s1`,
        article: `${id}-a`,
        text: wire,
      });
      ds.coverage[0]!.statements.push(`${id}-a:s1`);
    }
    const card = buildCard(indexDataset(ds), 'vladimir-putin', wordDiff);
    const rows = card!.groups[0]!.rows;
    expect(rows.map((r) => r.versions.map((v) => v.outlet.name))).toEqual([
      ['AP', 'STV', 'YNET'],
      ['RT'],
      ['CNN'],
    ]);
    expect(rows[0]!.common).toBe(true);
    expect(rows[1]!.parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual([
      'has done',
      'previously',
    ]);
    expect(card!.groups[0]!.outlets).toBe(5);
  });
});

describe('buildCard for the event', () => {
  /** The fixture with each article naming the event in its own way, or not at all. */
  const naming = (rt: string, cnn: string) => {
    const ds = fixtureDataset();
    ds.events[0]!.phrases = ['summit in Singapore', 'June 12 summit'];
    ds.articles[0]!.paragraphs = [rt, 'p1'];
    ds.articles[1]!.title = cnn;
    return indexDataset(ds);
  };

  it('lists who spoke about it and in which outlets', () => {
    const index = naming('Before the planned summit in Singapore…', 'The SINGAPORE Summit is off');
    const card = buildCard(index, 'singapore-summit-2018', noDiff);
    expect(card?.kind).toBe('event');
    if (card?.kind !== 'event') return;
    expect(card.date).toBe('2018-06-12');
    expect(card.speakers).toEqual([
      { id: 'vladimir-putin', name: 'Vladimir Putin', outlets: ['CNN', 'RT'] },
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', outlets: ['CNN'] },
    ]);
    expect(card.groups).toHaveLength(1);
  });

  it('takes only the statements of articles that name the event, by any of its names', () => {
    const card = buildCard(
      naming('p0', 'Talks before the June 12 summit'),
      'singapore-summit-2018',
      noDiff,
    );
    if (card?.kind !== 'event') throw new Error('not an event card');
    expect(card.articles).toEqual(['cnn-a']);
    expect(card.speakers.map((s) => s.outlets)).toEqual([['CNN'], ['CNN']]);
    const none = buildCard(naming('p0', 'CNN article'), 'singapore-summit-2018', noDiff);
    expect(none).toMatchObject({ groups: [], onlyIn: [], articles: [], speakers: [] });
  });
});

describe('page version', () => {
  const ds = fixtureDataset();

  it('finds the statement the page quotes, in any outlet wording', () => {
    const page =
      'Putin said: "Kim Jong Un on his part did everything he promised to do, even blew up some tunnels."';
    expect(findPageVersion(page, ds.statements)?.id).toBe('cnn-a:s1');
    const card = buildCard(indexDataset(ds), 'vladimir-putin', noDiff, page);
    // The page runs on past the dataset's version: its own wording is a version too.
    expect(card?.page).toEqual({
      statement: 'cnn-a:s1',
      coverage: 'c1',
      text: 'Kim Jong Un on his part did everything he promised to do, even blew up some tunnels.',
    });
  });

  it('marks the row of a wording the page quotes word for word', () => {
    const page = 'Putin said: "Kim Jong Un on his part did everything he promised to do."';
    const card = buildCard(indexDataset(ds), 'vladimir-putin', wordDiff, page);
    expect(card?.page).toEqual({ statement: 'cnn-a:s1', coverage: 'c1', text: null });
    const rows = card!.groups[0]!.rows;
    expect(rows.filter((r) => r.page).map((r) => r.versions[0]!.outlet.id)).toEqual(['cnn']);
    expect(rows).toHaveLength(2);
  });

  it("sets the page's own wording beside the outlets', its differences marked", () => {
    const page =
      'Putin said: "Kim Jong Un on his part did everything that he had promised in advance."';
    const card = buildCard(indexDataset(ds), 'vladimir-putin', wordDiff, page);
    expect(card?.page?.coverage).toBe('c1');
    const rows = card!.groups[0]!.rows;
    const mine = rows.find((r) => r.page)!;
    expect(mine.versions[0]!.outlet.name).toBe('This page');
    expect(mine.parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toContain(
      'in advance.',
    );
    expect(mine.parts.map((p) => p.text).join('')).toBe(
      'Kim Jong Un on his part did everything that he had promised in advance.',
    );
    expect(rows.map((r) => r.versions[0]!.outlet.id)).toEqual(['rt', 'cnn', 'page']);
  });

  it('does not match on a few common words', () => {
    expect(
      findPageVersion('He said he promised everything to everyone.', ds.statements),
    ).toBeNull();
  });
});
