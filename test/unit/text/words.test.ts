import { describe, expect, it } from 'vitest';
import { firstWords, fold, slug, tokenize, words, wordsAsWritten } from '../../../src/text/words';

describe('words', () => {
  it('folds case, accents and compatibility forms', () => {
    expect(fold('MACRÓN')).toBe('macron');
    expect(fold('ﬁnal')).toBe('final');
    expect(fold('Ёлка')).toBe('елка');
    expect(fold('ΟΔΟΣ')).toBe(fold('οδος'));
  });

  it('reads letters of any script, with their offsets', () => {
    expect(words('Путин сказал: «Мы готовы».')).toEqual(['путин', 'сказал', 'мы', 'готовы']);
    expect(words('金正恩 and 文在寅')).toEqual(['金正恩', 'and', '文在寅']);
    expect(tokenize('Hi, Kim!')).toEqual([
      { term: 'hi', start: 0, end: 2 },
      { term: 'kim', start: 4, end: 7 },
    ]);
  });

  it('keeps a word whole across its combining marks', () => {
    expect(words('Macro\u0301n')).toEqual(['macron']);
    expect(words('नमस्ते दुनिया')).toHaveLength(2);
    expect(words('كَتَبَ')).toEqual(words('كتب'));
  });

  it('stops after a limit with the same first words', () => {
    const text = 'Ким Чен Ын, «Macrón» — 2018’s ﬁnal; x';
    for (const limit of [0, 1, 3, 7, 20]) {
      expect(firstWords(text, limit)).toEqual(words(text).slice(0, limit));
    }
    expect(words(text)).toHaveLength(8);
  });

  it('keeps accents for comparing wordings', () => {
    expect(wordsAsWritten('Macrón, MACRON!')).toEqual(['macrón', 'macron']);
  });

  it('makes ASCII slugs, as ids are', () => {
    expect(slug('Vladímir Putin')).toBe('vladimir-putin');
    expect(slug('rt-2018-05-24 Putin Summit')).toBe('rt-2018-05-24-putin-summit');
    expect(slug('  --Kim Jong-un-- ')).toBe('kim-jong-un');
  });
});
