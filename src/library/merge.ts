import type { Coverage, Dataset } from '../dataset/types';
import type { LibraryEntry } from './types';

/**
 * The dataset every context works with: the bundled one plus the reader's library.
 * Bundled records win on id clashes; coverage clusters that share a statement become one.
 */
export function mergeDataset(bundled: Dataset, entries: LibraryEntry[]): Dataset {
  if (entries.length === 0) return bundled;
  const people = new Map(bundled.people.map((p) => [p.id, p]));
  const outlets = new Map(bundled.outlets.map((o) => [o.id, o]));
  const articles = new Map(bundled.articles.map((a) => [a.id, a]));
  const statements = [...bundled.statements];
  const known = new Set(statements.map((s) => s.id));
  for (const e of entries) {
    for (const p of e.people) if (!people.has(p.id)) people.set(p.id, p);
    for (const o of e.outlets) if (!outlets.has(o.id)) outlets.set(o.id, o);
    if (articles.has(e.article.id)) continue;
    articles.set(e.article.id, e.article);
    for (const s of e.statements) {
      if (known.has(s.id)) continue;
      known.add(s.id);
      statements.push(s);
    }
  }
  return {
    ...bundled,
    people: [...people.values()],
    outlets: [...outlets.values()],
    articles: [...articles.values()],
    statements,
    coverage: mergeCoverage([...bundled.coverage, ...entries.flatMap((e) => e.coverage)], known),
  };
}

/** Joins clusters that share a statement (union-find), dropping links to unknown statements. */
export function mergeCoverage(clusters: Coverage[], known: Set<string>): Coverage[] {
  const owner = new Map<string, number>();
  const parent = clusters.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  clusters.forEach((c, i) => {
    for (const s of c.statements) {
      const j = owner.get(s);
      if (j === undefined) owner.set(s, i);
      else parent[find(i)] = find(j);
    }
  });
  const merged = new Map<number, Coverage>();
  clusters.forEach((c, i) => {
    const root = find(i);
    const into = merged.get(root);
    if (!into) {
      merged.set(root, { ...c, statements: [...c.statements] });
      return;
    }
    for (const s of c.statements) if (!into.statements.includes(s)) into.statements.push(s);
  });
  return [...merged.values()]
    .map((c) => ({ ...c, statements: c.statements.filter((s) => known.has(s)) }))
    .filter((c) => c.statements.length >= 2);
}
