import { describe, expect, it } from 'vitest';
import { languageMismatch, primaryLanguage, withLanguages } from '../../../src/cards/languages';
import type { CardData, DatasetIndex } from '../../../src/cards/build-card';

describe('the page-language note', () => {
  it('names the page’s language when the statements are in another', () => {
    expect(languageMismatch('fr', ['en'])).toEqual({ page: 'fr', statements: ['en'] });
    expect(languageMismatch('ru-RU', ['en', 'fr'])).toEqual({
      page: 'ru',
      statements: ['en', 'fr'],
    });
  });

  it('says nothing when a statement shares the page’s language or either is unknown', () => {
    expect(languageMismatch('en-US', ['en'])).toBeNull();
    expect(languageMismatch('fr', ['en', 'fr'])).toBeNull();
    expect(languageMismatch('', ['en'])).toBeNull();
    expect(languageMismatch('fr', [])).toBeNull();
  });

  it('reads primary subtags only', () => {
    expect(primaryLanguage('pt-BR')).toBe('pt');
    expect(primaryLanguage('zh_TW')).toBe('zh');
    expect(primaryLanguage('x')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });

  it('collects the languages of the card’s articles', () => {
    const index = {
      articles: new Map([
        ['a', { language: 'en' }],
        ['b', { language: 'fr-FR' }],
        ['c', { language: null }],
      ]),
    } as unknown as DatasetIndex;
    const card = { articles: ['a', 'b', 'c', 'missing'] } as unknown as CardData;
    expect(withLanguages(index, card).languages).toEqual(['en', 'fr']);
  });
});
