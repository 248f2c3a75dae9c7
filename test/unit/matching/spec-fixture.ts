import { readFileSync } from 'node:fs';
import { expandPhrase } from '../../../src/dataset/reference';
import type { MatcherSpec } from '../../../src/matching/types';

/** The event's phrases as the pipeline expands them from the reference (the matcher has none). */
const PHRASES = (
  JSON.parse(
    readFileSync(new URL('../../../assets/reference/events.json', import.meta.url), 'utf8'),
  ) as { events: { phrases?: string[] }[] }
).events[0]!.phrases!.flatMap(expandPhrase);

const person = (
  id: string,
  name: string,
  extra: Partial<{
    fullNames: string[];
    shortForms: string[];
    ambiguousShortForms: string[];
    namesakes: string[];
    titles: string[];
  }> = {},
) => ({
  id,
  kind: 'person' as const,
  name,
  fullNames: extra.fullNames ?? [],
  shortForms: extra.shortForms ?? [name.split(' ').at(-1)!],
  ambiguousShortForms: extra.ambiguousShortForms ?? [],
  namesakes: extra.namesakes ?? [],
  titles: extra.titles ?? ['President', 'Russian President', 'French President', 'Senator', 'Mr.'],
});

/** The real people and event, as the dataset describes them. */
export const SPEC: MatcherSpec = {
  version: 1,
  entities: [
    {
      id: 'singapore-summit-2018',
      kind: 'event',
      name: 'Singapore summit',
      fullNames: ['US-North Korea summit', 'Trump-Kim summit', 'Trump–Kim summit', ...PHRASES],
      shortForms: [],
      ambiguousShortForms: [],
      namesakes: [],
      titles: [],
    },
    person('vladimir-putin', 'Vladimir Putin'),
    person('donald-trump', 'Donald Trump', {
      namesakes: ['Donald Trump Jr.', 'Melania Trump', 'Ivanka Trump', 'Eric Trump'],
    }),
    person('kim-jong-un', 'Kim Jong-un', {
      fullNames: ['Kim Jong Un'],
      shortForms: [],
      ambiguousShortForms: ['Kim'],
      namesakes: [
        'Kim Jong-il',
        'Kim Jong Il',
        'Kim Yo-jong',
        'Kim Yo Jong',
        'Kim Kardashian',
        'Stella Kim',
      ],
    }),
    person('emmanuel-macron', 'Emmanuel Macron'),
    person('konstantin-kosachev', 'Konstantin Kosachev'),
  ],
};
