import { extractStatements } from '../dataset/attribute';
import { PeopleRegistry } from '../dataset/people-registry';
import { containment, profile, resemblance, terms } from '../dataset/similarity';
import { UTTERANCE_THRESHOLDS } from '../dataset/utterances';
import type { Coverage, Statement } from '../dataset/types';
import { words } from '../text/words';
import type { CardVersion, PageVersion } from './card-types';
import { preparedOf, type DatasetIndex } from './dataset-index';
import { wordingKey } from './rows';

/**
 * Finds which dataset statement, if any, the page's own text quotes: the statement whose
 * words run longest unbroken in `pageText` (at least `minRun` words, or all of a short one).
 */
export function findPageVersion(
  pageText: string,
  statements: Statement[],
  minRun = 6,
): Statement | null {
  const page = words(pageText);
  if (page.length === 0) return null;
  const positions = new Map<string, number[]>();
  page.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
  let best: Statement | null = null;
  let bestRun = 0;
  for (const s of statements) {
    const sw = words(s.text);
    const needed = Math.min(minRun, sw.length);
    if (needed < 3) continue;
    let longest = 0;
    for (let i = 0; i < sw.length && sw.length - i > longest; i++) {
      for (const start of positions.get(sw[i]!) ?? []) {
        let run = 0;
        while (i + run < sw.length && page[start + run] === sw[i + run]) run++;
        if (run > longest) longest = run;
      }
    }
    if (longest >= needed && longest > bestRun) {
      best = s;
      bestRun = longest;
    }
  }
  return best;
}

const PAGE_OUTLET: CardVersion['outlet'] = {
  id: 'page',
  name: 'This page',
  country: null,
  ownership: null,
};

/**
 * The page's own quotation of one of `statements`' utterances: the page text around the mention
 * goes through the same statement extraction as an article, and each quotation (speaker the
 * same or unknown) is compared with the utterances like any new version would be.
 */
function pageQuotation(
  index: DatasetIndex,
  pageText: string,
  statements: Statement[],
): { coverage: string; version: CardVersion } | null {
  const paragraphs = pageText
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  const found = extractStatements(paragraphs, new PeopleRegistry(index.dataset.people)).filter(
    (s) => s.kind === 'quote',
  );
  if (found.length === 0) return null;
  const { weights, items } = preparedOf(index);
  const speakers = new Set(statements.map((s) => s.speaker));
  const T = UTTERANCE_THRESHOLDS;
  let best: { coverage: Coverage; quote: string; score: number } | null = null;
  for (const q of found) {
    if (q.speaker !== null && !speakers.has(q.speaker)) continue;
    const p = profile(new Set(terms(q.text)), weights);
    if (p.terms.size < T.claimTerms) continue;
    const tried = new Set<string>();
    for (const s of statements) {
      const c = index.coverageOf.get(s.id);
      if (!c || tried.has(c.id)) continue;
      tried.add(c.id);
      if (q.speaker !== null && index.statements.get(c.statements[0]!)?.speaker !== q.speaker)
        continue;
      const vocabulary = new Set<string>();
      let res = 0;
      for (const id of c.statements) {
        const item = items.get(id);
        if (!item) continue;
        for (const t of item.p.terms) vocabulary.add(t);
        res = Math.max(res, resemblance(p, item.p, weights));
      }
      const con = containment(p, { terms: vocabulary, weight: 0 }, weights);
      const score = res >= T.resemble ? res : con >= T.contain ? con : 0;
      if (score > 0 && (!best || score > best.score)) best = { coverage: c, quote: q.text, score };
    }
  }
  if (!best) return null;
  const first = index.statements.get(best.coverage.statements[0]!);
  const speaker = first?.speaker ? index.people.get(first.speaker) : undefined;
  return {
    coverage: best.coverage.id,
    version: {
      statement: { id: 'page', kind: 'quote', text: best.quote, channel: null },
      speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
      article: { id: 'page', title: 'This page', published: null, url: null },
      outlet: PAGE_OUTLET,
    },
  };
}

/**
 * What the page being read quotes of `statements`: the statement it carries word for word,
 * and its own wording of an utterance when no outlet has that wording.
 */
export function pageVersion(
  index: DatasetIndex,
  pageText: string | undefined,
  statements: Statement[],
): { page: PageVersion | null; quotation: { coverage: string; version: CardVersion } | null } {
  if (!pageText) return { page: null, quotation: null };
  const hit = findPageVersion(pageText, statements);
  const quotation = pageQuotation(index, pageText, statements);
  const hitCoverage = hit ? (index.coverageOf.get(hit.id)?.id ?? null) : null;
  if (!hit && !quotation) return { page: null, quotation: null };
  const verbatim =
    !!quotation &&
    (index.coverageOf
      .get(hit?.id ?? '')
      ?.statements.some(
        (id) =>
          wordingKey(index.statements.get(id)?.text ?? '') ===
          wordingKey(quotation.version.statement.text),
      ) ??
      false);
  return {
    page: {
      statement: hit?.id ?? null,
      coverage: quotation?.coverage ?? hitCoverage,
      text: quotation && !verbatim ? quotation.version.statement.text : null,
    },
    quotation,
  };
}
