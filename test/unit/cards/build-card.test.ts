import { describe, expect, it } from 'vitest';
import {
  buildCard,
  findPageVersion,
  indexDataset,
  toSideBySide,
  type WordDiff,
} from '../../../src/cards/build-card';
import { fixtureDataset } from './fixture';

const noDiff: WordDiff = (a, b) => [
  { op: 'removed', text: a },
  { op: 'added', text: b },
];

describe('toSideBySide', () => {
  it('gives each side the shared words and its own', () => {
    const s = toSideBySide([
      { op: 'same', text: 'we ' },
      { op: 'removed', text: 'hope' },
      { op: 'added', text: 'wish' },
    ]);
    expect(s.left.map((p) => p.text).join('')).toBe('we hope');
    expect(s.right.map((p) => p.text).join('')).toBe('we wish');
  });
});

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
    const left = group!.sides[0]!.left.map((p) => p.text).join('');
    const right = group!.sides[0]!.right.map((p) => p.text).join('');
    expect(left).toBe('has done everything he previously promised');
    expect(right).toBe('Kim Jong Un on his part did everything he promised to do');
  });

  it('lists what only one outlet carried', () => {
    expect(card!.onlyIn).toHaveLength(1);
    expect(card!.onlyIn[0]!.outlet.name).toBe('RT');
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

describe('buildCard for the event', () => {
  it('lists who spoke about it and in which outlets', () => {
    const card = buildCard(indexDataset(fixtureDataset()), 'singapore-summit-2018', noDiff);
    expect(card?.kind).toBe('event');
    if (card?.kind !== 'event') return;
    expect(card.date).toBe('2018-06-12');
    expect(card.speakers).toEqual([
      { id: 'vladimir-putin', name: 'Vladimir Putin', outlets: ['CNN', 'RT'] },
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', outlets: ['CNN'] },
    ]);
    expect(card.groups).toHaveLength(1);
  });
});

describe('page version', () => {
  const ds = fixtureDataset();

  it('finds the statement the page quotes, in any outlet wording', () => {
    const page =
      'Putin said: "Kim Jong Un on his part did everything he promised to do, even blew up some tunnels."';
    expect(findPageVersion(page, ds.statements)?.id).toBe('cnn-a:s1');
    const card = buildCard(indexDataset(ds), 'vladimir-putin', noDiff, page);
    expect(card?.page).toEqual({ statement: 'cnn-a:s1', coverage: 'c1' });
  });

  it('does not match on a few common words', () => {
    expect(
      findPageVersion('He said he promised everything to everyone.', ds.statements),
    ).toBeNull();
  });
});
