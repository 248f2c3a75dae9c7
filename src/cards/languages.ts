import type { CardData, DatasetIndex } from './build-card';

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

const nameOf = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * "This page is in French; these statements are in English." when the page's language
 * (`<html lang>`) is none of the statements'; null otherwise or when either is unknown.
 */
export function languageNote(
  pageLang: string | null,
  statementLangs: readonly string[],
): string | null {
  const page = primaryLanguage(pageLang);
  if (!page || statementLangs.length === 0 || statementLangs.includes(page)) return null;
  const theirs = statementLangs.map(nameOf);
  const list =
    theirs.length === 1 ? theirs[0]! : `${theirs.slice(0, -1).join(', ')} and ${theirs.at(-1)!}`;
  return `This page is in ${nameOf(page)}; these statements are in ${list}.`;
}
