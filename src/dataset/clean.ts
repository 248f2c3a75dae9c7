import { ABBREVIATIONS, alternation } from '../text/lexicon-en';
/** A paragraph of the cleaned article and where it starts in the original file. */
interface Paragraph {
  text: string;
  /** Offset of the paragraph's first character in the original text. */
  start: number;
  /** 1-based line of the original file. */
  line: number;
}

export interface CleanArticle {
  title: string;
  /** The headline first, then the body, one paragraph per non-empty line. */
  paragraphs: Paragraph[];
  /** A dateline such as "24 May, 2018 21:20", when the text has one. */
  dateLine: string | null;
  /** What was dropped and why, for people checking the pipeline. */
  dropped: { line: number; reason: string; text: string }[];
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’'“”"]/g, "'")
    .replace(/[–—-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** UI icon-font names scraped along with the text ("icon bookmark-bicon bookmarkicon …"). */
function isIconDebris(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 8) return false;
  const icons = words.filter((w) => /icon/i.test(w)).length;
  return icons / words.length >= 0.3;
}

const DATELINE =
  /^(?:(?:published|updated|posted)[:\s]+)?\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}(?:\s+\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|MSK|[AP]M))?)?$|^[A-Z][a-z]+\s+\d{1,2},\s+\d{4}(?:\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?$/i;

const LINK_LINE =
  /^(?:READ MORE|Read more|RELATED|Related|WATCH|Watch|LISTEN|SEE ALSO|See also)\s*:/;

/** Photo credits at the end of a caption: "(Thomas Coex/AFP/Getty Images)". */
const CAPTION_CREDIT =
  /\((?:[^()]*\/)?[^()]*\b(?:Images|Photo|Photos|AFP|Reuters|AP|Getty|EPA|Sputnik|TASS)\b[^()]*\)\s*$/;

/** A short line with no sentence punctuation right under the headline: a photo caption. */
function isCaptionUnderHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words <= 6 && !/[.!?:;"“”‘’]\s*$/.test(line) && !/[“”"]/.test(line);
}

/**
 * Cleans scraped article text: drops icon-font debris, the dateline, repeated headlines, photo
 * captions and "READ MORE:" links, and keeps every paragraph's offset in the original text.
 */
export function cleanArticle(text: string): CleanArticle {
  const lines: Paragraph[] = [];
  let offset = 0;
  let lineNo = 1;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) lines.push({ text: body, start: offset + lead, line: lineNo });
    offset += raw.length + 1;
    lineNo++;
  }
  const dropped: CleanArticle['dropped'] = [];
  const drop = (p: Paragraph, reason: string) =>
    dropped.push({ line: p.line, reason, text: p.text });
  let dateLine: string | null = null;
  let title: Paragraph | null = null;
  const paragraphs: Paragraph[] = [];
  let afterHeadline = false;
  for (const p of lines) {
    if (isIconDebris(p.text)) {
      drop(p, 'icon-font debris');
      continue;
    }
    if (DATELINE.test(p.text)) {
      dateLine ??= p.text;
      drop(p, 'dateline');
      continue;
    }
    if (LINK_LINE.test(p.text)) {
      drop(p, 'link to another story');
      continue;
    }
    if (!title) {
      title = p;
      paragraphs.push(p);
      afterHeadline = true;
      continue;
    }
    if (normalise(p.text) === normalise(title.text)) {
      drop(p, 'repeated headline');
      afterHeadline = true;
      continue;
    }
    if (afterHeadline && isCaptionUnderHeadline(p.text)) {
      drop(p, 'photo caption');
      continue;
    }
    afterHeadline = false;
    if (CAPTION_CREDIT.test(p.text)) {
      drop(p, 'photo caption');
      continue;
    }
    paragraphs.push(p);
  }
  return { title: title?.text ?? '', paragraphs, dateLine, dropped };
}

/** A sentence of a paragraph and its offset in the paragraph. */
export interface Sentence {
  text: string;
  start: number;
}

const ABBREVIATED = new RegExp(
  `(?:\\b(?:${alternation(ABBREVIATIONS)})|\\b[A-Z]|\\b(?:U\\.S|U\\.N|U\\.K|E\\.U))\\.$`,
);

/**
 * Splits a paragraph into sentences at ". ", "? " and "! " (also after a closing quote), not
 * after abbreviations such as "Mr." or "U.S.".
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?…]["”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATED.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    out.push({ text: candidate, start });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}
