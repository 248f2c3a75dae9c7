import type { Dataset, Person } from '../../../src/dataset/types';

/** A reference person known by full name and surname. */
export const person = (id: string, name: string, role: string, country: string | null): Person => ({
  id,
  name,
  aliases: [],
  shortForms: [name.split(' ').at(-1)!],
  ambiguousShortForms: [],
  namesakes: [],
  titles: [],
  role,
  country,
  source: 'reference' as const,
});

/** A small dataset shaped like the seeds: two outlets, one shared statement, one exclusive. */
export function fixtureDataset(): Dataset {
  return {
    version: 1,
    outlets: [
      { id: 'rt', name: 'RT', country: 'RU', ownership: 'Russian state-funded', homepage: null },
      { id: 'cnn', name: 'CNN', country: 'US', ownership: 'US private network', homepage: null },
    ],
    people: [
      person('vladimir-putin', 'Vladimir Putin', 'President of Russia', 'RU'),
      person('emmanuel-macron', 'Emmanuel Macron', 'President of France', 'FR'),
    ],
    events: [
      {
        id: 'singapore-summit-2018',
        name: 'Singapore summit',
        aliases: [],
        date: '2018-06-12',
        place: 'Singapore',
        description: 'The cancelled summit.',
      },
    ],
    articles: [
      {
        id: 'rt-a',
        file: 'rt-a.txt',
        outlet: 'rt',
        title: 'RT article',
        published: '2018-05-24T21:20:00+03:00',
        url: null,
        language: 'en',
        paragraphs: ['p0', 'p1'],
      },
      {
        id: 'cnn-a',
        file: 'cnn-a.txt',
        outlet: 'cnn',
        title: 'CNN article',
        published: '2018-05-24',
        url: 'https://edition.cnn.com/x',
        language: 'en',
        paragraphs: ['p0'],
      },
    ],
    statements: [
      {
        id: 'rt-a:s1',
        article: 'rt-a',
        paragraph: 0,
        speaker: 'vladimir-putin',
        kind: 'quote',
        text: 'has done everything he previously promised',
        channel: null,
      },
      {
        id: 'rt-a:s2',
        article: 'rt-a',
        paragraph: 1,
        speaker: 'vladimir-putin',
        kind: 'quote',
        text: 'will be jointly working to bring the stances of the US and North Korea closer together.',
        channel: null,
      },
      {
        id: 'cnn-a:s1',
        article: 'cnn-a',
        paragraph: 0,
        speaker: 'vladimir-putin',
        kind: 'quote',
        text: 'Kim Jong Un on his part did everything he promised to do',
        channel: null,
      },
      {
        id: 'cnn-a:s2',
        article: 'cnn-a',
        paragraph: 0,
        speaker: 'emmanuel-macron',
        kind: 'quote',
        text: 'just a hitch',
        channel: null,
      },
    ],
    coverage: [
      {
        id: 'c1',
        statements: ['rt-a:s1', 'cnn-a:s1'],
        similarity: 0.6,
        diff: [
          { op: 'added', text: 'Kim Jong Un on his part ' },
          { op: 'removed', text: 'has done' },
          { op: 'added', text: 'did' },
          { op: 'same', text: ' everything he ' },
          { op: 'removed', text: 'previously ' },
          { op: 'same', text: 'promised' },
          { op: 'added', text: ' to do' },
        ],
      },
    ],
    exclusives: [],
  };
}
