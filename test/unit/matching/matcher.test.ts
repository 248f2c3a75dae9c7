import { describe, expect, it } from 'vitest';
import {
  buildMatcher,
  compileMatcher,
  matcherSpecFromDataset,
  prepareMatcher,
  resolveAmbiguous,
} from '../../../src/matching';
import { SPEC } from './spec-fixture';

const matcher = compileMatcher(SPEC);
/** What each mention covers, as "entity:text". */
const found = (text: string) =>
  resolveAmbiguous(matcher.match(text)).map((m) => `${m.entity}:${text.slice(m.start, m.end)}`);

describe('names', () => {
  it('finds full names and safe short forms', () => {
    expect(found('Vladimir Putin met Macron. Putin smiled.')).toEqual([
      'vladimir-putin:Vladimir Putin',
      'emmanuel-macron:Macron',
      'vladimir-putin:Putin',
    ]);
  });

  it('is case-sensitive for proper names', () => {
    expect(found('a putin-esque move')).toEqual([]);
    expect(found('He played his trump card.')).toEqual([]);
  });

  it('finds possessives, keeping the apostrophe out of the highlight', () => {
    expect(found("Putin's words and Macron’s reply")).toEqual([
      'vladimir-putin:Putin',
      'emmanuel-macron:Macron',
    ]);
  });

  it('accepts hyphen, space, non-breaking hyphen and en dash variants', () => {
    for (const name of [
      'Kim Jong-un',
      'Kim Jong Un',
      'Kim Jong\u2011un',
      'Kim Jong\u2013un',
      'Kim\u00A0Jong-un',
    ]) {
      expect(found(`Leader ${name} spoke.`)).toEqual([`kim-jong-un:${name}`]);
    }
  });

  it('finds names with soft hyphens and zero-width characters inside', () => {
    const text = 'Then Pu\u00ADtin and Ma\u200Bcron spoke.';
    expect(found(text)).toEqual(['vladimir-putin:Pu\u00ADtin', 'emmanuel-macron:Ma\u200Bcron']);
  });

  it('puts titles inside the highlight', () => {
    expect(found('Russian President Vladimir Putin said')).toEqual([
      'vladimir-putin:Russian President Vladimir Putin',
    ]);
    expect(found('Senator Konstantin Kosachev wrote')).toEqual([
      'konstantin-kosachev:Senator Konstantin Kosachev',
    ]);
    expect(found('President Trump said')).toEqual(['donald-trump:President Trump']);
  });

  it('does not take a name glued to a letter or digit of any script', () => {
    // Greek is in the quick check; Hangul, Arabic digits and astral letters go to the exact one.
    for (const glued of ['ά', 'ㄱ', '١', '𝐀', '𠀀', '\u0301']) {
      expect(found(`Putin${glued} and Macron`)).toEqual(['emmanuel-macron:Macron']);
    }
    // The exact check still lets a shorter form end on a boundary ("Kim" of "Kim Jong Un𝐀").
    expect(found('Kim Jong-un met Kim Jong Un𝐀')).toEqual([
      'kim-jong-un:Kim Jong-un',
      'kim-jong-un:Kim',
    ]);
  });

  it('finds a title however the page spaces it, and only right before the name', () => {
    expect(found('Russian\n      President\u00A0 Vladimir Putin')).toEqual([
      'vladimir-putin:Russian\n      President\u00A0 Vladimir Putin',
    ]);
    expect(found('(President Trump)')).toEqual(['donald-trump:President Trump']);
    // Glued to the word before: the title is not one, the name still is.
    expect(found('VicePresident Vladimir Putin')).toEqual(['vladimir-putin:Vladimir Putin']);
    expect(found('President, Trump')).toEqual(['donald-trump:Trump']);
  });

  it('keeps a title’s case: only one written in lower case in the data may change its first letter', () => {
    // "President" is in the data with a capital: "president Trump" is not that title.
    expect(found('the president Trump named')).toEqual(['donald-trump:Trump']);
    expect(found('RUSSIAN PRESIDENT Vladimir Putin')).toEqual(['vladimir-putin:Vladimir Putin']);
    // Accents and typographic apostrophes do not matter, either way round.
    const spec = {
      version: 1 as const,
      entities: SPEC.entities.map((e) =>
        e.id === 'emmanuel-macron' ? { ...e, titles: ['chef de l’État', 'président'] } : e,
      ),
    };
    const fr = compileMatcher(spec);
    const text = "Le chef de l'Etat Emmanuel Macron et Président Macron.";
    expect(fr.match(text).map((m) => text.slice(m.start, m.end))).toEqual([
      "chef de l'Etat Emmanuel Macron",
      'Président Macron',
    ]);
  });

  it('does not take a name out of a longer word', () => {
    expect(found('Putinism and Macronist ideas')).toEqual([]);
  });
});

describe('namesakes', () => {
  it.each([
    ['Donald Trump Jr. tweeted.', 'Donald Trump Jr.'],
    ['Melania Trump visited.', 'Melania Trump'],
    ['Ivanka Trump visited.', 'Ivanka Trump'],
    ['Kim Kardashian posted.', 'Kim Kardashian'],
    ['Kim Jong-il died in 2011.', 'Kim Jong-il'],
    ['Kim Yo-jong attended.', 'Kim Yo-jong'],
    ['Stella Kim wrote the story.', 'Stella Kim'],
  ])('%s is not a mention of ours', (text) => {
    // Even on a page that also names Kim Jong-un in full.
    expect(found(`Kim Jong-un was away. ${text}`).slice(1)).toEqual([]);
  });

  it('"Trump Jr." and an unknown given name before the surname are other people', () => {
    expect(found('Trump Jr. spoke, then Lara Trump.')).toEqual([]);
  });

  it('"Vladimir" alone is nobody', () => {
    expect(found('Vladimir said hello.')).toEqual([]);
  });

  it('a capitalised ordinary word before the surname does not hide it', () => {
    expect(found('When Trump spoke. But Putin said no.')).toEqual([
      'donald-trump:Trump',
      'vladimir-putin:Putin',
    ]);
  });
});

describe('ambiguous short forms', () => {
  it('"Kim" counts only when the full name is on the same page', () => {
    expect(found('Kim said nothing.')).toEqual([]);
    expect(found('Kim Jong Un arrived. Later Kim said nothing.')).toEqual([
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim',
    ]);
  });

  it('are flagged by match() and resolved page-wide', () => {
    const block = matcher.match('Kim said nothing.');
    expect(block).toMatchObject([{ entity: 'kim-jong-un', ambiguous: true }]);
    const other = matcher.match('Kim Jong-un arrived.');
    expect(resolveAmbiguous([...block, ...other])).toHaveLength(2);
  });
});

describe('the summit', () => {
  it.each([
    'the Singapore summit',
    'the Singapore Summit',
    'the Trump–Kim summit',
    'the Trump-Kim summit',
    'the US-North Korea summit',
    'the U.S.-North Korea summit',
    'the Kim-Trump summit',
    'a summit in Singapore',
    'the June 12 summit',
  ])('finds %s', (text) => {
    const m = found(text);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^singapore-summit-2018:/);
    expect(m[0]).not.toMatch(/:the |:a /);
  });

  it('anchors the event on its own words, not on a person’s name', () => {
    // "cumbre Trump-Kim": "cumbre" is the anchor; "Trump" would build the event pattern on
    // every page that names him.
    const spec = {
      version: 1 as const,
      entities: SPEC.entities.map((e) =>
        e.kind === 'event' ? { ...e, fullNames: [...e.fullNames, 'cumbre Trump-Kim'] } : e,
      ),
    };
    const part = prepareMatcher(spec).parts[0]!;
    const anchored = (text: string) =>
      part.events.some((e) => e.anchors.some((a) => text.includes(a)));
    expect(anchored('Donald Trump met Kim Jong-un')).toBe(false);
    expect(anchored('la cumbre Trump-Kim')).toBe(true);
    const text = 'La cumbre Trump-Kim, dijo Trump.';
    expect(
      compileMatcher(spec)
        .match(text)
        .map((m) => text.slice(m.start, m.end)),
    ).toEqual(['cumbre Trump-Kim', 'Trump']);
  });

  it('takes the event over the names inside it', () => {
    expect(found('The Trump–Kim summit is off.')).toEqual([
      'singapore-summit-2018:Trump–Kim summit',
    ]);
  });

  it('knows an event only from its data: no phrases given, none matched', () => {
    const event = SPEC.entities[0]!;
    const bare = compileMatcher({
      version: 1,
      entities: [{ ...event, fullNames: ['Trump-Kim summit'] }, ...SPEC.entities.slice(1)],
    });
    const events = (text: string) => bare.match(text).filter((m) => m.kind === 'event');
    expect(events('a summit in Singapore, the June 12 summit')).toEqual([]);
    expect(events('the Trump-Kim summit')).toHaveLength(1);
  });

  it('takes the phrases from the dataset as the event’s names', () => {
    const spec = matcherSpecFromDataset({
      people: [],
      events: [
        {
          id: 'e',
          name: 'Helsinki summit',
          aliases: [],
          phrases: ['meeting in Helsinki'],
          date: null,
          place: null,
          description: '',
        },
      ],
    });
    const m = compileMatcher(spec).match('After the meeting in Helsinki, the Helsinki summit.');
    expect(m.map((x) => x.entity)).toEqual(['e', 'e']);
  });
});

describe('speed', () => {
  it('returns offsets inside the text for every mention', () => {
    const text = 'Putin. '.repeat(1000);
    const ms = matcher.match(text);
    expect(ms).toHaveLength(1000);
    expect(ms.every((m) => text.slice(m.start, m.end) === 'Putin')).toBe(true);
  });
});

describe('given names before a surname', () => {
  it('mid-sentence, an unknown capitalised word is a given name', () => {
    expect(found('He met with Eric Trump and Putin.')).toEqual(['vladimir-putin:Putin']);
  });
  it('at a sentence start, a capitalised word is an ordinary word', () => {
    expect(found('It rained. Yesterday Trump left.')).toEqual(['donald-trump:Trump']);
  });
  it('in prose, a capitalised word after a proper name is still a given name', () => {
    expect(found("New York's Fred Trump said so.")).toEqual([]);
    expect(found('Her aunt Mary Trump Wrote it, her uncle Fred Trump said.')).toEqual([]);
  });
  it('in title case, with capitalised words on both sides, it is an ordinary word', () => {
    expect(found('Critics Say Trump Appointees Can Dodge a Tax Bill')).toEqual([
      'donald-trump:Trump',
    ]);
    expect(found('As Trump Reaches Toward Putin, U.S. Troops Arrive')).toEqual([
      'donald-trump:Trump',
      'vladimir-putin:Putin',
    ]);
    expect(found("Five Facts About Trump's Decision")).toEqual(['donald-trump:Trump']);
  });
  it('at the end of a headline in title case, it is an ordinary word', () => {
    expect(found('Macron Rebukes Trump')).toEqual(['emmanuel-macron:Macron', 'donald-trump:Trump']);
    expect(found('Can Kamala Harris and Joe Biden Defeat Trump?')).toEqual(['donald-trump:Trump']);
    expect(found('“Russia Will Not Trust Kosachev”')).toEqual(['konstantin-kosachev:Kosachev']);
    // Not in prose (the word before the given name in lower case), nor before letters.
    expect(found('The letter was signed by Ted Trump.')).toEqual([]);
    expect(found('Senators Praise Ted Trump’s')).toEqual([]);
  });
});

describe('prepared matchers', () => {
  it('survive a JSON round trip (storage.session, messages) and match the same', () => {
    const prepared = prepareMatcher(SPEC);
    const rebuilt = buildMatcher(JSON.parse(JSON.stringify(prepared)) as typeof prepared);
    const text = 'Russian President Vladimir Putin met Kim Jong-un before the Singapore summit.';
    expect(rebuilt.match(text)).toEqual(compileMatcher(SPEC).match(text));
    expect(rebuilt.anchors(text).length).toBeGreaterThan(2);
  });

  it('keep titles apart from the names, unless a name could start inside a title', () => {
    const apart = prepareMatcher(SPEC).parts[0]!;
    expect(apart.titles).not.toBeNull();
    expect(apart.names.map((g) => g.pattern).join('')).not.toContain('(?<title>');
    // "Trump adviser" holds a name: a titled mention starts before the first name found.
    const spec = {
      version: 1 as const,
      entities: [
        ...SPEC.entities,
        {
          id: 'kellyanne-conway',
          kind: 'person' as const,
          name: 'Kellyanne Conway',
          fullNames: [],
          shortForms: ['Conway'],
          ambiguousShortForms: [],
          namesakes: [],
          titles: ['Trump adviser'],
        },
      ],
    };
    const joined = prepareMatcher(spec).parts[0]!;
    expect(joined.titles).toBeNull();
    expect(joined.names).toHaveLength(1);
    expect(joined.names[0]!.pattern).toContain('(?<title>');
    const text = 'Trump adviser Kellyanne Conway met President Trump.';
    const m = compileMatcher(spec).match(text);
    expect(m.map((x) => `${x.entity}:${text.slice(x.start, x.end)}`)).toEqual([
      'kellyanne-conway:Trump adviser Kellyanne Conway',
      'donald-trump:President Trump',
    ]);
  });

  it('leaves hidden entities out without reading their names as someone else’s', () => {
    const m = buildMatcher(prepareMatcher(SPEC), ['vladimir-putin']);
    const found = m.match('Vladimir Putin and Emmanuel Macron').map((x) => x.entity);
    expect(found).not.toContain('vladimir-putin');
    expect(found).toContain('emmanuel-macron');
  });
});
