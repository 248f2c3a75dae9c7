import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/dataset/clean';
import { PeopleRegistry } from '../../../src/dataset/people-registry';
import { findQuotes } from '../../../src/dataset/quotes';
import {
  headlineDash,
  invertedVerbAfter,
  paragraphSpeaker,
  previousSentenceSubject,
  QUOTE_STRATEGIES,
  verbAfter,
  verbBefore,
  type QuoteSite,
  type QuoteStrategy,
} from '../../../src/dataset/attribution/quote-strategies';
import { addingThat, reportedSpeech } from '../../../src/dataset/attribution/reported-speech';
import { maskQuotes, type Context } from '../../../src/dataset/attribution/speakers';
import { person } from '../cards/fixture';

const PEOPLE = [
  person('vladimir-putin', 'Vladimir Putin', 'President of Russia', null),
  person('emmanuel-macron', 'Emmanuel Macron', 'President of France', null),
];

function setUp(paragraph: string, extra: Partial<QuoteSite> = {}) {
  const registry = new PeopleRegistry(PEOPLE);
  const paragraphs = ['Headline', paragraph];
  registry.prepare(paragraphs);
  registry.enterParagraph(1, paragraph);
  const masked = maskQuotes(paragraph);
  const quote = findQuotes(paragraphs).find((q) => q.paragraph === 1)!;
  expect(quote, 'the fixture holds a quotation').toBeDefined();
  const site: QuoteSite = {
    quote,
    paragraph: 1,
    sentences: splitSentences(paragraph),
    masked,
    knownIn: (from, to) =>
      registry
        .known(masked)
        .flatMap((k) =>
          k.start >= from && k.end <= to
            ? [{ ...k, start: k.start - from, end: k.end - from }]
            : [],
        ),
    paragraphSpeaker: null,
    previousParagraphSpeaker: null,
    quoteOnly: () => false,
    ...extra,
  };
  const ctx: Context = { registry, lastSpeaker: null, mentions: [] };
  return { site, ctx };
}

const run = (strategy: QuoteStrategy, paragraph: string, extra?: Partial<QuoteSite>) => {
  const { site, ctx } = setUp(paragraph, extra);
  return strategy.attribute(site, ctx);
};

describe('quotation strategies, each on its own', () => {
  it('inverted verb after: ,” said X, with the channel after the name', () => {
    expect(
      run(invertedVerbAfter, '“We will talk to them,” said Vladimir Putin, in a statement.'),
    ).toEqual({ speaker: 'vladimir-putin', channel: 'in a statement' });
    expect(run(invertedVerbAfter, '“We will talk to them,” Putin said.')).toBeNull();
  });

  it('verb after: ,” X said, with the channel', () => {
    expect(run(verbAfter, '“We will talk to them,” Putin told reporters.')).toEqual({
      speaker: 'vladimir-putin',
      channel: 'told reporters',
    });
    expect(run(verbAfter, '“We will talk to them,” and the room went quiet.')).toBeNull();
  });

  it('headline dash: “…” – Putin', () => {
    expect(run(headlineDash, '“Doing everything he promised” – Putin')).toEqual({
      speaker: 'vladimir-putin',
      channel: null,
    });
    expect(run(headlineDash, '“Doing everything he promised” – the day after')).toBeNull();
  });

  it('verb before: X said that … “…”', () => {
    expect(run(verbBefore, 'Macron said that France had “counted on the summit”.')).toEqual({
      speaker: 'emmanuel-macron',
      channel: null,
    });
    expect(run(verbBefore, 'The talks had “counted on the summit”.')).toBeNull();
  });

  it('previous sentence subject: a sentence that is only a quotation', () => {
    expect(
      run(previousSentenceSubject, 'Macron summed up the danger with a metaphor. “It is a storm.”'),
    ).toEqual({ speaker: 'emmanuel-macron', channel: null });
    expect(
      run(previousSentenceSubject, 'The danger was plain. Later, “it is a storm,” came the word.'),
    ).toBeNull();
  });

  it("paragraph speaker: this paragraph's, or the previous one's when the paragraph is only quotation", () => {
    const text = '“It is a storm.”';
    expect(run(paragraphSpeaker, text, { paragraphSpeaker: 'emmanuel-macron' })).toEqual({
      speaker: 'emmanuel-macron',
      channel: null,
    });
    const previous = { previousParagraphSpeaker: 'vladimir-putin' };
    expect(run(paragraphSpeaker, text, { ...previous, quoteOnly: () => true })).toEqual({
      speaker: 'vladimir-putin',
      channel: null,
    });
    expect(run(paragraphSpeaker, text, { ...previous, quoteOnly: () => false })).toBeNull();
  });

  it('are tried in order: the sentence itself first, the paragraph last', () => {
    expect(QUOTE_STRATEGIES.map((s) => s.name)).toEqual([
      'inverted verb after',
      'verb after',
      'headline dash',
      'verb before',
      'previous sentence subject',
      'paragraph speaker',
    ]);
  });
});

describe('reported speech', () => {
  const ctxFor = (text: string) => setUp(`${text} “x”`).ctx;

  it('reads "X said that …" with its speaker', () => {
    const text = 'Putin said that Russia would keep every promise it made.';
    expect(reportedSpeech(text, ctxFor(text))).toEqual([
      {
        offset: 6,
        text: 'Russia would keep every promise it made',
        speaker: 'vladimir-putin',
        channel: null,
      },
    ]);
  });

  it('leaves a time or place before "that" out of the clause', () => {
    for (const text of [
      'Putin said on Monday that Russia would keep every promise it made.',
      'Putin said in Moscow, that Russia would keep every promise it made.',
    ])
      expect(reportedSpeech(text, ctxFor(text)).map((p) => p.text)).toEqual([
        'Russia would keep every promise it made',
      ]);
  });

  it('skips sentences with quotation marks and short clauses', () => {
    const quoted = 'Putin said that “Russia would keep every promise it made.”';
    expect(reportedSpeech(quoted, ctxFor(quoted))).toEqual([]);
    const short = 'Putin said that it was fine.';
    expect(reportedSpeech(short, ctxFor(short))).toEqual([]);
  });

  it('reads ",” adding that …" after a quotation, the subject or the fallback speaking', () => {
    const text = '“We are ready,” Macron said, adding that the talks would go on as planned.';
    expect(addingThat(text, ctxFor(text), null)).toMatchObject({
      text: 'the talks would go on as planned',
      speaker: 'emmanuel-macron',
    });
    const anonymous =
      '“We are ready,” came the reply, adding that the talks would go on as planned.';
    expect(addingThat(anonymous, ctxFor(anonymous), 'vladimir-putin')?.speaker).toBe(
      'vladimir-putin',
    );
    expect(addingThat('No quotation, adding that the talks go on.', ctxFor('x'), null)).toBeNull();
  });
});
