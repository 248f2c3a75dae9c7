import type { CardData } from './card-types';
import type { DatasetIndex } from './dataset-index';

/** The primary subtag of a BCP 47 tag ("fr-CA" → "fr"), or null for none or a bad one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tag ?? '').trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The languages the card's statements are in (their articles' `language`), so that a card on
 * a French or Russian page can say that the words below are in another language.
 */
export function withLanguages(index: DatasetIndex, card: CardData): CardData {
  const languages = new Set<string>();
  for (const id of card.articles) {
    const lang = primaryLanguage(index.articles.get(id)?.language);
    if (lang) languages.add(lang);
  }
  return { ...card, languages: [...languages].sort() };
}

/** The page's language and the statements' when they differ: the card says so. */
export interface LanguageMismatch {
  page: string;
  statements: string[];
}

/**
 * The page's language (`<html lang>`) and the statements' languages when the page's is none of
 * them; null otherwise or when either is unknown. The card words it in the UI's language.
 */
export function languageMismatch(
  pageLang: string | null,
  statementLangs: readonly string[],
): LanguageMismatch | null {
  const page = primaryLanguage(pageLang);
  if (!page || statementLangs.length === 0 || statementLangs.includes(page)) return null;
  return { page, statements: [...statementLangs] };
}
